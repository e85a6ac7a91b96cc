"""Shared parts of the build_gold.py scripts of our held-out gold sets (bench/data/unseen-*):
the record builders in the format bench/eval_gold.py scores, and the check of a gold against
the raw files only (it never runs the pipeline)."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

TOPICS_FILE = Path(__file__).resolve().parents[1] / "sholu" / "data" / "topics.json"


def P(name, *pos):
    return {"name": name, "position_contains": list(pos)}


def Q(speaker, kind, contains, group=False):
    return {"speaker": speaker, "group": group, "kind": kind, "contains": contains}


def E(type_, date, city, venue, participants):
    return {"type": type_, "date": date, "city": city, "venue_contains": venue, "participants": participants}


def doc(outlet, published, start, end, boiler, persons, orgs, places, dates, quotes, events, topics, refs=()):
    return {"outlet": outlet, "published": published, "body_starts_with": start, "body_ends_with": end,
            "boilerplate": boiler, "persons": persons, "organizations": orgs, "places": places, "dates": dates,
            "quotes": quotes, "speakers": sorted({q["speaker"] for q in quotes if not q["group"]}),
            "events": events, "topics": topics, "constitution_refs": [{"article": a, "paragraph": p} for a, p in refs]}


def plain(path: Path) -> str:
    """The file's text as a reader sees it (HTML tags dropped, entities decoded)."""
    text = path.read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", text)) if path.suffix == ".html" else text


def problems_of(name: str, gold: dict, text: str, topics: set) -> list[str]:
    """What in one document's gold the raw text does not bear out."""
    flat, lower = re.sub(r"\s+", " ", text), text.lower()
    found = [f"QUOTE {name} {q['contains']}" for q in gold["quotes"]
             if text.count(q["contains"]) != 1 or not 4 <= len(q["contains"].split()) <= 12]
    found += [f"BODY {name} {k}" for k in ("body_starts_with", "body_ends_with") if flat.count(gold[k]) != 1]
    found += [f"BOILER missing {name} {b}" for b in gold["boilerplate"] if b not in flat]
    found += [f"POS {name} {part}" for p in gold["persons"] for part in p["position_contains"] if part.lower() not in lower]
    found += [f"TOPIC {name} {t}" for t in gold["topics"] if t not in topics]
    people = {p["name"] for p in gold["persons"]}
    found += [f"PARTICIPANT {name} {e['participants']}" for e in gold["events"] if not set(e["participants"]) <= people]
    found += [f"SPEAKER {name} {s}" for s in gold["speakers"] if s not in people]
    return found


def check_and_write(gold_docs: dict, folder: Path, about: str) -> None:
    """Check every document's gold against its file, then write folder/gold.json."""
    files = sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    assert sorted(gold_docs) == files, "gold and files differ"
    topics = {t["id"] for t in json.loads(TOPICS_FILE.read_text(encoding="utf-8"))["themes"]}
    problems = [line for name, gold in gold_docs.items() for line in problems_of(name, gold, plain(folder / name), topics)]
    for line in problems:
        print(line)
    print("files", len(gold_docs), "quotes", sum(len(g["quotes"]) for g in gold_docs.values()), "problems", len(problems))
    with open(folder / "gold.json", "w", encoding="utf-8") as out:
        json.dump({"about": about, "documents": gold_docs}, out, ensure_ascii=False, indent=1)
