"""Dedup's corpus stages, run where the store is, on a batch in input order."""
from __future__ import annotations

from . import document_id, find_original


def place_documents(docs: list, batch) -> list:
    """Each document's id and the original it copies, reserved in the store so the
    batch's later documents see it as they would after a full save. The original of
    a group of copies read in this batch is then its earliest published member where
    the dates say so (the first one read otherwise)."""
    for doc in docs:
        owner = batch.store.source_of(doc.text_key)
        doc.id = document_id(doc.text_key, doc.source, owner not in (None, doc.source))
        doc.duplicate_of = find_original(doc, batch.store)
        batch.store.reserve(doc)
    for group in groups_in(docs):
        earliest_first(group, batch.store)
    return docs


def groups_in(docs: list) -> list[list]:
    """Groups of copies whose original is in the batch too, the original first."""
    here = {doc.id: doc for doc in docs}
    groups: dict[str, list] = {}
    for doc in docs:
        if doc.duplicate_of in here:
            groups.setdefault(doc.duplicate_of, [here[doc.duplicate_of]]).append(doc)
    return list(groups.values())


def earliest_first(group: list, store) -> None:
    """Make a copy published before the original (both dated) the group's original:
    kommersant.ru's report of the morning is not a copy of an aggregator's of the
    evening because the aggregator's page was read first."""
    original = group[0]
    earlier = [doc for doc in group[1:] if doc.published and original.published and doc.published < original.published]
    if not earlier:
        return
    first = min(earlier, key=lambda doc: doc.published)       # ties: the first read
    for doc in group:
        doc.duplicate_of = None if doc is first else first.id
        store.reserve(doc)


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
        if doc.original is not None and doc.original is not here.get(doc.duplicate_of):
            doc.known_tones = None if toned_now(batch.store, doc.duplicate_of) else {}
        if doc.original is None:
            doc.duplicate_of = None
            orphans.append(doc)
    redone = {doc.id: doc for doc in batch.run_earlier(orphans, "attach", "originals")}
    orphaned = {doc.id for doc in orphans}
    return [redone.get(doc.id, doc) for doc in docs if doc.id in redone or doc.id not in orphaned]


def toned_now(store, doc_id: str) -> bool:
    """Whether a stored original's tones are this pipeline's (an older version's tone
    model read differently): a copy inherits them only then."""
    from .. import PIPELINE_VERSION
    from ..store.queries.documents import analysed_by

    return analysed_by(store, doc_id) == PIPELINE_VERSION
