"""A person from what a user types: an entity id, the whole name in any spelling or
case form, or a surname in any case form."""
from __future__ import annotations

from ..store.queries import people


def match_person(entities: list[tuple[str, str]], query: str) -> list[tuple[str, str]]:
    """(entity_id, name) of the people among `entities` that `query` names: by the
    whole name in any spelling; else by the surname in any case form, with the first
    name's initial when the query gives one («Путина», «В. Путин», «Владимира Путина»);
    else a one-word entity of exactly that name."""
    from ..nlp.people import is_full_name, name_key     # the morphology loads on first use

    exact = [e for e in entities if name_key(e[1]) == name_key(query)]
    if any(is_full_name(name) for _, name in exact):
        return exact
    by_surname = [e for e in entities if names_surname(e[1], query)]
    return by_surname or exact


def names_surname(name: str, query: str) -> bool:
    """Whether `query` (any case form, maybe with a first name or initials) names the
    full-named person `name`."""
    from ..nlp.names import surname_nominative
    from ..nlp.people import is_full_name, name_key

    words = query.replace(".", " ").split()
    if not words or not is_full_name(name):
        return False
    # the surname's nominative for either gender: «Жаксыбековым» is his alone
    forms = {name_key(surname_nominative(words[-1], gender)) for gender in ("Masc", "Fem")}
    initial_fits = len(words) == 1 or name_key(words[0])[:1] == name_key(name)[:1]
    return name_key(name.split()[-1]) in forms and initial_fits


def find_persons(store, query: str) -> list[tuple[str, str]]:
    """(entity_id, name) of the stored people `query` names."""
    return match_person(people.person_entities(store), query)


def person_ids(store, name_or_id: str) -> list[str]:
    """Entity ids for a person's entity id, name in any case form, or surname."""
    entity = people.entity(store, name_or_id)
    if entity and entity["kind"] == "person":
        return [entity["entity_id"]]
    return [entity_id for entity_id, _ in find_persons(store, name_or_id)]
