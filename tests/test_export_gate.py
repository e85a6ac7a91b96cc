"""The export-level quality gate: the devset run through the whole pipeline into a real
SQLite file, exported, and scored by the shared factRuEval scorer (headline mentions
included) may not fall below bench/export_baseline.json; nor may cleaning lose more
of the texts' words."""
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import eval_export  # noqa: E402

BASELINE = json.loads((BENCH / "export_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures():
    return eval_export.evaluate()


def test_every_devset_text_is_exported(figures):
    assert figures["factru"]["missing_documents"] == 0


@pytest.mark.parametrize("kind", ["PER", "ORG", "LOC", "overall"])
def test_export_f1_holds_the_baseline(figures, kind):
    assert figures["factru"][kind]["f1"] >= BASELINE["f1"][kind]


def test_cleaning_keeps_the_articles_words(figures):
    kept = figures["words_kept"]
    assert kept["worst"] >= BASELINE["words_kept_worst"]
    assert len(kept["texts_losing_words"]) <= BASELINE["texts_losing_words_at_most"]
