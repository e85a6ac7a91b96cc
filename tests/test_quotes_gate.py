"""The quote gate: the whole pipeline's quotes on the 42 development texts with quote
gold and on the sample corpus, scored by the shared scorer, may not fall below
bench/quotes_baseline.json."""
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import eval_quotes  # noqa: E402

BASELINE = json.loads((BENCH / "quotes_baseline.json").read_text(encoding="utf-8"))
FIGURES = [(name, key) for name in ("devset", "seeds") for key in BASELINE[name]]


@pytest.fixture(scope="module")
def scores():
    return eval_quotes.evaluate()


@pytest.mark.parametrize("name,key", FIGURES)
def test_quote_figures_hold_the_baseline(scores, name, key):
    assert scores[name][key] >= BASELINE[name][key]
