"""Score the whole pipeline against a gold file of hand-read facts (the format of
tests/fixtures/gold/seeds.json): body boundaries, outlet and date, people with their
positions, organisations, places, dates, quotes (speaker, kind), events (date, city,
venue, participants), themes and references to the Constitution.

    .venv/bin/python bench/eval_gold.py                                   # the sample corpus
    .venv/bin/python bench/eval_gold.py --gold my-gold.json --docs articles/ --json out.json

Each gold document is looked up by file name under --docs. Matching follows the gold
file's own rule: case-insensitive, е = ё, quote and dash variants equal, whitespace
collapsed; 'contains' fields are substrings of the system's value; a null means the
article does not state it, so an empty (or inferred) system value is right.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sholu.ingest import read_file  # noqa: E402
from sholu.pipeline import process  # noqa: E402

FOLD = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "—": "-", "–": "-",
                      "−": "-", "ё": "е", "Ё": "е"})


def norm(text) -> str:
    return re.sub(r"\s+", " ", str(text or "").translate(FOLD).lower()).strip()


def prf(hits: int, found: int, gold: int) -> dict:
    p = hits / found if found else 1.0
    r = hits / gold if gold else 1.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "hits": hits, "found": found, "gold": gold}


EMPTY_RECORD = {"text": "", "outlet": None, "published": None, "persons": [], "organizations": [], "places": [],
                "dates": [], "quotes": [], "events": [], "topics": [], "constitution_refs": []}


def analyse(path: Path) -> dict:
    """The document's export record; a document the pipeline fails on scores as an empty
    record (every fact missed), named on stderr, and the others are still scored."""
    raws = [item for item in read_file(path) if hasattr(item, "content")]
    result = process(raws[0]) if raws else None
    if not hasattr(result, "to_record"):
        print(f"error: {path}: {getattr(result, 'reason', 'not read')}", file=sys.stderr)
        return dict(EMPTY_RECORD)
    return result.to_record()


# -- one section per kind of fact -----------------------------------------------------------

def score_body(gold: dict, record: dict, tally: dict) -> None:
    text = norm(record["text"])
    tally["body_start"] += text.startswith(norm(gold["body_starts_with"]))
    tally["body_end"] += text.endswith(norm(gold["body_ends_with"]))
    tally["no_boilerplate"] += all(norm(b) not in text for b in gold.get("boilerplate", []))
    for field in ("outlet", "published"):
        tally[field] += norm(record[field]) == norm(gold[field])


def score_names(gold_names, found_names, tally: dict, key: str) -> None:
    gold, found = {norm(n) for n in gold_names}, {norm(n) for n in found_names}
    tally[key] = [a + b for a, b in zip(tally.get(key, [0, 0, 0]), [len(gold & found), len(found), len(gold)])]


def score_positions(gold: dict, record: dict, tally: dict) -> None:
    positions = {norm(p["name"]): norm(" | ".join(p["positions"])) for p in record["persons"]}
    for person in gold["persons"]:
        for part in person.get("position_contains", []):
            tally["positions_total"] += 1
            tally["positions_found"] += norm(part) in positions.get(norm(person["name"]), "")


def score_quotes(gold: dict, record: dict, tally: dict) -> None:
    people = [q for q in record["quotes"] if q.get("speaker_type") != "group"]
    tally["quotes_found_people"] += len(people)
    tally["quotes_found_all"] += len(record["quotes"])
    for quote in gold.get("quotes", []):
        tally["quotes_gold"] += 1
        hit = next((q for q in people if norm(quote["contains"]) in norm(q["text"])), None)
        if hit:
            tally["quotes_hit"] += 1
            tally["speaker_right"] += norm(hit["speaker"]) == norm(quote["speaker"])
            tally["kind_right"] += hit["kind"] == quote["kind"]


def score_events(gold: dict, record: dict, tally: dict) -> None:
    for event in gold.get("events", []):
        candidates = [e for e in record["events"] if e["type"] == event["type"]]
        best = max(candidates, key=lambda e: event_fields(event, e)[0], default=None)
        right, total = event_fields(event, best) if best else (0, 4)
        tally["event_fields_right"] += right
        tally["event_fields_total"] += total


def event_fields(gold: dict, found: dict) -> tuple[float, int]:
    date = found["date"] == gold["date"] or (gold["date"] is None and found.get("date_source") != "text")
    city = norm(found["city"]) == norm(gold["city"]) or (gold["city"] is None and found.get("city_inferred"))
    venue = gold.get("venue_contains") is None or norm(gold["venue_contains"]) in norm(found.get("venue"))
    people = prf(len({norm(p) for p in gold["participants"]} & {norm(p) for p in found["participants"]}),
                 len(found["participants"]), len(gold["participants"]))["f1"]
    return bool(date) + bool(city) + bool(venue) + people, 4


def score_themes(gold: dict, record: dict, tally: dict) -> None:
    score_names(gold.get("topics", []), [t["topic"] for t in record["topics"]], tally, "themes")
    for ref in gold.get("constitution_refs", []):
        tally["refs_gold"] += 1
        tally["refs_found"] += any(r["article"] == ref["article"] and r.get("paragraph") == ref.get("paragraph")
                                   for r in record["constitution_refs"])


# -- the run --------------------------------------------------------------------------------

def evaluate(gold_docs: dict, folder: Path) -> tuple[dict, dict]:
    tally: dict = {key: 0 for key in COUNTERS}
    for name, gold in gold_docs.items():
        record = analyse(folder / name)
        score_body(gold, record, tally)
        score_names([p["name"] for p in gold["persons"]], [p["name"] for p in record["persons"]], tally, "persons")
        score_names(gold["organizations"], [o["name"] for o in record["organizations"]], tally, "organizations")
        score_names(gold["places"], [p["name"] for p in record["places"]], tally, "places")
        score_names(gold["dates"], [d["date"] for d in record["dates"]], tally, "dates")
        score_positions(gold, record, tally)
        score_quotes(gold, record, tally)
        score_events(gold, record, tally)
        score_themes(gold, record, tally)
    return summarise(tally, len(gold_docs)), tally


COUNTERS = ("body_start", "body_end", "no_boilerplate", "outlet", "published", "positions_total",
            "positions_found", "quotes_found_people", "quotes_found_all", "quotes_gold", "quotes_hit",
            "speaker_right", "kind_right", "event_fields_right", "event_fields_total", "refs_gold",
            "refs_found")


def summarise(t: dict, documents: int) -> dict:
    share = lambda a, b: round(a / b, 3) if b else 1.0   # noqa: E731
    return {
        "documents": documents,
        "clean": {k: share(t[k], documents) for k in ("body_start", "body_end", "no_boilerplate", "outlet", "published")},
        **{k: prf(*t.get(k, [0, 0, 0])) for k in ("persons", "organizations", "places", "dates", "themes")},
        "positions_found": share(t["positions_found"], t["positions_total"]),
        "quotes": {"recall": share(t["quotes_hit"], t["quotes_gold"]),
                   "precision_people": share(t["quotes_hit"], t["quotes_found_people"]),
                   "precision_all": share(t["quotes_hit"], t["quotes_found_all"]),
                   "speaker_right": share(t["speaker_right"], t["quotes_hit"]),
                   "kind_right": share(t["kind_right"], t["quotes_hit"])},
        "events_fields_right": share(t["event_fields_right"], t["event_fields_total"]),
        "constitution_refs_found": share(t["refs_found"], t["refs_gold"]),
    }


def print_report(summary: dict) -> None:
    print(f"{summary['documents']} documents")
    print("clean: " + ", ".join(f"{k} {v:.2f}" for k, v in summary["clean"].items()))
    for key in ("persons", "organizations", "places", "dates", "themes"):
        s = summary[key]
        print(f"{key:14} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}  ({s['hits']}/{s['found']} found, {s['gold']} gold)")
    print(f"positions found: {summary['positions_found']:.3f}")
    q = summary["quotes"]
    print(f"quotes: recall {q['recall']:.3f}, precision {q['precision_people']:.3f} (people's quotes; "
          f"{q['precision_all']:.3f} counting group statements), speaker right {q['speaker_right']:.3f}, "
          f"kind right {q['kind_right']:.3f}")
    print(f"events: fields right {summary['events_fields_right']:.3f} (date, city, venue, participants F1)")
    print(f"constitution references found: {summary['constitution_refs_found']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "fixtures" / "gold" / "seeds.json")
    parser.add_argument("--docs", type=Path, default=ROOT / "sholu" / "samples" / "kz-referendum-2026")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()
    gold_docs = json.loads(args.gold.read_text(encoding="utf-8"))["documents"]
    summary, _ = evaluate(gold_docs, args.docs)
    print_report(summary)
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
