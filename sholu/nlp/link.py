"""Corpus-wide linking, a corpus stage run before anything copies a person's id: a
person named in an article only partly — a surname («Токаев»), initials and surname
(«В В Путин») — joins the one full-named person it fits (same surname and gender,
matching initials) that the corpus knows (the store, and the batch's earlier
articles). Where two full names fit, the article's person stays apart."""
from __future__ import annotations

from .aliases import Aliases, configured_aliases, correct_people
from .names import surname_key
from .people import fits, is_full_name


def link_people(docs: list, batch) -> list:
    """The batch's full names are all known first, so an article that names a person
    by surname before the corpus gives the full name still joins it. The user's
    aliases file (`$SHOLU_ALIASES`) corrects names first and keeps apart what it says."""
    aliases = configured_aliases()
    known = KnownPeople(batch.store)
    for doc in docs:
        doc.persons = correct_people(doc.persons, aliases)[0]
        known.add(doc.persons)
    for doc in docs:
        for person in doc.persons:
            if not is_full_name(person["name"]):
                link_person(person, known, aliases)
    return docs


def link_person(person: dict, known: "KnownPeople", aliases: Aliases) -> None:
    candidates = [(entity_id, name) for entity_id, name in known.full_names(surname_key(person["name"]))
                  if fits(person["name"], name) and not aliases.keeps_apart(person["name"], name)]
    if len(candidates) == 1:
        person["entity_id"], person["name"] = candidates[0]


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
            if is_full_name(person["name"]):
                names = self.batch.setdefault(surname_key(person["name"]), {})
                names.setdefault(person["entity_id"], person["name"])
