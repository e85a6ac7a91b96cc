"""Train the Kazakh NER's network (neural_ner.py) with PyTorch, offline, on one core.

    python -m sholu.lang.kk.train_neural_ner --fold 1     # fold 1 of train_ner's grouped CV: CRF, network, both
    python -m sholu.lang.kk.train_neural_ner              # the shipped weights, neural_ner.npz

PyTorch is needed here only (pip install torch); the package reads the weights with numpy.
Fixed seed; one thread."""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from . import ner, neural_ner, train_ner
from .clusters import SIZES

SEED = 17
SETTINGS = {"word_dim": 64, "char_dim": 24, "char_filters": 64, "class_dim": 16, "hidden": 96,
            "dropout": 0.4, "epochs": 12, "batch": 24, "lr": 2e-3, "word_dropout": 0.1,
            "feature_dim": 48, "min_feature": 3}


def indexes(sentences) -> tuple[list[str], list[str], list[str]]:
    """Words (lowercased) and letters seen at least twice, and the tags; 0 pads, 1 is unknown."""
    words = Counter(w.lower() for s in sentences for w in s.words)
    chars = Counter(ch for s in sentences for w in s.words for ch in neural_ner.spelled(w))
    labels = sorted({tag for s in sentences for tag in train_ner.tags_of(s)})
    return (["<pad>", "<unk>"] + sorted(w for w, n in words.items() if n >= 2),
            ["<pad>", "<unk>"] + sorted(c for c, n in chars.items() if n >= 2), labels)


def feature_list(rows_of_sentences) -> list[str]:
    """The CRF features seen at least MIN_FEATURE times (0: none of them, a word with no known feature)."""
    counts = Counter(name for rows in rows_of_sentences for row in rows for name in neural_ner.feature_names(row))
    return ["<none>"] + sorted(name for name, n in counts.items() if n >= SETTINGS["min_feature"])


def build_tagger(n_words: int, n_chars: int, n_labels: int, n_features: int):
    import torch
    from torch import nn

    s = SETTINGS

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.word_emb = nn.Embedding(n_words, s["word_dim"], padding_idx=0)
            self.char_emb = nn.Embedding(n_chars, s["char_dim"], padding_idx=0)
            self.conv = nn.Conv1d(s["char_dim"], s["char_filters"], 3, padding=1)
            self.class_emb = nn.ModuleList(nn.Embedding(size + 1, s["class_dim"]) for size in SIZES)
            self.feature_emb = nn.EmbeddingBag(n_features, s["feature_dim"], mode="mean")
            width = (s["word_dim"] + s["char_filters"] + len(SIZES) * s["class_dim"] + len(neural_ner.FLAG_NAMES)
                     + s["feature_dim"])
            self.drop = nn.Dropout(s["dropout"])
            self.lstm = nn.LSTM(width, s["hidden"], batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * s["hidden"], n_labels)

        def forward(self, words, chars, classes, flags, features, starts, lengths):
            b, n, L = chars.shape
            emb = self.char_emb(chars.view(b * n, L)).transpose(1, 2)
            conv = self.conv(emb).masked_fill((chars.view(b * n, 1, L) == 0), float("-inf"))
            spelling = torch.relu(conv.max(dim=2).values).masked_fill(~torch.isfinite(conv.max(dim=2).values), 0.0)
            x = torch.cat([self.word_emb(words), spelling.view(b, n, -1),
                           *(e(classes[:, :, k]) for k, e in enumerate(self.class_emb)), flags,
                           self.feature_emb(features, starts).view(b, n, -1)], dim=2)
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths, batch_first=True, enforce_sorted=False)
            hidden, _ = self.lstm(packed)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=n)
            return self.out(self.drop(hidden))

    return Tagger()


