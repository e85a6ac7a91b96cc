"""The shipped tone model (model.npz, written by `python -m sholu.tone.train`): a
multinomial logistic regression read with numpy alone. A mention's tone is the class
with the highest score after the neutral class's tuned offset."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import Mention, dense_features, sparse_features

MODEL_PATH = Path(__file__).parent / "model.npz"
LABELS = (-1, 0, 1)
NEUTRAL = LABELS.index(0)


@dataclass(frozen=True)
class Tone:
    """The tone of a sentence towards one entity, and the model's belief in it."""

    value: int              # -1, 0, 1
    confidence: float       # the probability of that class


class ToneModel:
    def __init__(self, path: Path = MODEL_PATH):
        stored = np.load(path)
        self.index = {name: i for i, name in enumerate(stored["names"].tolist())}
        self.weights = stored["weights"].astype(np.float64)
        self.bias = stored["bias"].astype(np.float64)
        self.neutral_offset = float(stored["neutral_offset"])
        self.dense_scale = float(stored["dense_scale"])
        self.config = json.loads(str(stored["config"]))      # how train.py fitted it

    def probabilities(self, mention: Mention) -> np.ndarray:
        named = [(self.index[n], v) for n, v in sparse_features(mention).items() if n in self.index]
        values = np.array([v for _, v in named])
        norm = float(np.sqrt(values @ values)) if named else 1.0
        sparse_part = values @ self.weights[[i for i, _ in named]] / norm if named else 0.0
        dense = dense_features(mention) * self.dense_scale
        scores = sparse_part + dense @ self.weights[len(self.index):] + self.bias
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def tone(self, mention: Mention) -> Tone:
        probs = self.probabilities(mention)
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
