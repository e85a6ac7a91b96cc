"""Whole runs into a real SQLite file: re-runs add nothing, reprints are marked,
an interrupted run leaves a consistent database that the next run completes."""
import shutil
import sqlite3

import pytest

from conftest import BACKENDS, FACTRUEVAL, REPRINT, SAMPLES, export_records, new_target, run_into
from sholu import pipeline
from sholu.store import open_store


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def test_running_the_same_folder_twice_gives_the_same_documents(tmp_path, backend):
    db = new_target(backend, tmp_path, "twice")
    first = run_into(db, SAMPLES)
    before = export_records(db)
    second = run_into(db, SAMPLES)
    assert (first.new, first.skipped) == (5, 0)
    assert (second.read, second.new, second.skipped) == (5, 0, 5)
    assert export_records(db) == before


def test_a_lightly_edited_reprint_is_marked_as_a_copy_of_the_original(tmp_path, backend):
    db = new_target(backend, tmp_path, "reprint")
    run_into(db, SAMPLES, REPRINT)
    records = {r["source"].rsplit("/", 1)[-1]: r for r in export_records(db)}
    original = records["002_23470084129bac58.txt"]
    reprint = records["zakon-reprint.txt"]
    assert reprint["duplicate_of"] == original["id"]
    assert reprint["outlet"] == "Zakon.kz"
    assert reprint["text"] != original["text"]
    assert "Читайте также" not in reprint["text"] and "Главная" not in reprint["text"]
    assert sum(r["duplicate_of"] is not None for r in records.values()) == 1


def test_the_reprint_arriving_first_makes_the_sample_its_copy(tmp_path):
    db = tmp_path / "order.db"
    run_into(db, REPRINT)
    run_into(db, SAMPLES)
    records = {r["source"].rsplit("/", 1)[-1]: r for r in export_records(db)}
    assert records["002_23470084129bac58.txt"]["duplicate_of"] == records["zakon-reprint.txt"]["id"]


def test_a_changed_file_replaces_its_document(tmp_path, backend):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    db = new_target(backend, tmp_path, "changed")
    run_into(db, folder)
    target = folder / "001_cdf56281be8a3dd1.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Жезказган", "Сатпаев"),
                      encoding="utf-8")
    summary = run_into(db, folder)
    records = export_records(db)
    assert (summary.new, summary.skipped) == (1, 4)
    assert len(records) == 5
    changed = [r for r in records if r["source"] == str(target)]
    assert len(changed) == 1 and "Сатпаев" in changed[0]["text"]


class StopAfter:
    """A progress bar whose user presses Ctrl-C after `files` files."""

    def __init__(self, files: int):
        self.left = files

    def __call__(self, total):
        return self

    def update(self, count):
        self.left -= count
        if self.left <= 0:
            raise KeyboardInterrupt

    def close(self):
        pass


def make_corpus(folder, copies: int):
    """Distinct articles made from real texts: each a rotation of their paragraphs."""
    paragraphs = [p for f in sorted(FACTRUEVAL.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    folder.mkdir()
    for i in range(copies):
        picked = [paragraphs[(i * 7 + k * 3) % len(paragraphs)] for k in range(4)]
        (folder / f"{i:04d}.txt").write_text(f"Выпуск {i}.\n" + "\n".join(picked), encoding="utf-8")


def test_an_interrupted_run_is_consistent_and_the_next_run_completes_it(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 3 * pipeline.BATCH_SIZE + 10)
    reference_db, interrupted_db = tmp_path / "reference.db", tmp_path / "interrupted.db"
    run_into(reference_db, corpus)

    store = open_store(str(interrupted_db))
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([str(corpus)], store, jobs=2, progress=StopAfter(2 * pipeline.BATCH_SIZE + 5))
    store.close()

    with sqlite3.connect(interrupted_db) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        documents, sources = (db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                              for t in ("documents", "sources"))
    assert documents == sources == 2 * pipeline.BATCH_SIZE    # whole batches only

    resumed = run_into(interrupted_db, corpus)
    assert resumed.skipped == 2 * pipeline.BATCH_SIZE
    assert export_records(interrupted_db) == export_records(reference_db)


def test_the_export_links_a_repeated_quote_to_its_first_appearance(tmp_path, backend):
    db = new_target(backend, tmp_path, "links")
    run_into(db, SAMPLES, REPRINT)
    records = {r["source"].rsplit("/", 1)[-1]: r for r in export_records(db)}
    original = records["002_23470084129bac58.txt"]["quotes"]
    reprint = records["zakon-reprint.txt"]["quotes"]
    assert all(q["repeat_of"] is None for q in original)
    stavkin = next(q for q in reprint if q["speaker"] == "Роман Ставкин")
    first = next(q for q in original if q["quote_id"] == stavkin["repeat_of"])
    assert first["text"] == stavkin["text"] and first["kind"] == "direct"


@pytest.mark.postgres
def test_postgresql_gives_the_same_export_as_sqlite(tmp_path):
    sqlite_target = new_target("sqlite", tmp_path, "same")
    postgres_target = new_target("postgresql", tmp_path, "same")
    for target in (sqlite_target, postgres_target):
        run_into(target, SAMPLES, REPRINT)
    assert export_records(postgres_target) == export_records(sqlite_target)


@pytest.mark.postgres
def test_an_interrupted_run_into_postgresql_completes(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 2 * pipeline.BATCH_SIZE + 5)
    target = new_target("postgresql", tmp_path, "interrupted")
    store = open_store(target)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([str(corpus)], store, jobs=2, progress=StopAfter(pipeline.BATCH_SIZE + 3))
    store.close()
    assert len(export_records(target)) == pipeline.BATCH_SIZE
    resumed = run_into(target, corpus)
    assert resumed.skipped == pipeline.BATCH_SIZE and len(export_records(target)) == 2 * pipeline.BATCH_SIZE + 5


def test_chunks_are_balanced_non_empty_and_cover_every_document():
    from sholu.pipeline import balanced

    groups = balanced([50, 10, 10, 10, 10, 10, 1], 2)
    assert sorted(i for g in groups for i in g) == list(range(7))
    totals = [sum([50, 10, 10, 10, 10, 10, 1][i] for i in g) for g in groups]
    assert totals == sorted(totals, reverse=True) and totals[0] - totals[1] <= 10
    assert balanced([0, 0], 4) == [[0], [1]]
    assert balanced([], 4) == []
