"""The tone model's second view: a small convolutional network over the sentence's
tokens (Navec rows, each token's distance from the entity in the text and in the
dependency tree, its relation there, negation), pooled by an attention that the entity
itself asks with. It reads the whole sentence in order where the linear model reads
bags of named features; `model.py` averages the two.

It was trained offline with PyTorch (`train_neural.py`) and runs here on numpy alone,
as Slovnet's models do: the weights are plain arrays in neural.npz. `token_inputs` is
what both see of a mention, so the shipped network reads what it was trained on."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import Mention, Reading, entity_slots
from .syntax import NEGATIONS, WORDS_READ, Tree

NEURAL_PATH = Path(__file__).parent / "neural.npz"
TAGS = ("PERSON", "ORGANIZATION", "COUNTRY", "PROFESSION", "NATIONALITY")
# the dependency relations of Slovnet's news syntax model (index 0: none, padding)
RELATIONS = ("acl", "acl:relcl", "advcl", "advmod", "amod", "appos", "aux", "aux:pass", "case", "cc", "ccomp",
             "compound", "conj", "cop", "csubj", "csubj:pass", "det", "discourse", "expl", "fixed", "flat",
             "flat:foreign", "flat:name", "iobj", "list", "mark", "nmod", "nsubj", "nsubj:pass", "nummod",
             "nummod:entity", "nummod:gov", "obj", "obl", "obl:agent", "orphan", "parataxis", "punct", "root",
             "xcomp")
RELATION_IDS = {relation: i + 1 for i, relation in enumerate(RELATIONS)}
POSITION_REACH = 10        # text distances past this many tokens share one bucket
TREE_REACH = 6             # and tree distances past this many edges
MAX_TOKENS = 80            # a longer sentence is read in a window of this many tokens around the entity


@dataclass
class TokenInputs:
    """One mention's tokens as the network reads them (index arrays start at 1; 0 pads)."""

    vectors: np.ndarray     # (n, 300) Navec rows; a person's or an organisation's own words zeroed
    position: np.ndarray    # (n,) bucket of the signed distance from the entity in tokens
    tree: np.ndarray        # (n,) bucket of the distance from the entity in the dependency tree
    relation: np.ndarray    # (n,) the token's dependency relation
    negation: np.ndarray    # (n,) 1.0 for a negation word
    entity: np.ndarray      # (n,) the entity's tokens, weights summing to one
    tag: int


def token_inputs(mention: Mention, reading: Reading) -> TokenInputs:
    size = len(reading.words)
    first, last = entity_slots(reading.words, mention.start, mention.end)
    last = max(last, first + 1) if first < size else last
    low = window(size, first, last)
    vectors = reading.matrix[:size].copy()
    if mention.tag not in WORDS_READ:        # a name is no opinion (a profession's word may be)
        vectors[first:last] = 0
    index = np.arange(size)
    signed = np.where(index < first, index - first, np.where(index >= last, index - last + 1, 0))
    entity = np.zeros(size, dtype=np.float32)
    entity[first:last] = 1 / max(1, last - first)
    relation, negation = sentence_inputs(reading)
    inputs = TokenInputs(vectors, np.clip(signed, -POSITION_REACH, POSITION_REACH) + POSITION_REACH + 1,
                         np.minimum(tree_distances(reading.tree, range(first, min(last, size))), TREE_REACH) + 1,
                         relation, negation, entity, TAGS.index(mention.tag) if mention.tag in TAGS else 0)
    if low is None:
        return inputs
    part = slice(low, low + MAX_TOKENS)
    return TokenInputs(inputs.vectors[part], inputs.position[part], inputs.tree[part], inputs.relation[part],
                       inputs.negation[part], inputs.entity[part], inputs.tag)


def sentence_inputs(reading: Reading) -> tuple[np.ndarray, np.ndarray]:
    """What the network reads of the sentence whoever the entity: each token's relation
    and negation flag, made once for all the sentence's mentions."""
    if "network" not in reading.keyed:
        reading.keyed["network"] = (
            np.array([RELATION_IDS.get(node.rel, 0) for node in reading.tree.nodes], dtype=np.intp),
            np.array([lemma in NEGATIONS for lemma in reading.lemmas[:len(reading.words)]], dtype=np.float32))
    return reading.keyed["network"]


