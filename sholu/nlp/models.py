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


@lru_cache(maxsize=1)
def taggers():
    """Slovnet's morphology and NER taggers (Natasha's news models over Navec
    embeddings), run by `cnn` on many texts at once."""
    from natasha import NewsMorphTagger, NewsNERTagger

    from .cnn import MorphTagger, NERTagger

    return {
        "morph_tagger": MorphTagger(NewsMorphTagger(embedding()).infer),
        "ner_tagger": NERTagger(NewsNERTagger(embedding()).infer),
    }
