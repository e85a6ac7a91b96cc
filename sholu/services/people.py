"""A person from what a user types: an entity id, the whole name in any spelling or
case form, or a surname in any case form."""
from __future__ import annotations

from ..store.queries import people


def match_person(entities: list[tuple[str, str]], query: str) -> list[tuple[str, str]]:
    """(entity_id, name) of the people among `entities` that `query` names: by the
    whole name in any spelling, else by surname in any case form."""
    from ..nlp.names import surname_key, surname_nominative     # the morphology loads on first use
    from ..nlp.people import name_key

    exact = [e for e in entities if name_key(e[1]) == name_key(query)]
    if exact:
        return exact
    forms = {surname_key(surname_nominative(query, gender)) for gender in ("Masc", "Fem", None)}
    return [e for e in entities if " " in e[1] and surname_key(e[1]) in forms]


def find_persons(store, query: str) -> list[tuple[str, str]]:
    """(entity_id, name) of the stored people `query` names."""
    return match_person(people.person_entities(store), query)


def person_ids(store, name_or_id: str) -> list[str]:
    """Entity ids for a person's entity id, name in any case form, or surname."""
    entity = people.entity(store, name_or_id)
    if entity and entity["kind"] == "person":
        return [entity["entity_id"]]
    return [entity_id for entity_id, _ in find_persons(store, name_or_id)]