def batch_tensors(items, word_dropout: float = 0.0, rng=None):
    import torch

    n = max(len(it["words"]) for it in items)
    b = len(items)
    words = np.zeros((b, n), dtype=np.int64)
    chars = np.zeros((b, n, neural_ner.MAX_CHARS), dtype=np.int64)
    classes = np.zeros((b, n, len(SIZES)), dtype=np.int64)
    flags = np.zeros((b, n, len(neural_ner.FLAG_NAMES)), dtype=np.float32)
    tags = np.full((b, n), -100, dtype=np.int64)
    for k, it in enumerate(items):
        m = len(it["words"])
        words[k, :m], chars[k, :m], classes[k, :m], flags[k, :m] = it["words"], it["chars"], it["classes"], it["flags"]
        if "tags" in it:
            tags[k, :m] = it["tags"]
    if word_dropout and rng is not None:       # an unknown word must be read from its letters
        words[(rng.random(words.shape) < word_dropout) & (words > 0)] = neural_ner.UNKNOWN
    features, starts = [], []
    for it in items:               # every slot of the (b, n) grid gets a bag; a padding slot, feature 0
        m, bounds = len(it["words"]), list(it["starts"]) + [len(it["features"])]
        for j in range(n):
            starts.append(sum(len(f) for f in features))
            features.append(it["features"][bounds[j]:bounds[j + 1]] if j < m else np.zeros(1, dtype=np.int64))
    lengths = torch.tensor([len(it["words"]) for it in items])
    return (torch.from_numpy(words), torch.from_numpy(chars), torch.from_numpy(classes),
            torch.from_numpy(flags), torch.from_numpy(np.concatenate(features)),
            torch.tensor(starts), lengths), torch.from_numpy(tags)


