"""`sholu aliases FILE`: users' corrections of who is who applied to a stored corpus.
Only the documents naming a merged or blocked person are rewritten (their people,
quotes and the tables made from them); nothing is analysed again. An `apart` line
takes effect when the articles are linked again (the next run of new articles)."""
from __future__ import annotations

import json

from ..nlp.aliases import Aliases, correct_people, correct_quotes
from ..store.queries.common import rows

LATER_QUOTE_FIELDS = ("quote_id", "repeat_of")     # the store fills these when it saves


def apply_aliases(store, aliases: Aliases) -> int:
    """Rewrite the documents the corrections touch; returns how many changed."""
    changed = 0
    with store.batch():
        for doc_id in touched_documents(store, aliases):
            changed += rewrite(store, store.document(doc_id), aliases)
    return changed


def touched_documents(store, aliases: Aliases) -> list[str]:
    """Documents naming a person the file merges or blocks."""
    from ..nlp.people import name_key

    wanted = set(aliases.merges) | aliases.blocked
    ids = sorted(entity for entity, name in store.person_entities() if name_key(name) in wanted)
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return [row[0] for row in rows(store, f"SELECT DISTINCT document_id FROM entity_mentions "
                                          f"WHERE entity_id IN ({marks})", tuple(ids))]


def rewrite(store, doc, aliases: Aliases) -> bool:
    persons, moved = correct_people(doc.persons, aliases)
    if not moved:
        return False
    correct_quotes(doc.quotes, persons, moved)
    doc.persons = persons
    for quote in doc.quotes:
        for key in LATER_QUOTE_FIELDS:
            quote.pop(key, None)
    store.db.execute("UPDATE documents SET annotations=? WHERE id=?",
                     (json.dumps(doc.annotations(), ensure_ascii=False), doc.id))
    store.save_entities(doc)
    store.save_quotes(doc)
    return True
