"""Train the tone model offline: `python -m sholu.tone.train [TRAIN.tsv] [--out MODEL.npz] [--keep-network]`.

Reads RuSentNE-2023's training rows (sholu/tone/data/rusentne-2023-train.tsv, MIT; see
the LICENSE beside it), measures each candidate by cross-validation that keeps all rows
of one sentence in one fold (fixed seed), prints the figures, and writes the chosen
model where the package loads it: a multinomial logistic regression over `features`,
the training rows' label counts for the entity and its governing word (`priors.py`)
and the lexicon they make of the sentence's words (`lexicon.py`),
averaged with a small network over the sentence's tokens (`neural.py`, trained by
`train_neural.py`) at the weight the out-of-fold predictions chose, with a
neutral-class offset tuned on them. scipy and torch fit them here (`pip install -e
.[train]`); inference needs numpy only.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import optimize, sparse

from .features import Reading, dense_row, sparse_features, with_trees
from .metrics import f1_pn
from .model import MODEL_PATH, LABELS, decide, mixed, packed_names
from .neural import NEURAL_PATH, TokenInputs, token_inputs
from .lexicon import Lexicon, lexicon_words, left_out_lexicon
from .priors import Priors, left_out_columns, prior_keys
from .table import mention_of, read_table

DATA = Path(__file__).parent / "data" / "rusentne-2023-train.tsv"
SEED, FOLDS, MIN_COUNT = 2023, 5, 2


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return read_table(handle)


def build_vocabulary(feature_lists: list[list[str]]) -> dict[str, int]:
    counts = Counter(name for names in feature_lists for name in set(names))
    kept = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    return {name: i for i, name in enumerate(kept)}


def sparse_matrix(feature_maps: list[dict[str, float]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Rows of named feature weights over the vocabulary, each row of length one."""
    rows, cols, values = [], [], []
    for r, named in enumerate(feature_maps):
        known = [(vocabulary[n], v) for n, v in named.items() if n in vocabulary]
        rows += [r] * len(known)
        cols += [c for c, _ in known]
        values += [v for _, v in known]
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(feature_maps), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    return sparse.diags(1 / np.maximum(norms, 1e-9)) @ matrix


class Design:
    """The rows' sparse features (each row of length one) beside their scaled dense part,
    multiplied apart: joined, the dense part made the sparse products slow."""

    def __init__(self, sparse_part: sparse.csr_matrix, dense_part: np.ndarray):
        self.sparse_part, self.dense_part = sparse_part, dense_part
        self.shape = (sparse_part.shape[0], sparse_part.shape[1] + dense_part.shape[1])

    def __getitem__(self, rows) -> "Design":
        return Design(self.sparse_part[rows], self.dense_part[rows])

    def __matmul__(self, W: np.ndarray) -> np.ndarray:
        split = self.sparse_part.shape[1]
        return self.sparse_part @ W[:split] + self.dense_part @ W[split:]

    def transposed_times(self, residual: np.ndarray) -> np.ndarray:
        return np.vstack([self.sparse_part.T @ residual, self.dense_part.T @ residual])


def design(training: "Training", vocabulary, config: dict, priors: np.ndarray) -> Design:
    """The rows' design: the dense part scaled, the counted columns (`counted_columns`)
    after it as they are, or left out where the config does without them."""
    dense = np.asarray(training.dense, dtype=np.float64) * config["dense_scale"]
    if config.get("priors"):
        dense = np.hstack([dense, priors])
    return Design(sparse_matrix(training.feature_maps, vocabulary), dense)


