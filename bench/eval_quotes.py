"""Quote attribution of the whole pipeline, scored with the shared gold scorer
(bench/data/quotes-dev/score_gold.py): the 42 factRuEval-2016 development texts of
bench/data/quotes-dev/quotes-dev.json and the sample corpus against its gold.

    .venv/bin/python bench/eval_quotes.py                 # prints the figures
    .venv/bin/python bench/eval_quotes.py --json out.json

Each set runs `sholu run` (in this process) into a fresh SQLite file; the records the
store gives back are what `sholu export --format jsonl` writes.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sholu import pipeline  # noqa: E402
from sholu.store import open_store  # noqa: E402

DEV = ROOT / "bench" / "data" / "quotes-dev"
DEVSET_TEXTS = ROOT / "bench" / "data" / "factrueval-dev"
SAMPLES = ROOT / "sholu" / "samples" / "kz-referendum-2026"
SEEDS_GOLD = ROOT / "tests" / "fixtures" / "gold" / "seeds.json"


def scorer():
    spec = importlib.util.spec_from_file_location("score_gold", DEV / "score_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exported(files: list[Path], jobs: int = 1) -> list[dict]:
    """The export records of a run over `files` in a fresh store."""
    with tempfile.TemporaryDirectory(prefix="sholu-quotes-") as work:
        folder = Path(work) / "in"
        folder.mkdir()
        for path in files:
            shutil.copy(path, folder / path.name)
        store = open_store(str(Path(work) / "run.db"))
        try:
            pipeline.run([str(folder)], store, jobs=jobs)
            return [doc.to_record() for doc in store.documents()]
        finally:
            store.close()


def figures(result: dict) -> dict:
    quotes = result["quotes"]
    return {"recall": quotes["recall"], "precision": quotes["precision"],
            "speaker": result["speaker"]["accuracy"], "kind": result["kind"]["accuracy"]}


def evaluate(jobs: int = 1) -> dict:
    score = scorer().score
    gold = json.loads((DEV / "quotes-dev.json").read_text(encoding="utf-8"))
    dev = exported([DEVSET_TEXTS / name for name in gold["documents"]], jobs)
    seeds_gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    seeds = exported(sorted(SAMPLES.glob("*.txt")), jobs)
    return {"devset": figures(score(dev, gold)), "seeds": figures(score(seeds, seeds_gold))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    result = evaluate(args.jobs)
    for name, values in result.items():
        print(f"{name:7} " + "  ".join(f"{k} {v:.3f}" for k, v in values.items()))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
