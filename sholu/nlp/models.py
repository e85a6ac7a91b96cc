"""Models, loaded once per process (a worker forked after loading shares the parent's)."""
from __future__ import annotations

from functools import lru_cache

from ..lang.ru.morphology import morph, parses    # pymorphy is Russian: the pack holds it

__all__ = ["embedding", "morph", "parses", "taggers"]


@lru_cache(maxsize=1)
def embedding():
    """Navec news vectors: the taggers' input, and the topics stage's word meanings."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


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
