"""Dedup's corpus stages, run where the store is, on a batch in input order."""
from __future__ import annotations

from . import document_id, find_original


def place_documents(docs: list, batch) -> list:
    """Each document's id and the original it copies, reserved in the store so the
    batch's later documents see it as they would after a full save. The batch is
    placed in order of publication, so the original of a group of copies is its
    earliest published member, not the first one read (undated ones and ties keep
    the input order, after the dated ones)."""
    for doc in publication_order(docs):
        owner = batch.store.source_of(doc.text_key)
        doc.id = document_id(doc.text_key, doc.source, owner not in (None, doc.source))
        doc.duplicate_of = find_original(doc, batch.store)
        batch.store.reserve(doc)
    return docs


def attach_originals(docs: list, batch) -> list:
    """Each copy gets its original (from this batch, else from the store) to inherit
    entities from. A copy whose original failed or is gone becomes an original and runs
    the originals' stages it missed."""
    here = {doc.id: doc for doc in docs}
    orphans = []
    for doc in docs:
        if doc.duplicate_of is None:
            continue
        doc.original = here.get(doc.duplicate_of) or batch.store.document(doc.duplicate_of)
        if doc.original is None:
            doc.duplicate_of = None
            orphans.append(doc)
    redone = {doc.id: doc for doc in batch.run_earlier(orphans, "attach", "originals")}
    orphaned = {doc.id for doc in orphans}
    return [redone.get(doc.id, doc) for doc in docs if doc.id in redone or doc.id not in orphaned]


def publication_order(docs: list) -> list:
    return sorted(docs, key=lambda doc: (not doc.published, doc.published or ""))
