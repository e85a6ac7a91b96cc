"""Counts of the events the whole pipeline finds on a folder or file of news (default: the
tests' own sample of several outlets' reports, `tests/fixtures/events-news`), for the
before/after figures of issue 14:

    PYTHONPATH=. .venv/bin/python bench/events_sample.py [PATH ...]

Prints the reports (events in articles), the events they group into, how many reports
and events have a city, and one line per event (type, date, city, reports, title)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "events-news"


def main(paths: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from sholu import pipeline
    from sholu.store import open_store
    from sholu.store.queries.common import one
    from sholu.store.queries.events import count_events, list_events

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "events.db"))
        pipeline.run(paths or [str(SAMPLE)], store, jobs=1)
        reports = one(store, "SELECT COUNT(*) FROM events")
        with_city = one(store, "SELECT COUNT(*) FROM events WHERE city IS NOT NULL")
        events = list_events(store, limit=10_000)
        print(f"reports {reports}, with a city {with_city}; events {count_events(store)}, "
              f"with a city {sum(1 for e in events if e['city'])}, "
              f"grouping several reports {sum(1 for e in events if e['reports'] > 1)}")
        for event in events:
            print(f"  {event['type']:<16} {event['date'] or '—':<10} {event['city'] or '—':<16} "
                  f"{event['reports']} report(s)  {event.get('title') or ', '.join(event['participants'][:3])}")
        store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
