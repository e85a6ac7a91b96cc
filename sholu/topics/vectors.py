"""Navec word vectors (natasha's NewsEmbedding), loaded once per process."""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ..nlp.navec import NavecRows

# Smooth inverse frequency: a word's weight in a paragraph vector is A / (A + p(word)),
# so «и», «год», «страна» barely move it and rare words carry it.
SIF_A = 1e-4


def embedding():
    """The one Navec model of the process, shared with the nlp stage's taggers."""
    from ..nlp.models import embedding as shared

    return shared()


@lru_cache(maxsize=1)
def navec_rows() -> NavecRows:
    """The rows of the shared Navec model, decoded as the taggers decode theirs."""
    pq = embedding().pq
    return NavecRows(pq.indexes, pq.codes)


@lru_cache(maxsize=1)
def corpus_size() -> int:
    return int(np.sum(embedding().vocab.counts))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, int], np.ndarray]:
    """Navec's index of its words and their counts, read straight (its Vocab's methods
    are a Python call or two for each look-up)."""
    vocab = embedding().vocab
    return vocab.word_ids, vocab.counts


def log_frequency(form: str) -> float | None:
    """ln of the word's share of the Navec news corpus; None when unknown."""
    word_ids, counts = vocabulary()
    index = word_ids.get(form)
    if index is None or counts[index] <= 0:
        return None
    return math.log(counts[index] / corpus_size())


UNIT_CACHE_LIMIT = 200_000
_units: dict[tuple[str, str], np.ndarray | None] = {}


def unit_vectors(pairs: list[tuple[str, str]]) -> list[np.ndarray | None]:
    """Each (form, lemma)'s vector, length one: the form's, else the lemma's, else None.
    Pairs not seen before are decoded from Navec's codes together (one at a time was
    most of the themes stage's cost on new words)."""
    if len(_units) > UNIT_CACHE_LIMIT:
        _units.clear()
    new = [pair for pair in dict.fromkeys(pairs) if pair not in _units]
    if new:
        learn_vectors(new)
    return [_units[pair] for pair in pairs]


def learn_vectors(pairs: list[tuple[str, str]]) -> None:
    word_ids, _ = vocabulary()
    # the form's row, else the lemma's (an empty string is no word)
    indexes = [word_ids.get(form) if form and form in word_ids else word_ids.get(lemma) if lemma else None
               for form, lemma in pairs]
    known = [i for i, index in enumerate(indexes) if index is not None]
    vectors = navec_rows()([indexes[i] for i in known])
    for pair in pairs:
        _units[pair] = None
    # each norm as np.linalg.norm takes it (the row's dot with itself), all divided at once
    norms = np.sqrt(np.array([vector.dot(vector) for vector in vectors], dtype=vectors.dtype))
    units = vectors / np.where(norms > 0, norms, 1)[:, None]
    for i, unit, norm in zip(known, units, norms):
        _units[pairs[i]] = unit if norm else None


@lru_cache(maxsize=200_000)
def sif_weight(form: str) -> float:
    share = log_frequency(form)
    return 1.0 if share is None else SIF_A / (SIF_A + math.exp(share))


def mean_vector(pairs: list[tuple[str, str]]) -> np.ndarray | None:
    """SIF-weighted mean of (form, lemma) vectors, length one; None if none is known.
    The weighted rows are summed in one reduction over the first axis, which adds them
    in order, as a loop would (the same bits), without a numpy call per word."""
    known = [(sif_weight(form), vector) for (form, _), vector in zip(pairs, unit_vectors(pairs)) if vector is not None]
    if not known:
        return None
    weights = np.array([weight for weight, _ in known], dtype=np.float32)
    total = np.add.reduce(np.array([vector for _, vector in known]) * weights[:, None], axis=0)
    norm = float(np.linalg.norm(total))
    return total / norm if norm else None