def fit(X, y: np.ndarray, strength: float, balanced: bool) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression with an L2 penalty (`strength` = 1/C)."""
    classes = len(LABELS)
    onehot = np.eye(classes)[y]
    counts = np.bincount(y, minlength=classes)
    weights = (len(y) / (classes * counts))[y] if balanced else np.ones(len(y))
    d = X.shape[1]

    def loss(theta):
        W, b = theta[:d * classes].reshape(d, classes), theta[d * classes:]
        scores = X @ W + b
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        value = -(weights * np.log(np.sum(probs * onehot, axis=1) + 1e-12)).sum() / len(y)
        value += 0.5 * strength * np.sum(W * W)
        residual = (probs - onehot) * weights[:, None] / len(y)
        grad_W = X.transposed_times(residual) + strength * W
        return value, np.concatenate([np.asarray(grad_W).ravel(), residual.sum(axis=0)])

    start = np.zeros(d * classes + classes)
    theta = optimize.minimize(loss, start, jac=True, method="L-BFGS-B",
                              options={"maxiter": 500}).x
    return theta[:d * classes].reshape(d, classes), theta[d * classes:]


def probabilities(X, W, b) -> np.ndarray:
    scores = X @ W + b
    scores -= scores.max(axis=1, keepdims=True)
    probs = np.exp(scores)
    return probs / probs.sum(axis=1, keepdims=True)


def sentence_folds(rows: list[dict]) -> np.ndarray:
    """A fold per row, every row of one sentence in the same fold."""
    sentences = sorted({row["sentence"] for row in rows})
    order = np.random.default_rng(SEED).permutation(len(sentences))
    fold_of = {sentences[i]: rank % FOLDS for rank, i in enumerate(order)}
    return np.array([fold_of[row["sentence"]] for row in rows])


def out_of_fold(training: "Training", config: dict) -> np.ndarray:
    """Each row's probabilities from the linear model fitted on the other folds (the
    vocabulary and the priors counted on those folds alone)."""
    probs = np.zeros((len(training.y), len(LABELS)))
    for fold in range(FOLDS):
        train, test = np.flatnonzero(training.folds != fold), np.flatnonzero(training.folds == fold)
        vocabulary = build_vocabulary([training.feature_maps[i] for i in train])
        X = design(training, vocabulary, config, counted_columns(training, config, train, test))
        W, b = fit(X[train], training.y[train], config["strength"], config["balanced"])
        probs[test] = probabilities(X[test], W, b)
    return probs


def counted_columns(training: "Training", config: dict, fitted: np.ndarray, scored) -> np.ndarray:
    """The columns counted from the `fitted` rows' labels: the priors (`priors.py`), then
    the lexicon's (`lexicon.py`) where the config reads it."""
    columns = left_out_columns(training.keys, training.y, training.sentences, fitted, scored)
    if config.get("lexicon"):
        columns = np.hstack([columns, left_out_lexicon(training.words, training.y, training.sentences, fitted, scored)])
    return columns