def fit(sentences, after_epoch=None):
    """Train on these sentences (the vocabulary and word classes already in use); the weights as
    arrays. `after_epoch(weights)`, when given, sees each epoch's network (to watch a fold)."""
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    rng = np.random.default_rng(SEED)
    word_list, char_list, labels = indexes(sentences)
    label_index = {label: i for i, label in enumerate(labels)}
    word_index = {w: i for i, w in enumerate(word_list)}
    char_index = {c: i for i, c in enumerate(char_list)}
    rows = [ner.sentence_features(s.words, names) for s, names in zip(sentences, train_ner.jackknifed_names(sentences))]
    feature_names = feature_list(rows)
    feature_index = {name: i for i, name in enumerate(feature_names)}
    items = []
    for s, sentence_rows in zip(sentences, rows):
        item = neural_ner.sentence_inputs(s.words, word_index, char_index, ner.inside_quotes(s.words),
                                          ner.own_features, sentence_rows, feature_index)
        item["tags"] = np.array([label_index[t] for t in train_ner.tags_of(s)])
        items.append(item)
    model = build_tagger(len(word_list), len(char_list), len(labels), len(feature_names))
    optimiser = torch.optim.Adam(model.parameters(), lr=SETTINGS["lr"])
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=-100)
    order = list(range(len(items)))
    for epoch in range(SETTINGS["epochs"]):
        model.train()
        random.Random(SEED + epoch).shuffle(order)
        total, start = 0.0, time.time()
        for at in range(0, len(order), SETTINGS["batch"]):
            inputs, tags = batch_tensors([items[i] for i in order[at:at + SETTINGS["batch"]]],
                                         SETTINGS["word_dropout"], rng)
            scores = model(*inputs)
            loss = loss_of(scores.reshape(-1, len(labels)), tags.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        print(f"epoch {epoch + 1}: loss {total / (len(order) / SETTINGS['batch']):.4f} ({time.time() - start:.0f}s)",
              file=sys.stderr, flush=True)
        if after_epoch is not None:
            after_epoch(weights_of(model, word_list, char_list, labels, feature_names))
    return weights_of(model, word_list, char_list, labels, feature_names)


def weights_of(model, word_list, char_list, labels, feature_names) -> dict[str, np.ndarray]:
    def arr(t):
        return t.detach().numpy().astype(np.float32)

    lstm = model.lstm
    found = {"word_emb": arr(model.word_emb.weight), "char_emb": arr(model.char_emb.weight),
             "conv_w": arr(model.conv.weight), "conv_b": arr(model.conv.bias),
             "lstm_ih": arr(lstm.weight_ih_l0), "lstm_hh": arr(lstm.weight_hh_l0),
             "lstm_b": arr(lstm.bias_ih_l0 + lstm.bias_hh_l0),
             "lstm_ih_r": arr(lstm.weight_ih_l0_reverse), "lstm_hh_r": arr(lstm.weight_hh_l0_reverse),
             "lstm_b_r": arr(lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse),
             "out_w": arr(model.out.weight), "out_b": arr(model.out.bias),
             "words": np.array(word_list), "chars": np.array(char_list), "labels": np.array(labels),
             "feature_emb": arr(model.feature_emb.weight), "features": np.array(feature_names)}
    found.update({f"class_emb{k}": arr(e.weight) for k, e in enumerate(model.class_emb)})
    return found


def score(gold, found) -> str:
    table = train_ner.f1_table(train_ner.count_matches(gold, found))
    return " ".join(f"{label} {row['f1']:.4f}" for label, row in table.items())


def fold_figures(sentences, fold: int, crf_path: Path, mixes=(0.0, 0.3, 0.5, 0.7)) -> None:
    """Fold `fold` of train_ner's grouped 5-fold CV: the CRF alone, the network alone, their
    averaged probabilities at a few weights of the network, and ner.joint_tags's mix (the
    network's share for organisations only); the fold's weights go to /tmp/kk-foldK-network.npz."""
    import pycrfsuite

    parts = train_ner.grouped_folds(sentences, 5)
    held = parts[fold - 1]
    training = [s for k, part in enumerate(parts) if k != fold - 1 for s in part]
    train_ner.use_vocabulary(train_ner.word_forms(training), training)
    if not crf_path.exists():
        train_ner.train(training, crf_path)
    crf = pycrfsuite.Tagger()
    crf.open(str(crf_path))
    gold = [train_ner.tags_of(s) for s in held]
    features = [ner.sentence_features(s.words) for s in held]
    print("CRF     ", score(gold, [ner.repaired(crf.tag(f)) for f in features]), flush=True)

    labels = indexes(training)[2]
    crfs = [ner.crf_marginals(crf, f, labels) for f in features]
    np.savez_compressed(f"/tmp/kk-fold{fold}-crf.npz", *crfs)
    epochs = iter(range(1, SETTINGS["epochs"] + 1))

    def watch(weights):
        network = neural_ner.Network(weights)
        nets = [network.probabilities(ner.network_inputs(network, s.words, f)) for s, f in zip(held, features)]
        np.savez_compressed(f"/tmp/kk-fold{fold}-probabilities.npz", *nets)
        print(f"epoch {next(epochs)} network ", score(gold, [ner.best_iob_path(p, labels) for p in nets]), flush=True)
        for mix in mixes:
            print(f"  mix {mix} ", score(gold, [ner.best_iob_path((1 - mix) * c + mix * p, labels)
                                                for c, p in zip(crfs, nets)]), flush=True)

    weights = fit(training, watch)
    save(weights, Path(f"/tmp/kk-fold{fold}-network.npz"))
    network = neural_ner.Network(weights)
    print("joint   ", score(gold, [ner.joint_tags(crf, network, s.words) for s in held]), flush=True)


def gate_figures(sentences, fold: int, network_path: Path) -> dict[str, float]:
    """Exact-match F1 (ALL) on a fold of the grouped CV of the CRF alone and of ner.joint_tags
    with a network trained on that fold's training part (network_path; numpy only, no PyTorch)."""
    import tempfile

    import pycrfsuite

    parts = train_ner.grouped_folds(sentences, 5)
    held = parts[fold - 1]
    training = [s for k, part in enumerate(parts) if k != fold - 1 for s in part]
    train_ner.use_vocabulary(train_ner.word_forms(training), training)
    network = neural_ner.load(network_path)
    gold = [train_ner.tags_of(s) for s in held]
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "fold.crfsuite"
        train_ner.train(training, model)
        crf = pycrfsuite.Tagger()
        crf.open(str(model))
        alone = train_ner.predict(held, model)
        joint = [ner.joint_tags(crf, network, s.words) for s in held]
    return {name: train_ner.f1_table(train_ner.count_matches(gold, found))["ALL"]["f1"]
            for name, found in (("crf", alone), ("joint", joint))}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=train_ner.DEFAULT_DATA)
    parser.add_argument("--fold", type=int, help="score this fold of the grouped 5-fold CV instead of shipping")
    parser.add_argument("--crf-model", type=Path, help="the fold's CRF, reused when it exists (else trained there)")
    parser.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    args = parser.parse_args(argv)
    SETTINGS["epochs"] = args.epochs
    sentences = train_ner.load(args.data)
    print(f"{len(sentences)} sentences; settings {SETTINGS}", flush=True)
    if args.fold:
        fold_figures(sentences, args.fold, args.crf_model or Path(f"/tmp/kk-fold{args.fold}.crfsuite"))
        return
    # the shipped word list, word classes and names (those the shipped CRF reads), not relearned
    save(fit(sentences), train_ner.PACKAGE_DIR / neural_ner.WEIGHTS_FILE)
    print(f"weights written: {train_ner.PACKAGE_DIR / neural_ner.WEIGHTS_FILE}")


def save(weights: dict[str, np.ndarray], path: Path) -> None:
    """Half-precision floats (half the size; the tags they give are the same on fold 1)."""
    np.savez_compressed(path, **{name: array.astype(np.float16) if array.dtype == np.float32 else array
                                 for name, array in weights.items()})


if __name__ == "__main__":
    main()
