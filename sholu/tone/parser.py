"""Slovnet's news syntax model (Natasha's NewsSyntaxParser) with its encoder run on the
flat layout of `sholu.nlp.cnn` (no batch padded to its longest sentence, no im2col copy):
Slovnet's own loop cost more than the nlp stage's morphology and NER of the whole text.
The heads are Slovnet's weights, their word-by-word parts (the feed-forward layers, the
relation scores) run on all the sentences' rows at once and only the head scores, a
word against every word of its sentence, sentence by sentence; the trees are the ones
Slovnet gives (a test compares with Natasha's parser)."""
from __future__ import annotations

import numpy as np

from ..nlp.cnn import FlatEncoder

HEADS_GROUP = 32           # sentences whose head scores are one product (sorted by length)


class FlatParser(FlatEncoder):
    def __init__(self, infer):
        super().__init__(infer)
        self.head, self.rel = infer.model.head, infer.model.rel
        self.rels = infer.decoder.rels_vocab

    def __call__(self, sentences: list[list[str]]) -> list[list[tuple[int, str]]]:
        """Each word's head (its 1-based index, 0 for the root) and relation."""
        if not any(sentences):
            return [[] for _ in sentences]
        rows, starts = self.encoded(sentences)
        heads = self.heads(rows, starts)
        rels = self.relations(rows, starts, heads).tolist()
        return [[(head, self.rels.decode(rel)) for head, rel in
                 zip(heads[starts[i]:starts[i + 1]].tolist(), rels[starts[i]:starts[i + 1]])]
                for i in range(len(sentences))]

    def heads(self, rows: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Each word's head: its row's score against the root's and every word's of its
        sentence (Slovnet's SyntaxHead), sentences of about the same length together."""
        model = self.head
        asking = feed_forward(model.head, rows) @ model.kernel.array
        asked = np.concatenate((feed_forward(model.tail, model.root.array[np.newaxis]), feed_forward(model.tail, rows)))
        heads = np.zeros(len(rows), dtype=np.intp)
        lengths = np.diff(starts)
        by_length = np.argsort(lengths, kind="stable")
        for group in (by_length[i:i + HEADS_GROUP] for i in range(0, len(by_length), HEADS_GROUP)):
            self.group_heads(asking, asked, starts[group], lengths[group], heads)
        return heads

    @staticmethod
    def group_heads(asking: np.ndarray, asked: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
                    heads: np.ndarray) -> None:
        """Heads of a group of sentences, padded to the longest: each word's scores
        against the root (row 0 of `asked`) and its own sentence's words, padding left out."""
        longest = int(lengths.max())
        if longest == 0:
            return
        place = np.arange(longest)
        word = place[np.newaxis] < lengths[:, np.newaxis]                       # (sentences, words)
        rows = np.where(word, starts[:, np.newaxis] + place, 0)
        candidates = np.concatenate((np.zeros((len(starts), 1), dtype=np.intp), np.where(word, rows + 1, 0)), axis=1)
        scores = asking[rows] @ asked[candidates].transpose(0, 2, 1)           # (sentences, words, 1 + words)
        scores[~np.concatenate((np.ones((len(starts), 1), dtype=bool), word), axis=1)[:, np.newaxis].repeat(longest, 1)] = -np.inf
        heads[rows[word]] = scores.argmax(-1)[word]

    def relations(self, rows: np.ndarray, starts: np.ndarray, heads: np.ndarray) -> np.ndarray:
        """Each word's relation to its head (Slovnet's SyntaxRel: the head's row, the root's
        for a root, against the word's own), all words at once."""
        model = self.rel
        root = model.root.array
        offsets = np.repeat(starts[:-1], np.diff(starts))
        governors = np.where((heads > 0)[:, None], rows[np.maximum(heads - 1, 0) + offsets], root)
        head = feed_forward(model.head, governors)
        tail = feed_forward(model.tail, rows)
        hidden = model.kernel.shape[0]
        scores = (head @ model.kernel.array).reshape(len(rows), -1, hidden)
        return np.einsum("nrh,nh->nr", scores, tail).argmax(-1)


def feed_forward(layer, rows: np.ndarray) -> np.ndarray:
    """Slovnet's FF (a linear layer, then ReLU) on rows."""
    return np.maximum(rows @ layer.proj.weight.array + layer.proj.bias.array, 0)
