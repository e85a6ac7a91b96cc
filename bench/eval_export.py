"""The whole pipeline's export scored against factRuEval-2016, as users and the
acceptance checks see it: `sholu run` on the devset's texts into a fresh SQLite file,
the JSONL export, and the shared scorer `../shared/eval/score_factru.py` (its unchanged
copy in bench/data/factrueval-dev; mention level, headline `title_spans` included). Also the share of each text's words the export keeps
(body and headline), the worst text's share and how many texts lose any.

    .venv/bin/python bench/eval_export.py                  # the bundled devset copy
    .venv/bin/python bench/eval_export.py --devset DIR --json out.json

tests/test_export_gate.py holds the figures to bench/export_baseline.json.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sholu import pipeline  # noqa: E402
from sholu.store import open_store  # noqa: E402

DEFAULT_DEVSET = ROOT / "bench" / "data" / "factrueval-dev"
SCORER = DEFAULT_DEVSET / "score_factru.py"     # an unchanged copy of ../shared/eval/score_factru.py
WORD = re.compile(r"\w+")


def export_devset(devset: Path, folder: Path) -> Path:
    """The devset's .txt files through the pipeline; the export's JSONL path."""
    db, export = folder / "devset.db", folder / "devset.jsonl"
    store = open_store(str(db))
    try:
        pipeline.run([str(p) for p in sorted(devset.glob("*.txt"))], store, jobs=1)
        lines = [json.dumps(doc.to_record(), ensure_ascii=False) for doc in store.documents()]
    finally:
        store.close()
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return export


def factru_scores(export: Path, devset: Path) -> dict:
    """The shared scorer's figures (its last output line is JSON)."""
    if not SCORER.exists():
        raise FileNotFoundError(f"the shared scorer is missing: {SCORER}")
    out = subprocess.run([sys.executable, str(SCORER), str(export), str(devset)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def words_kept(export: Path, devset: Path) -> dict:
    """Per text, the share of its words (as a multiset) found in the export's body
    and headline: the worst share and the texts that lose any."""
    shares = {}
    for line in export.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        source = devset / Path(record["source"]).name
        original = WORD.findall(source.read_text(encoding="utf-8").lower())
        kept = WORD.findall(f"{record.get('title') or ''} {record.get('text') or ''}".lower())
        shares[source.name] = multiset_share(original, kept)
    losing = sorted(name for name, share in shares.items() if share < 1.0)
    return {"worst": round(min(shares.values()), 4), "texts_losing_words": losing}


def multiset_share(original: list[str], kept: list[str]) -> float:
    left = {}
    for word in kept:
        left[word] = left.get(word, 0) + 1
    found = 0
    for word in original:
        if left.get(word):
            left[word] -= 1
            found += 1
    return found / len(original) if original else 1.0


def evaluate(devset: Path = DEFAULT_DEVSET) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        export = export_devset(devset, Path(folder))
        return {"factru": factru_scores(export, devset), "words_kept": words_kept(export, devset)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    result = evaluate(args.devset)
    for kind in ("PER", "ORG", "LOC", "overall"):
        print(f"{kind:8} {result['factru'][kind]}")
    print(f"words kept: worst text {result['words_kept']['worst']:.4f}, "
          f"texts losing words: {len(result['words_kept']['texts_losing_words'])}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
