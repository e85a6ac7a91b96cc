"""What the store's indexes hold of a document, computed by the stage `index_document`
in the worker that analysed it, so the one process that writes only writes: the lemmas
of the title and text (full-text search) and each quote's MinHash signature (repeated
quotes). A document that did not pass the stage (read back from the store or a shard)
gets them computed when it is saved."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..dedup import signature
from .search import lemmatise

QUOTE_MIN_SHINGLES = 4     # a line of six words or more can be recognised when repeated


@dataclass
class Indexed:
    title: str                          # lemmas, space separated
    body: str
    quotes: list[bytes | None]          # a signature per quote; None for a short one
    of: bytes                           # digest of the title, text and quotes they came from


def index_document(doc):
    """The pipeline stage: fills `doc.indexed`."""
    doc.indexed = index_entries(doc)
    return doc


def index_entries(doc) -> Indexed:
    return Indexed(lemmatise(doc.title or ""), lemmatise(doc.text),
                   [quote_signature(quote["text"]) for quote in doc.quotes], indexed_from(doc))


def indexed(doc) -> Indexed:
    """The document's entries: its worker's while title, text and quotes are unchanged,
    else computed now (once: kept on the document)."""
    ready = getattr(doc, "indexed", None)
    if ready is None or ready.of != indexed_from(doc):
        ready = doc.indexed = index_entries(doc)
    return ready


def indexed_from(doc) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in (doc.title or "", doc.text, *(quote["text"] for quote in doc.quotes)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.digest()


def quote_signature(text: str) -> bytes | None:
    return signature(text, min_shingles=QUOTE_MIN_SHINGLES)
