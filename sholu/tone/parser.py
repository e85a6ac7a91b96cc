"""Slovnet's news syntax model (Natasha's NewsSyntaxParser) with its encoder run on the
flat layout of `sholu.nlp.cnn` (no batch padded to its longest sentence, no im2col copy):
Slovnet's own loop cost more than the nlp stage's morphology and NER of the whole text.
The heads are Slovnet's modules, run a sentence at a time on its rows alone; the trees
are the ones Slovnet gives (a test compares with Natasha's parser)."""
from __future__ import annotations

import numpy as np

from ..nlp.cnn import FlatEncoder


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
        return [self.parse(rows[starts[i]:starts[i + 1]]) if sentences[i] else []
                for i in range(len(sentences))]

    def parse(self, rows: np.ndarray) -> list[tuple[int, str]]:
        words = rows[np.newaxis]                       # a batch of one: no padding to mask
        heads = self.head(words).argmax(-1)
        rels = self.rel(words, heads).argmax(-1)
        return [(head, self.rels.decode(rel)) for head, rel in zip(heads[0].tolist(), rels[0].tolist())]
