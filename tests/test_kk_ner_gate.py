"""Quality gate on the Kazakh NER's grouped cross-validation over KazNERD (development data):
fold 1 of 5, scored by exactly the code of `python -m sholu.lang.kk.train_ner --fold 1
--no-model` (its load, folds, vocabulary, features, training and scoring, imported).

One cheaper setting, so that the test takes ~40 s on two cores: 40 L-BFGS iterations
instead of the script's 200 (200 take ~2.5 min). The figure is as good at 40 (0.8279 against
0.8271), and the gate still falls with any change to the features, vocabulary or folds.
The baseline, bench/kazakh_baseline.json "kaznerd_fold1_f1", is for this setting; it prints
with the script when PARAMS["max_iterations"] is set to 40."""
import contextlib
import json
import subprocess
import sys
from pathlib import Path

from sholu.lang.kk import morphology, ner, train_ner

BASELINE = json.loads((Path(__file__).resolve().parents[1] / "bench" / "kazakh_baseline.json")
                      .read_text(encoding="utf-8"))
GATE_ITERATIONS = 40
# In a fresh interpreter: what earlier tests left in the kk pack's caches (stems and
# features of the full vocabulary) would leak into the folds' features.
FOLD_ONE = ("import json; from sholu.lang.kk import train_ner as t; "
            f"t.PARAMS['max_iterations'] = {GATE_ITERATIONS}; "
            "print(json.dumps(t.cross_validate(t.load(t.DEFAULT_DATA), folds=5, which=[1])['ALL']))")


@contextlib.contextmanager
def shipped_vocabulary_kept():
    """Cross-validation rewrites the package's vocabulary.txt per fold; put the shipped one back."""
    path = train_ner.PACKAGE_DIR / "vocabulary.txt"
    shipped = path.read_bytes()
    try:
        yield
    finally:
        path.write_bytes(shipped)
        for cached in (morphology.vocabulary, morphology.proper_names, morphology.stem, ner.own_features):
            cached.cache_clear()


def test_kaznerd_fold1_f1_holds_the_baseline():
    with shipped_vocabulary_kept():
        done = subprocess.run([sys.executable, "-c", FOLD_ONE], capture_output=True, text=True, check=True)
    figure = json.loads(done.stdout.strip().splitlines()[-1])["f1"]
    assert figure >= BASELINE["kaznerd_fold1_f1"]
