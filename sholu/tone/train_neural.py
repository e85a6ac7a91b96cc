"""Train the tone model's network (`neural.py`) with PyTorch, offline: torch is a
training dependency only (`pip install -e .[train]`); the package runs the exported
weights on numpy. `train.py` calls `out_of_fold` for the cross-validated figure and
`fit_and_export` for the shipped weights; the seed is fixed, the run single-threaded."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .neural import POSITION_REACH, RELATIONS, TAGS, TREE_REACH, TokenInputs

NETWORK = {"hidden": 64, "layers": 1, "epochs": 8, "learning_rate": 2e-3, "dropout": 0.3, "batch": 32}
EMBEDDING = 16             # each of position, tree distance, relation, tag


def torch_modules():
    """The network's module, made where torch is imported (only when training)."""
    import torch
    from torch import nn

    class Network(nn.Module):
        def __init__(self, hidden: int, layers: int, dropout: float):
            super().__init__()
            self.position = nn.Embedding(2 * POSITION_REACH + 2, EMBEDDING)
            self.tree = nn.Embedding(TREE_REACH + 2, EMBEDDING)
            self.relation = nn.Embedding(len(RELATIONS) + 1, EMBEDDING)
            self.tag = nn.Embedding(len(TAGS), EMBEDDING)
            self.inp = nn.Linear(300 + 3 * EMBEDDING + 1, hidden)
            self.convs = nn.ModuleList([nn.Conv1d(hidden, hidden, 3, padding=1) for _ in range(layers)])
            self.att = nn.Linear(2 * hidden + EMBEDDING, hidden)
            self.v = nn.Linear(hidden, 1, bias=False)
            self.out = nn.Linear(3 * hidden + EMBEDDING, 3)
            self.drop = nn.Dropout(dropout)

        def forward(self, vectors, position, tree, relation, negation, mask, entity, tag):
            keep = mask[..., None]
            x = torch.cat([vectors, self.position(position), self.tree(tree), self.relation(relation),
                           negation[..., None]], -1)
            h = torch.relu(self.inp(self.drop(x))) * keep
            for conv in self.convs:
                h = (h + torch.relu(conv(self.drop(h).transpose(1, 2)).transpose(1, 2))) * keep
            at = (h * entity[..., None]).sum(1)
            tag = self.tag(tag)
            query = torch.cat([at, tag], -1)[:, None].expand(-1, h.shape[1], -1)
            scores = self.v(torch.tanh(self.att(torch.cat([h, query], -1)))).squeeze(-1)
            attention = scores.masked_fill(~mask, -1e9).softmax(1)
            pooled = (h * attention[..., None]).sum(1)
            peak = h.masked_fill(~keep, -1e9).max(1).values
            return self.out(self.drop(torch.cat([pooled, at, peak, tag], -1)))

    return torch, Network


def batch(torch, items: list[TokenInputs]):
    """The items padded to the longest, as the network's tensors (mask: a real token)."""
    longest = max(len(item.position) for item in items)
    shape = (len(items), longest)
    vectors = np.zeros((*shape, 300), np.float32)
    position, tree, relation = (np.zeros(shape, np.int64) for _ in range(3))
    negation, entity = np.zeros(shape, np.float32), np.zeros(shape, np.float32)
    mask = np.zeros(shape, bool)
    for row, item in enumerate(items):
        size = len(item.position)
        vectors[row, :size] = item.vectors
        position[row, :size], tree[row, :size], relation[row, :size] = item.position, item.tree, item.relation
        negation[row, :size], entity[row, :size], mask[row, :size] = item.negation, item.entity, True
    tags = np.array([item.tag for item in items], dtype=np.int64)
    return [torch.from_numpy(a) for a in (vectors, position, tree, relation, negation, mask, entity, tags)]


def fit(items: list[TokenInputs], y: np.ndarray, seed: int, config: dict = NETWORK):
    """The network trained on the items (classes weighted to balance, one-cycle schedule)."""
    torch, Network = torch_modules()
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    order_rng = np.random.default_rng(seed)
    network = Network(config["hidden"], config["layers"], config["dropout"])
    optimiser = torch.optim.Adam(network.parameters(), lr=config["learning_rate"])
    counts = np.bincount(y, minlength=3)
    class_weights = torch.tensor(len(y) / (3 * np.maximum(counts, 1)), dtype=torch.float32)
    steps = config["epochs"] * -(-len(y) // config["batch"])
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, config["learning_rate"], total_steps=steps)
    network.train()
    lengths = np.array([len(item.position) for item in items])
    for _ in range(config["epochs"]):
        for chosen in batches(order_rng, lengths, config["batch"]):
            logits = network(*batch(torch, [items[i] for i in chosen]))
            loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(y[chosen]), weight=class_weights)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    return network.eval()


def batches(rng: np.random.Generator, lengths: np.ndarray, size: int) -> list[np.ndarray]:
    """Shuffled batches of rows of like length (sorted within runs of 20 batches): less
    padding, a third of the time."""
    order = rng.permutation(len(lengths))
    runs = [order[low:low + 20 * size] for low in range(0, len(order), 20 * size)]
    found = [run[np.argsort(lengths[run], kind="stable")][low:low + size]
             for run in runs for low in range(0, len(run), size)]
    return [found[i] for i in rng.permutation(len(found))]


def predict(network, items: list[TokenInputs]) -> np.ndarray:
    import torch

    with torch.no_grad():
        return np.concatenate([network(*batch(torch, items[low:low + 64])).softmax(-1).numpy()
                               for low in range(0, len(items), 64)])


def out_of_fold(items: list[TokenInputs], y: np.ndarray, folds: np.ndarray, seed: int) -> np.ndarray:
    probs = np.zeros((len(y), 3))
    for fold in np.unique(folds):
        train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        network = fit([items[i] for i in train], y[train], seed + int(fold))
        probs[test] = predict(network, [items[i] for i in test])
    return probs


def fit_and_export(items: list[TokenInputs], y: np.ndarray, seed: int, oof: np.ndarray, path: Path) -> int:
    """Train on all rows, write the weights under `neural.py`'s names (with the
    out-of-fold probabilities the gate combines); the number of weights."""
    network = fit(items, y, seed)
    weights = {}
    for name, tensor in network.state_dict().items():
        key = name.replace("convs.", "conv")
        weights[key] = tensor.numpy().astype(np.float32)
    for table in ("position", "tree", "relation", "tag"):
        weights[table] = weights.pop(f"{table}.weight")
    np.savez_compressed(path, oof=oof.astype(np.float32), **weights)
    return sum(value.size for value in weights.values())
