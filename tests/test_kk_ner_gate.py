"""Quality gate on the Kazakh NER's grouped cross-validation over KazNERD (development data):
fold 1 of 5, scored by exactly the code of `python -m sholu.lang.kk.train_ner --fold 1
--no-model` (its load, folds, vocabulary, features, training and scoring, imported).

One cheaper setting, so that the test takes ~1 min on two cores: 40 L-BFGS iterations
instead of the script's 100. The figure is a little lower at 40 (0.8508 against 0.8548 on
fold 1), and the gate still falls with any change to the features, vocabulary, word
classes, list of known organisations or folds.
The baseline, bench/kazakh_baseline.json "kaznerd_fold1_f1", is for this setting; it prints
with the script when PARAMS["max_iterations"] is set to 40."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

BASELINE = json.loads((Path(__file__).resolve().parents[1] / "bench" / "kazakh_baseline.json")
                      .read_text(encoding="utf-8"))
GATE_ITERATIONS = 40
# In a fresh interpreter: what earlier tests left in the kk pack's caches (stems and
# features of the full vocabulary) would leak into the folds' features, and the folds'
# word forms (held in memory while they train) must not reach later tests.
FOLD_ONE = ("import json; from sholu.lang.kk import train_ner as t; "
            f"t.PARAMS['max_iterations'] = {GATE_ITERATIONS}; "
            "print(json.dumps(t.cross_validate(t.load(t.DEFAULT_DATA), folds=5, which=[1])['ALL']))")


SHIPPED_VOCABULARY = Path(__file__).resolve().parents[1] / "sholu" / "lang" / "kk" / "vocabulary.txt"


@pytest.mark.training
def test_kaznerd_fold1_f1_holds_the_baseline_and_leaves_the_shipped_vocabulary():
    shipped = SHIPPED_VOCABULARY.read_bytes()
    done = subprocess.run([sys.executable, "-c", FOLD_ONE], capture_output=True, text=True, check=True)
    figure = json.loads(done.stdout.strip().splitlines()[-1])["f1"]
    assert figure >= BASELINE["kaznerd_fold1_f1"]
    assert SHIPPED_VOCABULARY.read_bytes() == shipped      # a fold's forms stay in memory
