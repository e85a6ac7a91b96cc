"""The Kazakh NER's second reader: a small network that spells each word (a character
CNN), adds its own embedding, its word classes and a few flags, and reads the sentence
both ways (a BiLSTM) into a probability per tag. The CRF (ner.py) reads named features
of a five-word window; this reads whole words letter by letter and the whole sentence,
so the two err in different places: ner.py takes its organisations mostly from this one.

Trained offline with PyTorch (`train_neural_ner.py`); runs here on numpy alone, the
weights plain arrays in neural_ner.npz. `sentence_inputs` is what both see of a sentence."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import numpy as np

from .clusters import SIZES, classes_of
from .morphology import stem

WEIGHTS_FILE = "neural_ner.npz"
MAX_CHARS = 20           # a longer word is read by its first and last MAX_CHARS // 2 letters
FLAG_NAMES = ("title", "upper", "digit", "quoted", "first", "gaz:place", "gaz:organization", "gaz:world")
UNKNOWN = 1              # index 0 pads, 1 is any word or letter the training text lacked


def spelled(word: str) -> str:
    return word if len(word) <= MAX_CHARS else word[:MAX_CHARS // 2] + word[-(MAX_CHARS // 2):]


def word_flags(words: list[str], quoted: list[bool], gazetteer) -> np.ndarray:
    flags = np.zeros((len(words), len(FLAG_NAMES)), dtype=np.float32)
    for i, word in enumerate(words):
        kinds = gazetteer(word)
        flags[i] = (word[:1].isupper(), word.isupper() and len(word) > 1, any(ch.isdigit() for ch in word),
                    quoted[i], i == 0, "gaz:place" in kinds, "gaz:organization" in kinds, "gaz:world" in kinds)
    return flags


def class_ids(word: str) -> list[int]:
    """Each word class of the word's stem as 1 + its number at that size (0: none)."""
    found = dict(name.split(":") for name in classes_of(stem(word)))
    return [int(found[str(size)]) + 1 if str(size) in found else 0 for size in SIZES]


def feature_names(row: dict[str, object]) -> list[str]:
    """A CRF row's features of the word itself (not its neighbours': the LSTM reads those) as names."""
    return [name if value is True else f"{name}={value}" for name, value in row.items()
            if value is not False and not name[:1] in "-+12" and "|" not in name]


def sentence_inputs(words: list[str], word_index: dict[str, int], char_index: dict[str, int],
                    quoted: list[bool], gazetteer, rows: list[dict[str, object]],
                    feature_index: dict[str, int]) -> dict[str, np.ndarray]:
    """Index arrays of one sentence: words (n,), letters (n, MAX_CHARS), classes (n, 3), flags (n, F),
    and the CRF's features of each word (`rows`) known to the network: their ids, flat, and
    where each word's start."""
    features = [[feature_index[name] for name in feature_names(row) if name in feature_index] or [0]
                for row in rows]
    chars = np.zeros((len(words), MAX_CHARS), dtype=np.int64)
    for i, word in enumerate(words):
        for j, ch in enumerate(spelled(word)):
            chars[i, j] = char_index.get(ch, UNKNOWN)
    return {"words": np.array([word_index.get(word.lower(), UNKNOWN) for word in words], dtype=np.int64),
            "chars": chars, "classes": np.array([class_ids(word) for word in words], dtype=np.int64).reshape(-1, len(SIZES)),
            "flags": word_flags(words, quoted, gazetteer),
            "features": np.array([i for found in features for i in found], dtype=np.int64),
            "starts": np.cumsum([0] + [len(found) for found in features[:-1]]).astype(np.int64)}


class Network:
    """The trained network's forward pass in numpy (the same layers as train_neural_ner.Tagger)."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.w = arrays
        self.labels = [str(label) for label in arrays["labels"]]
        self.word_index = {str(word): i for i, word in enumerate(arrays["words"])}
        self.char_index = {str(ch): i for i, ch in enumerate(arrays["chars"])}
        self.feature_index = {str(name): i for i, name in enumerate(arrays["features"])}

    def probabilities(self, inputs: dict[str, np.ndarray]) -> np.ndarray:
        """(n, labels) softmax over the tags of each word."""
        w = self.w
        x = np.concatenate([w["word_emb"][inputs["words"]], self.spelling(inputs["chars"]),
                            *(w[f"class_emb{k}"][inputs["classes"][:, k]] for k in range(len(SIZES))),
                            inputs["flags"], self.crf_features(inputs)], axis=1)
        forward = lstm(x, w["lstm_ih"], w["lstm_hh"], w["lstm_b"])
        backward = lstm(x[::-1], w["lstm_ih_r"], w["lstm_hh_r"], w["lstm_b_r"])[::-1]
        hidden = np.concatenate([forward, backward], axis=1)
        scores = hidden @ w["out_w"].T + w["out_b"]
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def crf_features(self, inputs: dict[str, np.ndarray]) -> np.ndarray:
        """The mean embedding of each word's CRF features."""
        rows = self.w["feature_emb"][inputs["features"]]
        sizes = np.diff(np.append(inputs["starts"], len(inputs["features"])))
        return np.add.reduceat(rows, inputs["starts"], axis=0) / sizes[:, None]

    def spelling(self, chars: np.ndarray) -> np.ndarray:
        """Max over positions of a width-3 convolution over the letters' embeddings."""
        kernel, bias = self.w["conv_w"], self.w["conv_b"]          # (out, emb, 3), (out,)
        emb = self.w["char_emb"][chars]                              # (n, L, emb)
        padded = np.pad(emb, ((0, 0), (1, 1), (0, 0)))
        windows = np.stack([padded[:, k:k + chars.shape[1]] for k in range(3)], axis=3)   # (n, L, emb, 3)
        out = np.tensordot(windows, kernel, axes=([2, 3], [1, 2])) + bias               # (n, L, out)
        out = np.where((chars > 0)[:, :, None], out, -np.inf)
        return np.maximum(out.max(axis=1), 0.0)


def lstm(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One direction of PyTorch's LSTM (gates in, forget, cell, out)."""
    size = w_hh.shape[1]
    gates_in = x @ w_ih.T + b
    h, c = np.zeros(size, dtype=np.float32), np.zeros(size, dtype=np.float32)
    out = np.empty((len(x), size), dtype=np.float32)
    for t in range(len(x)):
        g = gates_in[t] + w_hh @ h
        i, f, o = sigmoid(g[:size]), sigmoid(g[size:2 * size]), sigmoid(g[3 * size:])
        c = f * c + i * np.tanh(g[2 * size:3 * size])
        h = o * np.tanh(c)
        out[t] = h
    return out


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def load(path) -> Network:
    """Weights saved in half precision are read as float32."""
    with np.load(str(path), allow_pickle=False) as arrays:
        return Network({name: arrays[name].astype(np.float32) if arrays[name].dtype == np.float16 else arrays[name]
                        for name in arrays.files})


@lru_cache(maxsize=1)
def shipped() -> Network | None:
    path = files(__package__).joinpath(WEIGHTS_FILE)
    return load(path) if path.is_file() else None
