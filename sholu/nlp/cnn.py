"""Slovnet's CNN taggers (morphology and NER) and its syntax model's encoder (the tone
stage's parser, sholu/tone/parser.py) run on a flat layout of many texts.

Slovnet pads every batch to its longest sequence and builds an im2col copy of the input
for each convolution. Here all sequences of a call lie one after another in a single
array, each followed by one zero row (the kernel's padding), so no row is padding
beyond that, and each convolution is one matrix product of the rows with all kernel
positions' weights, shifted and summed. The weights, vocabularies and CRF are Slovnet's;
the tags are the ones Slovnet gives (a test compares with Natasha's own loop).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

from .navec import NavecRows

CACHE_LIMIT = 100_000      # words remembered with their vocabulary ids (about 10 MB)


@dataclass
class ConvLayer:
    weights: np.ndarray    # input x (kernel * filters)
    bias: np.ndarray
    kernel: int
    padding: int
    mean: np.ndarray
    std: np.ndarray
    scale: np.ndarray
    shift: np.ndarray

    @classmethod
    def of(cls, layer) -> "ConvLayer":
        filters, inputs, kernel = layer.conv.weight.shape
        if layer.conv.padding > 1 or kernel != 2 * layer.conv.padding + 1:
            # one zero row between sequences pads a kernel of 3 on both sides, no more
            raise ValueError(f"a convolution of kernel {kernel}, padding {layer.conv.padding}: "
                             "the flat layout needs kernel 3 with padding 1 (or kernel 1)")
        weights = layer.conv.weight.array.transpose(1, 2, 0).reshape(inputs, kernel * filters)
        norm = layer.norm
        return cls(np.ascontiguousarray(weights), layer.conv.bias.array, kernel, layer.conv.padding,
                   norm.mean.array, norm.std.array, norm.weight.array, norm.bias.array)

    def __call__(self, rows: np.ndarray, gaps: np.ndarray) -> np.ndarray:
        """Convolution, ReLU and batch norm in Slovnet's order; gap rows stay zero."""
        return self.convolve(rows @ self.weights, None, len(rows), gaps)

    def on_distinct(self, distinct: np.ndarray, where: np.ndarray, gaps: np.ndarray) -> np.ndarray:
        """The same for rows given as `distinct[where]`, where an index past the end is
        a zero row: each distinct row is multiplied once (a word's embedding does not
        depend on its neighbours, and most words of a text are repeats)."""
        products = np.zeros((len(distinct) + 1, self.weights.shape[1]), dtype=np.result_type(distinct, self.weights))
        np.matmul(distinct, self.weights, out=products[:-1])     # written in place, not stacked on a copy
        return self.convolve(products, where, len(where), gaps)

    def convolve(self, products: np.ndarray, where: np.ndarray | None, total: int, gaps: np.ndarray) -> np.ndarray:
        """`products` of each row (or, with `where`, of the rows `where` names) with every
        kernel position's weights, shifted into place and summed, then ReLU and norm."""
        filters = self.bias.shape[0]
        count = total - self.kernel + 1
        output = np.zeros((total, filters), dtype=products.dtype)
        inner = output[self.padding:self.padding + count]
        for shift in range(self.kernel):
            taken = slice(shift, shift + count) if where is None else where[shift:shift + count]
            inner += products[taken, shift * filters:(shift + 1) * filters]
        inner += self.bias
        np.maximum(output, 0, out=output)
        output -= self.mean
        output /= self.std
        output *= self.scale
        output += self.shift
        output[gaps] = 0
        return output


