"""Models, loaded once per process (a worker forked after loading shares the parent's)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def morph():
    """pymorphy's analyser, for lemmas and inflection."""
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


@lru_cache(maxsize=1)
def embedding():
    """Navec news vectors: the taggers' input, and the topics stage's word meanings."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


@lru_cache(maxsize=300_000)
def parses(word: str) -> tuple:
    """pymorphy's readings of a word, remembered: the same words come back in every
    article, and parsing was most of the nlp stage's time."""
    return tuple(morph().parse(word))


MORPH_BATCH = 64     # sentences per morphology call (Slovnet's default is 8)
NER_BATCH = 8        # texts per NER call


@lru_cache(maxsize=1)
def natasha():
    """Natasha's segmenter, morphology and NER taggers (Slovnet over Navec embeddings)."""
    from natasha import NewsMorphTagger, NewsNERTagger, Segmenter

    return {
        "segmenter": Segmenter(),
        "morph_tagger": batched(NewsMorphTagger(embedding()), MORPH_BATCH),
        "ner_tagger": batched(NewsNERTagger(embedding()), NER_BATCH),
    }


def batched(tagger, size: int):
    """Larger batches: fewer, bigger matrix products. Inputs are sorted by length
    before tagging (see parse.py), so little of a batch is padding."""
    tagger.batch_size = tagger.infer.encoder.batch_size = size
    return tagger