def window(size: int, first: int, last: int) -> int | None:
    """The first token of the window centred on the entity (None: the sentence fits)."""
    if size <= MAX_TOKENS:
        return None
    return max(0, min((first + last) // 2 - MAX_TOKENS // 2, size - MAX_TOKENS))


def tree_distances(tree: Tree, entity) -> np.ndarray:
    """Edges from the nearest of the entity's nodes to each node, either way along the tree."""
    size = len(tree.nodes)
    distance = np.full(size, 99, dtype=np.intp)
    queue = deque(entity)
    for node in queue:
        distance[node] = 0
    while queue:
        node = queue.popleft()
        for other in (*tree.children[node], tree.nodes[node].head):
            if 0 <= other < size and distance[other] > distance[node] + 1:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


class NeuralTone:
    """The network's weights, laid out for its forward pass (eval mode: no dropout):
    matrices transposed and contiguous once here, a convolution's three taps side by side."""

    def __init__(self, path: Path = NEURAL_PATH):
        stored = {key: value.astype(np.float32) for key, value in np.load(path).items()}
        self.oof = stored.pop("oof")         # training's out-of-fold probabilities, for the gate
        self.tables = [stored[name] for name in ("position", "tree", "relation")]
        self.tag = stored["tag"]
        self.inp, self.inp_bias = np.ascontiguousarray(stored["inp.weight"].T), stored["inp.bias"]
        layers = sum(key.startswith("conv") and key.endswith(".weight") for key in stored)
        # (out, in, tap) -> (tap * in, out): one product with the three shifted rows side by side
        self.convs = [(np.ascontiguousarray(stored[f"conv{i}.weight"].transpose(2, 1, 0).reshape(-1, len(self.inp_bias))),
                       stored[f"conv{i}.bias"]) for i in range(layers)]
        hidden = len(self.inp_bias)
        self.att_rows = np.ascontiguousarray(stored["att.weight"][:, :hidden].T)
        self.att_query = np.ascontiguousarray(stored["att.weight"][:, hidden:].T)
        self.att_bias, self.v = stored["att.bias"], stored["v.weight"][0]
        self.out, self.out_bias = np.ascontiguousarray(stored["out.weight"].T), stored["out.bias"]

    def probabilities(self, inputs: TokenInputs) -> np.ndarray:
        return self.probabilities_of([inputs])[0]

    def probabilities_of(self, many: list[TokenInputs]) -> np.ndarray:
        """Each mention's class probabilities (a row each), all mentions in one pass: their
        tokens one after another, each mention's followed by a zero row, so a width-3
        convolution reads zeros past either end as torch's padding does; the pooling is
        per mention (`starts`: where each mention's rows begin)."""
        layout = Layout([len(inputs.position) for inputs in many])
        x = np.zeros((layout.total, self.inp.shape[0]), dtype=np.float32)
        x[layout.rows] = np.concatenate([self.token_rows(inputs) for inputs in many])
        h = relu(x @ self.inp + self.inp_bias)
        h[layout.gaps] = 0
        for weight, bias in self.convs:
            step = relu(convolved(h, weight) + bias)
            step[layout.gaps] = 0
            h += step
        h = h[layout.rows]
        owner, starts = layout.owner, layout.starts
        entity = np.concatenate([inputs.entity for inputs in many])
        at = np.add.reduceat(entity[:, None] * h, starts)
        tag = self.tag[[inputs.tag for inputs in many]]
        query = np.concatenate([at, tag], axis=1) @ self.att_query + self.att_bias
        scores = np.tanh(h @ self.att_rows + query[owner]) @ self.v
        attention = np.exp(scores - np.maximum.reduceat(scores, starts)[owner])
        attention /= np.add.reduceat(attention, starts)[owner]
        pooled = np.add.reduceat(attention[:, None] * h, starts)
        logits = np.concatenate([pooled, at, np.maximum.reduceat(h, starts), tag], axis=1) @ self.out + self.out_bias
        logits = np.exp(logits - logits.max(axis=1, keepdims=True))
        return logits / logits.sum(axis=1, keepdims=True)

    def token_rows(self, inputs: TokenInputs) -> np.ndarray:
        """A mention's tokens as the first layer reads them: Navec row, the position, tree
        distance and relation embeddings, the negation flag."""
        return np.concatenate([inputs.vectors, *(table[index] for table, index in
                                                 zip(self.tables, (inputs.position, inputs.tree, inputs.relation))),
                               inputs.negation[:, None]], axis=1)


class Layout:
    """Mentions' tokens one after another, a zero row after each (and one before the first)."""

    def __init__(self, sizes: list[int]):
        lengths = np.array(sizes, dtype=np.intp)
        self.total = int(lengths.sum()) + len(sizes) + 1
        self.gaps = np.concatenate(([0], np.cumsum(lengths + 1)))
        self.rows = np.delete(np.arange(self.total), self.gaps)
        self.starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        self.owner = np.repeat(np.arange(len(sizes)), lengths)


def convolved(h: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """A width-3 convolution over the tokens, zero-padded at both ends (torch's Conv1d):
    each row beside its neighbours, times the taps stacked."""
    size, width = h.shape
    rows = np.zeros((size, 3 * width), dtype=h.dtype)
    rows[1:, :width] = h[:-1]
    rows[:, width:2 * width] = h
    rows[:-1, 2 * width:] = h[1:]
    return rows @ weight


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0, out=x)

