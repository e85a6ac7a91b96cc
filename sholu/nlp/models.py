"""Models, loaded once per process (a worker forked after loading shares the parent's)."""
from __future__ import annotations

import struct
import zlib
from contextlib import contextmanager
from functools import lru_cache

from ..lang.ru.morphology import morph, noun_stems, parses    # pymorphy is Russian: the pack holds it

__all__ = ["embedding", "morph", "noun_stems", "parses", "shared_vocabulary", "taggers"]


@lru_cache(maxsize=1)
def embedding():
    """Navec news vectors: the taggers' input, and the topics stage's word meanings.
    Loaded without the tables of Navec's own `sim` (every vector's norm and the
    centroids' products, a quarter of a second of each start), which nothing here calls."""
    import numpy as np
    from natasha import NewsEmbedding
    from navec.pq import PQ

    def dimensions_only(pq) -> None:
        pq.qdims = np.arange(pq.qdim)           # what looking a vector up needs

    full = PQ.precompute
    PQ.precompute = dimensions_only
    try:
        return NewsEmbedding()
    finally:
        PQ.precompute = full


@contextmanager
def shared_vocabulary():
    """Slovnet's models loaded inside read their word list as Navec's own index: each
    pack carries the same 250,000 words as Navec, and indexing them again for every model
    cost a tenth of a second each. A list that differs is indexed as Slovnet does."""
    from slovnet.const import PAD, UNK
    from slovnet.exec import pack
    from slovnet.vocab import Vocab

    navec = embedding().vocab

    def read_vocabulary(data: bytes) -> Vocab:
        if not holds_words(data, navec.words):
            items = pack.decompress(data).decode("utf8").splitlines()
            if items != navec.words:
                return Vocab(items)
        vocab = Vocab.__new__(Vocab)
        vocab.items, vocab.item_ids = navec.words, navec.word_ids
        vocab.unk_id, vocab.pad_id = navec.word_ids.get(UNK), navec.word_ids.get(PAD)
        return vocab

    own = pack.bytes_vocab
    pack.bytes_vocab = read_vocabulary
    try:
        yield
    finally:
        pack.bytes_vocab = own


def holds_words(packed: bytes, words: list[str]) -> bool:
    """Whether a gzip file's content is `words` one a line, read off its trailer (the
    CRC-32 and length of what it holds): each Slovnet pack's word list was decompressed,
    split and compared with Navec's, a tenth of a second of every start for the three."""
    if id(words) not in _TRAILERS:
        _TRAILERS.clear()
        _TRAILERS[id(words)] = word_list_trailers(words)
    return len(packed) >= 8 and packed[-8:] in _TRAILERS[id(words)]


_TRAILERS: dict[int, frozenset[bytes]] = {}     # Navec's list's, made once


def word_list_trailers(words: list[str]) -> frozenset[bytes]:
    """The gzip trailers of the words one a line, with and without a last line break."""
    content = "\n".join(words).encode("utf8")
    checksum = zlib.crc32(content)
    return frozenset({struct.pack("<II", checksum, len(content) & 0xFFFFFFFF),
                      struct.pack("<II", zlib.crc32(b"\n", checksum), (len(content) + 1) & 0xFFFFFFFF)})


@lru_cache(maxsize=1)
def taggers():
    """Slovnet's morphology and NER taggers (Natasha's news models over Navec
    embeddings), run by `cnn` on many texts at once."""
    from natasha import NewsMorphTagger, NewsNERTagger

    from .cnn import MorphTagger, NERTagger

    with shared_vocabulary():
        return {
            "morph_tagger": MorphTagger(NewsMorphTagger(embedding()).infer),
            "ner_tagger": NERTagger(NewsNERTagger(embedding()).infer),
        }