class FlatEncoder:
    """The word and shape embeddings and the CNN encoder of one of Slovnet's models (an
    `infer` of natasha's NewsMorphTagger, NewsNERTagger or NewsSyntaxParser)."""

    def __init__(self, infer):
        model = infer.model
        self.navec = NavecRows(model.emb.word.indexes.array, model.emb.word.codes.array)
        self.shapes = model.emb.shape.weight.array
        self.layers = [ConvLayer.of(layer) for layer in model.encoder.layers]
        self.words_vocab, self.shapes_vocab = infer.encoder.words_vocab, infer.encoder.shapes_vocab
        self.known = ids_cache(self.words_vocab, self.shapes_vocab)

    def encoded(self, sequences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Every word's encoder output, and where each sequence starts in them."""
        lengths = np.fromiter(map(len, sequences), dtype=np.intp, count=len(sequences))
        distinct, where, gaps, places = self.layout(sequences, lengths)
        first, *others = self.layers
        rows = first.on_distinct(distinct, where, gaps)
        for layer in others:
            rows = layer(rows, gaps)
        return rows[places], np.concatenate(([0], np.cumsum(lengths)))

    def layout(self, sequences: list[list[str]], lengths: np.ndarray) -> tuple[np.ndarray, ...]:
        """The embeddings of the distinct words, and the rows of the flat layout: a zero
        row before each sequence and after the last, then each word's row. Returns the
        embeddings, which of them each row is (past the end for a zero row), the zero
        rows and the words' rows."""
        shapes = len(self.shapes_vocab.items)            # as `ids` makes the numbers
        pairs, where = np.unique(self.ids([word for words in sequences for word in words]), return_inverse=True)
        distinct = np.concatenate((self.navec(pairs // shapes), self.shapes[pairs % shapes]), axis=1)
        total = int(lengths.sum()) + len(sequences) + 1
        gaps = np.concatenate(([0], np.cumsum(lengths + 1)))
        places = np.delete(np.arange(total), gaps)
        rows = np.full(total, len(pairs), dtype=np.intp)
        rows[places] = where.reshape(-1)
        return distinct.astype(np.float32, copy=False), rows, gaps, places

    def ids(self, words: list[str]) -> np.ndarray:
        """Each word's vocabulary id and shape id as one number (id * shapes + shape id),
        remembered by word: most words of a call were seen before."""
        if len(self.known) > CACHE_LIMIT:
            self.known.clear()
        known = self.known
        codes = [known.get(word) for word in words]
        if None in codes:
            shapes = len(self.shapes_vocab.items)
            for place, word in enumerate(words):
                if codes[place] is None:
                    code = known.get(word)
                    if code is None:
                        code = known[word] = (self.words_vocab.encode(word.lower()) * shapes
                                              + self.shapes_vocab.encode(word_shape(word)))
                    codes[place] = code
        return np.array(codes, dtype=np.intp)


_ID_CACHES: list[tuple[dict, list, dict[str, int]]] = []


def ids_cache(words_vocab, shapes_vocab) -> dict[str, int]:
    """The words' vocabulary and shape ids (`FlatEncoder.ids`), shared by the encoders
    whose vocabularies are the same (the morphology, NER and syntax models all read
    Navec's index, see `models.shared_vocabulary`, and the same shapes): a word is
    encoded once, not thrice."""
    for index, shapes, cache in _ID_CACHES:
        if index is words_vocab.item_ids and shapes == shapes_vocab.items:
            return cache
    _ID_CACHES.append((words_vocab.item_ids, shapes_vocab.items, {}))
    return _ID_CACHES[-1][2]


class FlatTagger(FlatEncoder):
    """One of Slovnet's taggers (an `infer` of natasha's NewsMorphTagger or
    NewsNERTagger), applied to lists of words."""

    def __init__(self, infer):
        super().__init__(infer)
        head = infer.model.head
        self.proj_weight, self.proj_bias = head.proj.weight.array, head.proj.bias.array
        self.crf = getattr(head, "crf", None)
        self.tags = infer.decoder.tags_vocab.items

    def scores(self, sequences: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Tag scores of every word, and where each sequence starts in them."""
        rows, starts = self.encoded(sequences)
        scores = rows @ self.proj_weight
        scores += self.proj_bias          # in place: no second array of every word's scores
        return scores, starts


class MorphTagger(FlatTagger):
    def __init__(self, infer):
        super().__init__(infer)
        self.readings = [parse_conll_tag(tag) for tag in self.tags]

    def __call__(self, sentences: list[list[str]]) -> list[list[tuple[str, dict]]]:
        """(part of speech, features) of each word of each sentence."""
        if not sentences:
            return []
        scores, starts = self.scores(sentences)
        best = [self.readings[i] for i in scores.argmax(-1).tolist()]
        return [best[starts[i]:starts[i + 1]] for i in range(len(sentences))]


class NERTagger(FlatTagger):
    def __call__(self, texts: list[list[str]]) -> list[list[str]]:
        """BIO tags of each word of each text (texts are whole sequences, as in Natasha)."""
        tags: list[list[str]] = [[] for _ in texts]
        order = [i for i in range(len(texts)) if texts[i]]
        if not order:
            return tags
        scores, starts = self.scores(texts)
        paths = viterbi([scores[starts[i]:starts[i + 1]] for i in order], self.crf.transitions.array)
        for i, path in zip(order, paths):
            tags[i] = [self.tags[t] for t in path.tolist()]
        return tags


def viterbi(emissions: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """Slovnet's CRF decoding (`CRF.decode`) of each text's tag scores, all texts in step.
    Slovnet pads a batch to its longest text and masks each step; here the texts are
    taken longest first, so those still going at a step are the first rows and only they
    are advanced. Each text's sums and choices are Slovnet's, in its order."""
    order = sorted(range(len(emissions)), key=lambda i: -len(emissions[i]))
    lengths = np.array([len(emissions[i]) for i in order])
    steps, tags = int(lengths[0]), transitions.shape[0]
    padded = np.zeros((steps, len(order), tags), dtype=np.float32)          # as the tagger padded them for Slovnet
    for row, i in enumerate(order):
        padded[:lengths[row], row] = emissions[i]
    going = (lengths[np.newaxis] > np.arange(steps)[:, np.newaxis]).sum(1)   # texts longer than each step
    score = padded[0].copy()
    came_from = np.zeros((steps, len(order), tags), dtype=np.intp)
    # where each text's score for (previous tag 0, tag) lies in its candidates, flattened
    firsts = np.arange(len(order))[:, np.newaxis] * tags * tags + np.arange(tags)
    for step, count in enumerate(going.tolist()[1:], start=1):
        candidates = score[:count, :, np.newaxis] + transitions + padded[step, :count, np.newaxis, :]
        best = came_from[step, :count] = candidates.argmax(-2)
        score[:count] = candidates.reshape(-1)[firsts[:count] + best * tags]
    paths: list[np.ndarray] = [np.empty(0, dtype=np.intp)] * len(order)
    for i, path in zip(order, backtrack(score.argmax(-1), came_from, going, lengths)):
        paths[i] = path
    return paths


def backtrack(last: np.ndarray, came_from: np.ndarray, going: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """Each text's best path, read back from its last tag (texts longest first)."""
    paths = np.zeros((len(came_from), len(last)), dtype=np.intp)
    paths[lengths - 1, np.arange(len(last))] = last
    current, rows = last.copy(), np.arange(len(last))
    for step in range(len(came_from) - 1, 0, -1):
        count = int(going[step])
        current[:count] = came_from[step, rows[:count], current[:count]]
        paths[step - 1, :count] = current[:count]
    return [paths[:length, row] for row, length in enumerate(lengths.tolist())]
