"""The store stage: a batch's documents written in input order (inside the batch's
transaction, which the runner holds)."""
from __future__ import annotations

from .. import PIPELINE_VERSION


def store_documents(docs: list, batch) -> list:
    for doc in docs:
        batch.store.save(doc, PIPELINE_VERSION)
        batch.stored.append(doc.id)
        batch.summary.new += 1
        batch.summary.duplicates += doc.duplicate_of is not None
    return docs
