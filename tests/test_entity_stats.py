"""entity_stats, the cached articles and mentions per entity, against a recount from
entity_mentions after every kind of write: a run, in-place re-saves (an original
turning into a copy and back, fewer entities, one entity under two spellings), a
source replaced by a new text, and reservations released, on SQLite and PostgreSQL."""
import dataclasses

import pytest

from conftest import BACKENDS, REPRINT, SAMPLES, new_target, run_into
from sholu.store import open_store
from sholu.store.queries import people

KAZPRAVDA = "0a187b1a094c884e"      # sample 002, reprinted by Zakon.kz
BAQ = "325a2765071262cc"            # sample 003
BALAEVA = "Аида Балаева"
RECOUNT = ("SELECT em.entity_id, MIN(em.kind), COUNT(*), SUM(em.mentions) FROM entity_mentions em "
           "JOIN documents d ON d.id = em.document_id WHERE d.duplicate_of IS NULL GROUP BY em.entity_id")


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    target = new_target(request.param, tmp_path, "stats")
    run_into(target, SAMPLES, REPRINT)
    opened = open_store(str(target))
    yield opened
    opened.close()


def cached(store) -> dict:
    return {row[0]: tuple(row[1:]) for row in
            store.db.execute("SELECT entity_id, kind, articles, mentions FROM entity_stats").fetchall()}


def recounted(store) -> dict:
    return {row[0]: tuple(row[1:]) for row in store.db.execute(RECOUNT).fetchall()}


def assert_exact(store) -> None:
    assert cached(store) == recounted(store)


def save(store, doc, version="other-version") -> None:
    with store.batch():
        store.save(doc, version)


def copy_id(store) -> str:
    return store.db.execute("SELECT id FROM documents WHERE duplicate_of = ?", (KAZPRAVDA,)).fetchone()[0]


def balaeva_articles(store) -> int:
    return next(row["articles"] for row in people.top_entities(store, "person", 50) if row["name"] == BALAEVA)


def test_a_run_leaves_the_cache_exact(store):
    assert_exact(store)
    assert balaeva_articles(store) == 3          # the Zakon.kz copy is not counted


def test_in_place_resaves_keep_it_exact(store):
    doc = store.document(BAQ)
    save(store, doc)                              # the same again, a new pipeline version
    assert_exact(store)
    doc.persons = doc.persons[1:]                 # fewer entities, other mention counts
    doc.organizations = [{**org, "mentions": org["mentions"] + 2} for org in doc.organizations]
    save(store, doc)
    assert_exact(store)
    doc.duplicate_of = KAZPRAVDA                  # an original re-saved as a copy ...
    save(store, doc)
    assert_exact(store)
    doc.duplicate_of = None                       # ... and back
    save(store, doc)
    assert_exact(store)


def test_one_entity_under_two_spellings_counts_one_article(store):
    doc = store.document(BAQ)
    before = balaeva_articles(store)
    balaeva = next(p for p in doc.persons if p["name"] == BALAEVA)
    doc.persons.append({**balaeva, "name": "А. Балаева", "mentions": 1})     # linked to the same id
    save(store, doc)
    assert_exact(store)
    assert balaeva_articles(store) == before


def test_a_replaced_source_and_a_resaved_copy_keep_it_exact(store):
    doc = store.document(BAQ)
    replacement = dataclasses.replace(doc, id="feedfacefeedface", text=doc.text + "\nДополнено.",
                                      text_key="feedface-key", signature=None, indexed=None)
    save(store, replacement)                      # same source, new text: the old id goes
    assert store.document(BAQ) is None
    assert_exact(store)
    copy = store.document(copy_id(store))
    copy.duplicate_of = None                      # a copy re-saved as an original
    save(store, copy)
    assert_exact(store)


def test_released_reservations_keep_it_exact(store):
    fresh = dataclasses.replace(store.document(BAQ), id="0123456789abcdef", source="elsewhere.txt",
                                text_key="fresh-key", signature=None, indexed=None)
    with store.batch():
        store.reserve(fresh)
        store.release(fresh.id)                   # analysis failed: nothing stored
    assert_exact(store)
    zakon = copy_id(store)
    with store.batch():
        store.release(KAZPRAVDA)                  # the original goes; its copy stands alone
    assert store.db.execute("SELECT duplicate_of FROM documents WHERE id = ?", (zakon,)).fetchone() == (None,)
    assert_exact(store)
    assert balaeva_articles(store) == 3           # Kazpravda's article gone, Zakon's now counted
