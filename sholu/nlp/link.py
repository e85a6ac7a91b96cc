"""Corpus-wide linking, a corpus stage run before anything copies a person's id: a
person named only by surname in an article («Токаев») joins the one full-named person
with that surname the corpus knows (the store, and the batch's earlier articles)."""
from __future__ import annotations

from .names import surname_key


def link_people(docs: list, batch) -> list:
    known = KnownPeople(batch.store)
    for doc in docs:
        for person in doc.persons:
            if " " not in person["name"]:
                candidates = known.full_names(surname_key(person["name"]))
                if len(candidates) == 1:
                    person["entity_id"], person["name"] = candidates[0]
        known.add(doc.persons)
    return docs


class KnownPeople:
    """Full-named people by surname key: the store's, and those of the batch's
    documents linked so far (stored first-come, as the store keeps an entity's name)."""

    def __init__(self, store):
        self.store = store
        self.batch: dict[str, dict[str, str]] = {}

    def full_names(self, key: str) -> list[tuple[str, str]]:
        found = dict(self.store.persons_by_surname(key))
        for entity_id, name in self.batch.get(key, {}).items():
            found.setdefault(entity_id, name)
        return list(found.items())

    def add(self, persons: list[dict]) -> None:
        for person in persons:
            if " " in person["name"]:
                names = self.batch.setdefault(surname_key(person["name"]), {})
                names.setdefault(person["entity_id"], person["name"])