def best_offset(probs: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The log-odds taken off the neutral class that maximises F1_PN, and that F1_PN."""
    grid = np.round(np.arange(-1.0, 2.51, 0.1), 2)
    scored = [(f1_pn(labels_of(y), labels_of(decide(probs, offset))), offset) for offset in grid]
    figure, offset = max(scored)
    return float(offset), figure


def labels_of(indexes: np.ndarray) -> list[int]:
    return [LABELS[i] for i in indexes]


# without the priors the best was 6e-4 / 0.5 (CV F1_PN 0.4776 with the network): they added
# 0.008; the lexicon adds 0.0065 (0.4782 -> 0.4847 with the shipped network), its pairs of words
# side by side 0.0045 more (linear part alone 0.4734 -> 0.4795; mixed 0.4847 -> 0.4892 at weight 0.3)
CANDIDATES = [
    {"strength": 6e-4, "balanced": True, "dense_scale": 0.5, "priors": True, "lexicon": True},
    {"strength": 1e-3, "balanced": True, "dense_scale": 0.5, "priors": True, "lexicon": True},
]


class Training(NamedTuple):
    """What both models learn from: the rows' feature maps and dense features (linear
    model), their prior keys (`priors.py`) and lexicon words (`lexicon.py`), their tokens (network), label indexes, sentence
    folds, entity tags and sentences."""

    feature_maps: list[dict]
    dense: np.ndarray
    keys: list[tuple[str, ...]]
    words: list[dict[str, float]]
    tokens: list[TokenInputs]
    y: np.ndarray
    folds: np.ndarray
    tags: list[str]
    sentences: list[str]


def training_set(path: Path = DATA) -> Training:
    rows = read_rows(path)
    mentions = [mention_of(row) for row in rows]
    readings = {m.sentence: Reading(m.sentence) for m in mentions}      # each sentence read once
    with_trees(list(readings.values()))
    y = np.array([LABELS.index(int(row["label"])) for row in rows])
    return Training([sparse_features(m, readings[m.sentence]) for m in mentions],
                    np.array([dense_row(m, readings[m.sentence]) for m in mentions]),
                    [prior_keys(m, readings[m.sentence]) for m in mentions],
                    [lexicon_words(m, readings[m.sentence]) for m in mentions],
                    [token_inputs(m, readings[m.sentence]) for m in mentions], y, sentence_folds(rows),
                    [row["entity_tag"] for row in rows], [m.sentence for m in mentions])


def cross_validated_f1(training: Training, config: dict, offset: float, network_oof: np.ndarray | None = None) -> float:
    """F1_PN of the out-of-fold predictions at this neutral offset (the gate's figure): the
    linear model's refitted here, averaged with the network's as training stored them
    (refitting the network needs torch)."""
    probs = out_of_fold(training, config)
    if network_oof is not None:
        probs = mixed(probs, network_oof, config["network_weight"])
    return f1_pn(labels_of(training.y), labels_of(decide(probs, offset)))


NETWORK_WEIGHTS = (0.0, 0.2, 0.3, 0.4, 0.5)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--keep-network", action="store_true",
                        help="refit the linear part only, mixed with the shipped network (its stored "
                             "out-of-fold probabilities): how the shipped model.npz was made")
    args = parser.parse_args(argv)
    training = training_set(args.train)
    linear = [(config, out_of_fold(training, config)) for config in CANDIDATES]
    for config, probs in linear:
        report(training, probs, config)
    if args.keep_network:
        network = np.load(args.out.with_name(NEURAL_PATH.name))["oof"].astype(np.float64)
    else:
        from . import train_neural

        network = train_neural.out_of_fold(training.tokens, training.y, training.folds, SEED)
    report(training, network, {"network": "stored" if args.keep_network else train_neural.NETWORK})
    # each linear candidate with each share of the network, chosen together
    mixes = [({**config, "network_weight": weight}, mixed(probs, network, weight))
             for config, probs in linear for weight in NETWORK_WEIGHTS]
    scored = [(best_offset(probs, training.y), config) for config, probs in mixes]
    for (offset, tuned), config in scored:
        print(json.dumps({**config, "offset": offset, "cv_f1_pn_tuned": round(tuned, 4)}), flush=True)
    best = max(range(len(scored)), key=lambda i: scored[i][0][1])
    config = mixes[best][0]
    offset, tuned = report(training, mixes[best][1], {"chosen": config})
    vocabulary = build_vocabulary(training.feature_maps)
    everyone = np.arange(len(training.y))
    X = design(training, vocabulary, config, counted_columns(training, config, everyone, []))
    W, b = fit(X, training.y, config["strength"], config["balanced"])
    priors = Priors.counted(training.keys, training.y) if config.get("priors") else None
    lexicon = Lexicon.counted(training.words, training.y).kept() if config.get("lexicon") else None
    save(args.out, vocabulary, W, b, offset, config, priors, lexicon)
    size = None if args.keep_network else \
        train_neural.fit_and_export(training.tokens, training.y, SEED, network, args.out.with_name(NEURAL_PATH.name))
    print(json.dumps({"chosen": config, "offset": offset, "cv_f1_pn": round(tuned, 4),
                      "features": len(vocabulary), "network_weights": size, "out": str(args.out)}))


def report(training: Training, probs: np.ndarray, config: dict) -> tuple[float, float]:
    """Print the out-of-fold figures (plain, at the best neutral offset, per tag); that offset and figure."""
    plain = f1_pn(labels_of(training.y), labels_of(decide(probs, 0.0)))
    offset, tuned = best_offset(probs, training.y)
    print(json.dumps({**config, "cv_f1_pn": round(plain, 4), "offset": offset, "cv_f1_pn_tuned": round(tuned, 4),
                      "by_tag": by_tag(training.y, decide(probs, offset), training.tags)}, ensure_ascii=False),
          flush=True)
    return offset, tuned


def by_tag(y: np.ndarray, predicted: np.ndarray, tags: list[str]) -> dict[str, float]:
    """F1_PN of the rows of each entity tag."""
    return {tag: round(f1_pn(*(labels_of(v[[t == tag for t in tags]]) for v in (y, predicted))), 4)
            for tag in sorted(set(tags))}


def save(path: Path, vocabulary, W, b, offset, config, priors: Priors | None, lexicon: Lexicon | None) -> None:
    keys = sorted(priors.counts) if priors else []
    words = sorted(lexicon.counts) if lexicon else []
    np.savez_compressed(path, names=packed_names(sorted(vocabulary, key=vocabulary.get)), weights=W.astype(np.float32),
                        bias=b.astype(np.float32),
                        neutral_offset=np.float32(offset), dense_scale=np.float32(config["dense_scale"]),
                        config=np.array(json.dumps(config)), prior_keys=np.array(keys, dtype=str),
                        prior_counts=np.array([priors.counts[k] for k in keys] if priors else np.zeros((0, 3)),
                                              dtype=np.float32),
                        prior_shares=(priors.shares if priors else np.zeros(3)).astype(np.float32),
                        lexicon_words=packed_names(words), lexicon_shares=(lexicon.shares if lexicon else np.zeros(3)).astype(np.float32),
                        lexicon_counts=np.array([lexicon.counts[w] for w in words] if lexicon else np.zeros((0, 3)),
                                                dtype=np.float32))


if __name__ == "__main__":
    sys.exit(main())
