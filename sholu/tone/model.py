"""The shipped tone model (model.npz, written by `python -m sholu.tone.train`): a
multinomial logistic regression read with numpy alone (over the features, the
training rows' priors, `priors.py`, and their lexicon, `lexicon.py`), its probabilities
averaged with those of the network in neural.npz (`neural.py`) at the weight training
chose. A mention's tone is the class with the highest score after the neutral class's
tuned offset."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from .features import WORD_PREFIXES, Mention, Reading, dense_row, read, sparse_features, with_trees
from .lexicon import Lexicon, lexicon_words
from .neural import NEURAL_PATH, NeuralTone, token_inputs
from .priors import Priors, prior_keys

MODEL_PATH = Path(__file__).parent / "model.npz"
LABELS = (-1, 0, 1)
NEUTRAL = LABELS.index(0)
WORD_CACHE_LIMIT = 300_000


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
            if len(self.words) > WORD_CACHE_LIMIT:          # a long run's memory stays bounded
                self.words.clear()
            self.words[(lemma, form)] = tuple(self.index.get(f"{prefix}{form if prefix == 'w:' else lemma}")
                                              for prefix in WORD_PREFIXES)
        return self.words[(lemma, form)]

    def name(self, name: str) -> int | None:
        return self.index.get(name)


class ToneModel:
    def __init__(self, path: Path = MODEL_PATH):
        stored = np.load(path)
        names = unpacked_names(stored["names"])
        self.index = dict(zip(names, range(len(names))))
        self.columns = FeatureColumns(self.index)
        self.weights = stored["weights"].astype(np.float64)
        self.bias = stored["bias"].astype(np.float64)
        self.neutral_offset = float(stored["neutral_offset"])
        self.dense_scale = float(stored["dense_scale"])
        self.config = json.loads(str(stored["config"]))      # how train.py fitted it
        self.network_weight = float(self.config.get("network_weight", 0.0))
        self.network = NeuralTone(path.with_name(NEURAL_PATH.name)) if self.network_weight else None
        self.priors = stored_priors(stored) if self.config.get("priors") else None
        self.lexicon = stored_lexicon(stored) if self.config.get("lexicon") else None

    def probabilities(self, mention: Mention, reading: Reading | None = None) -> np.ndarray:
        return self.probabilities_of([(mention, reading)])[0]

    def probabilities_of(self, mentions: list[tuple[Mention, Reading | None]]) -> np.ndarray:
        """Each mention's class probabilities (a row each), all scored in one product;
        a mention's `reading` is its sentence already read, shared by its other mentions;
        the sentences' trees are parsed in one call."""
        mentions = [(mention, reading or read(mention.sentence)) for mention, reading in mentions]
        with_trees([reading for _, reading in mentions])
        linear = self.linear_probabilities(mentions)
        if self.network is None:
            return linear
        network = self.network.probabilities_of([token_inputs(mention, reading) for mention, reading in mentions])
        return mixed(linear, network.reshape(linear.shape), self.network_weight)

    def linear_probabilities(self, mentions: list[tuple[Mention, Reading]]) -> np.ndarray:
        if not mentions:
            return np.zeros((0, len(LABELS)))
        rows = [sparse_features(mention, reading, self.columns) for mention, reading in mentions]
        dense = np.array([dense_row(mention, reading) for mention, reading in mentions]).reshape(len(rows), -1)
        dense = dense * self.dense_scale
        if self.priors is not None:
            dense = np.hstack([dense, self.priors.matrix([prior_keys(mention, reading) for mention, reading in mentions])])
        if self.lexicon is not None:
            dense = np.hstack([dense, self.lexicon.matrix([lexicon_words(mention, reading) for mention, reading in mentions])])
        scores = self.sparse_scores(rows) + dense @ self.weights[len(self.index):] + self.bias
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def sparse_scores(self, rows: list[dict[int, float]]) -> np.ndarray:
        """Each row's weighted feature rows summed, over the length of its value vector."""
        owner = np.repeat(np.arange(len(rows)), [len(row) for row in rows])
        columns = np.fromiter(chain.from_iterable(rows), dtype=np.intp, count=len(owner))
        values = np.fromiter(chain.from_iterable(row.values() for row in rows), dtype=np.float64, count=len(owner))
        norms = np.sqrt(np.bincount(owner, weights=values * values, minlength=len(rows)))
        weighted = values[:, None] * self.weights[columns]
        sums = np.stack([np.bincount(owner, weights=weighted[:, c], minlength=len(rows)) for c in range(len(LABELS))], axis=1)
        return sums / np.where(norms > 0, norms, 1.0)[:, None]

    def tones(self, mentions: list[tuple[Mention, Reading | None]]) -> list[Tone]:
        probs = self.probabilities_of(mentions)
        return [Tone(LABELS[chosen], round(float(row[chosen]), 3))
                for row, chosen in zip(probs, decide(probs, self.neutral_offset).tolist())]

    def tone(self, mention: Mention, reading: Reading | None = None) -> Tone:
        return self.tones([(mention, reading)])[0]


def stored_priors(stored) -> Priors:
    counts = stored["prior_counts"].astype(np.float64)
    return Priors(dict(zip(stored["prior_keys"].tolist(), counts)), stored["prior_shares"].astype(np.float64))


def stored_lexicon(stored) -> Lexicon:
    counts = stored["lexicon_counts"].astype(np.float64)
    return Lexicon(dict(zip(unpacked_names(stored["lexicon_words"]), counts)), stored["lexicon_shares"].astype(np.float64))


def packed_names(names: list[str]) -> np.ndarray:
    """The feature names as one UTF-8 text, a name a line: an array of strings held them
    in 19 MB of four-byte characters to inflate and convert at every start."""
    if any("\n" in name for name in names):
        raise ValueError("a feature name holds a line break")
    return np.frombuffer("\n".join(names).encode("utf8"), dtype=np.uint8)


def unpacked_names(packed: np.ndarray) -> list[str]:
    return packed.tobytes().decode("utf8").split("\n")


def mixed(linear: np.ndarray, network: np.ndarray, network_weight: float) -> np.ndarray:
    """The two models' probabilities averaged, the network's at its weight."""
    return (1 - network_weight) * linear + network_weight * network


def decide(probs: np.ndarray, neutral_offset: float) -> np.ndarray:
    """Each row's class index, the neutral class's log-probability lowered by the offset."""
    scores = np.log(probs + 1e-12)
    scores[:, NEUTRAL] -= neutral_offset
    return scores.argmax(axis=1)


@lru_cache(maxsize=1)
def shipped_model() -> ToneModel:
    return ToneModel()
