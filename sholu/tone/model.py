"""The shipped tone model (model.npz, written by `python -m sholu.tone.train`): a
multinomial logistic regression read with numpy alone. A mention's tone is the class
with the highest score after the neutral class's tuned offset."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import WORD_PREFIXES, Mention, Reading, dense_features, sparse_features

MODEL_PATH = Path(__file__).parent / "model.npz"
LABELS = (-1, 0, 1)
NEUTRAL = LABELS.index(0)


@dataclass(frozen=True)
class Tone:
    """The tone of a sentence towards one entity, and the model's belief in it."""

    value: int              # -1, 0, 1
    confidence: float       # the probability of that class


class FeatureColumns:
    """Features keyed by the model's weight row (None for names it never saw); a word's
    keys are looked up once, not once per mention."""

    def __init__(self, index: dict[str, int]):
        self.index = index
        self.words: dict[tuple[str, str], tuple] = {}

    def word(self, lemma: str, form: str) -> tuple:
        if (lemma, form) not in self.words:
            self.words[(lemma, form)] = tuple(self.index.get(f"{prefix}{form if prefix == 'w:' else lemma}")
                                              for prefix in WORD_PREFIXES)
        return self.words[(lemma, form)]

    def name(self, name: str) -> int | None:
        return self.index.get(name)


class ToneModel:
    def __init__(self, path: Path = MODEL_PATH):
        stored = np.load(path)
        self.index = {name: i for i, name in enumerate(stored["names"].tolist())}
        self.columns = FeatureColumns(self.index)
        self.weights = stored["weights"].astype(np.float64)
        self.bias = stored["bias"].astype(np.float64)
        self.neutral_offset = float(stored["neutral_offset"])
        self.dense_scale = float(stored["dense_scale"])
        self.config = json.loads(str(stored["config"]))      # how train.py fitted it

    def probabilities(self, mention: Mention, reading: Reading | None = None) -> np.ndarray:
        """`reading`: the mention's sentence already read (shared by its other mentions)."""
        named = sparse_features(mention, reading, self.columns)
        values = np.array(list(named.values()))
        norm = float(np.sqrt(values @ values)) if named else 1.0
        sparse_part = values @ self.weights[list(named)] / norm if named else 0.0
        dense = dense_features(mention, reading) * self.dense_scale
        scores = sparse_part + dense @ self.weights[len(self.index):] + self.bias
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def tone(self, mention: Mention, reading: Reading | None = None) -> Tone:
        probs = self.probabilities(mention, reading)
        chosen = int(decide(probs[None, :], self.neutral_offset)[0])
        return Tone(LABELS[chosen], round(float(probs[chosen]), 3))


def decide(probs: np.ndarray, neutral_offset: float) -> np.ndarray:
    """Each row's class index, the neutral class's log-probability lowered by the offset."""
    scores = np.log(probs + 1e-12)
    scores[:, NEUTRAL] -= neutral_offset
    return scores.argmax(axis=1)


@lru_cache(maxsize=1)
def shipped_model() -> ToneModel:
    return ToneModel()
