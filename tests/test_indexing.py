"""The store's index entries (search lemmas, quote signatures) are computed in the worker
by the `index` stage; the writer uses them only while they still describe the document."""
from pathlib import Path

from sholu import pipeline
from sholu.ingest import read_file
from sholu.store.indexing import index_document, indexed, quote_signature
from sholu.store.search import lemmatise

SAMPLE = Path(__file__).resolve().parents[1] / "sholu" / "samples" / "kz-referendum-2026"


def analysed_sample():
    path = sorted(SAMPLE.glob("*.txt"))[0]
    raw = next(iter(read_file(path)))
    doc = pipeline.analyse(pipeline.prepare(raw))
    assert doc.quotes, "the sample needs quotes for these tests"
    return doc


def test_the_index_stage_gives_what_the_writer_would_compute():
    doc = analysed_sample()
    entries = doc.indexed
    assert entries is not None
    assert entries.body == lemmatise(doc.text) and entries.title == lemmatise(doc.title or "")
    assert entries.quotes == [quote_signature(q["text"]) for q in doc.quotes]
    assert indexed(doc) is entries


def test_entries_are_recomputed_once_when_a_quote_changes_after_the_stage():
    doc = index_document(analysed_sample())
    old = doc.indexed
    doc.quotes[0]["text"] = "Совсем другие слова, которых в статье не было никогда и нигде вообще."
    fresh = indexed(doc)
    assert fresh is not old and fresh.quotes[0] == quote_signature(doc.quotes[0]["text"])
    assert indexed(doc) is fresh          # kept on the document: computed once


def test_a_document_without_entries_gets_them_when_saved(tmp_path):
    from sholu.store import open_store

    doc = analysed_sample()
    doc.indexed = None
    store = open_store(str(tmp_path / "index.db"))
    with store.batch():
        doc.id = doc.text_key
        store.save(doc, "test")
    assert doc.indexed is not None and doc.indexed.body == lemmatise(doc.text)
    store.close()
