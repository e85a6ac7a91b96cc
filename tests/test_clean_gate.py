"""The cleaning gate (issue 13): real article texts wrapped in site layouts of our own
(bench/eval_clean.py) must come out with the body's words and little else, no worse
than bench/export_baseline.json."""
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import eval_clean  # noqa: E402

BASELINE = json.loads((BENCH / "export_baseline.json").read_text(encoding="utf-8"))["chrome_pages"]


@pytest.fixture(scope="module")
def figures():
    return eval_clean.evaluate()


def test_every_article_is_wrapped_in_every_layout(figures):
    assert figures["pages"] == len(eval_clean.articles()) * len(eval_clean.LAYOUTS) > 300


@pytest.mark.parametrize("figure", ["body_precision", "body_recall"])
def test_body_figures_hold_the_baseline(figures, figure):
    assert figures[figure] >= BASELINE[figure]
