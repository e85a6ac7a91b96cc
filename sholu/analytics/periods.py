"""Dates into periods: defined with the queries that count per period."""
from ..store.queries.periods import (PERIODS, all_periods, best_period, check_period, first_day,  # noqa: F401
                                     parse_day, period_of, period_sort_key)
