"""Sharded runs: `sholu run --shards DIR` writes each batch of analysed documents to a
Parquet file with no store, and `sholu load` imports them through the dedup and writes
of a direct run, so the store ends as `sholu run` into it leaves it."""
import json
import shutil

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import BACKENDS, REPRINT, SAMPLES, export_records, new_target, run_into
from sholu import pipeline
from sholu.cli import main
from sholu.store import open_store
from sholu.store.shards import MANIFEST, SCHEMA, read_shard, write_shard

CORPUS = (SAMPLES, REPRINT)      # five articles and a reprint of one of them


def sholu(*args):
    """The command line in this process (so a test may shrink the batches)."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def shard_run(folder, *extra):
    result = sholu("run", *CORPUS, "--shards", folder, "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def load(*args):
    result = sholu("load", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def store_state(target) -> tuple[list[dict], dict]:
    """The export and the totals: what a refused load must leave as they were."""
    store = open_store(str(target))
    try:
        return [doc.to_record() for doc in store.documents()], store.totals()
    finally:
        store.close()


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sharded") / "run"
    summary = shard_run(folder, "--jobs", "2")
    assert (summary["read"], summary["written"], summary["files"], summary["errors"]) == (6, 6, 1, [])
    return folder


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    """The same corpus run straight into SQLite: the export a load must match."""
    db = tmp_path_factory.mktemp("direct") / "direct.db"
    run_into(db, *CORPUS)
    return export_records(db)


def test_a_sharded_run_writes_parts_and_a_manifest(shards):
    assert sorted(p.name for p in shards.iterdir()) == [MANIFEST, "part-000001.parquet"]
    manifest = json.loads((shards / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["documents"] == 6 and manifest["pipeline_version"] == pipeline.PIPELINE_VERSION
    assert manifest["inputs"] == [str(SAMPLES), str(REPRINT)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_loading_shards_stores_what_a_direct_run_stores(shards, direct, tmp_path, backend):
    target = new_target(backend, tmp_path, "loaded")
    summary = load(shards, "--db", target)
    assert (summary["read"], summary["new"], summary["duplicates"], summary["analysed"]) == (6, 6, 1, 0)
    assert export_records(target) == direct
    if backend == "postgresql":      # and a direct run into PostgreSQL stores the same
        straight = new_target(backend, tmp_path, "direct")
        run_into(straight, *CORPUS)
        assert export_records(straight) == direct


def test_loading_the_same_shards_twice_adds_nothing(shards, tmp_path):
    db = tmp_path / "twice.db"
    load(shards, "--db", db)
    before = store_state(db)
    again = load(shards, shards / "part-000001.parquet", "--db", db)
    assert (again["read"], again["new"], again["skipped"]) == (12, 0, 12)
    assert store_state(db) == before


def test_small_batches_on_a_dask_cluster_give_the_same_store(direct, tmp_path, monkeypatch):
    """Three batches of two: three shards written by the workers of a real two-worker
    LocalCluster, loaded a shard per transaction, the reprint's original in an earlier
    one; a direct run with the same batches stores the same."""
    monkeypatch.setattr(pipeline.runner, "BATCH_SIZE", 2)   # what in_batches reads
    summary = shard_run(tmp_path / "run", "--engine", "dask", "--jobs", "2")
    assert (summary["written"], summary["files"]) == (6, 3)
    db = tmp_path / "loaded.db"
    assert load(tmp_path / "run", "--db", db)["duplicates"] == 1
    run_into(tmp_path / "direct.db", *CORPUS)
    assert export_records(db) == export_records(tmp_path / "direct.db") == direct


def test_a_copy_is_remade_from_its_original_at_load(shards, direct, tmp_path):
    """A shard's copy carries its own analysis; load gives it the original's entities
    and reruns its cheap stages, as a direct run does, whatever the shard said."""
    docs = read_shard(shards / "part-000001.parquet")
    for doc in docs:
        if doc.source.endswith("zakon-reprint.txt"):
            doc.persons, doc.organizations, doc.quotes, doc.topics = [], [], [], []
    (tmp_path / "edited").mkdir()
    write_shard(docs, tmp_path / "edited" / "part-000001.parquet")
    db = tmp_path / "edited.db"
    load(tmp_path / "edited" / "part-000001.parquet", "--db", db)
    assert export_records(db) == direct


def not_parquet(path):
    path.write_text("source,text\nx,y\n", encoding="utf-8")


def truncated(path):
    path.write_bytes(path.read_bytes()[:-200])


def older_version(path):
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({b"sholu.pipeline_version": b"1"}), path)


def no_signatures(path):
    pq.write_table(pq.read_table(path).drop_columns(["signature"]), path)


@pytest.mark.parametrize("damage, reason", [
    (not_parquet, "not a readable Parquet file"),
    (truncated, "not a readable Parquet file"),
    (older_version, "written by pipeline version 1"),
    (no_signatures, "missing column(s) signature"),
])
def test_a_bad_shard_is_refused_by_name_and_the_store_is_unchanged(shards, tmp_path, damage, reason):
    db = tmp_path / "kept.db"
    run_into(db, SAMPLES)
    before = store_state(db)
    bad = tmp_path / "bad"
    shutil.copytree(shards, bad)
    shutil.copy(bad / "part-000001.parquet", bad / "part-000000.parquet")   # a good part first
    damage(bad / "part-000001.parquet")
    result = sholu("load", bad / "part-000000.parquet", bad / "part-000001.parquet", "--db", db)
    assert result.exit_code == 1
    assert f"{bad / 'part-000001.parquet'}: {reason}" in result.output
    assert store_state(db) == before


def test_a_shard_damaged_inside_stops_the_load_at_that_shard(shards, direct, tmp_path):
    """Footer, version and columns fine, a row's annotations not JSON: the shards before
    it are loaded, nothing of it is."""
    docs = read_shard(shards / "part-000001.parquet")
    write_shard(docs[:5], tmp_path / "part-000001.parquet")
    table = pq.read_table(shards / "part-000001.parquet").slice(5)
    pq.write_table(table.set_column(table.schema.get_field_index("annotations"), "annotations",
                                    [["{not json"]]).cast(SCHEMA), tmp_path / "part-000002.parquet")
    db = tmp_path / "half.db"
    result = sholu("load", tmp_path / "part-000001.parquet", tmp_path / "part-000002.parquet", "--db", db)
    assert result.exit_code == 1
    assert f"{tmp_path / 'part-000002.parquet'}: damaged shard" in result.output
    assert [r["source"] for r in export_records(db)] == [r["source"] for r in direct[:5]]


def test_a_folder_missing_a_part_is_refused(shards, tmp_path):
    partial_copy = tmp_path / "copied"
    shutil.copytree(shards, partial_copy)
    (partial_copy / "part-000001.parquet").unlink()
    result = sholu("load", partial_copy, "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    assert "its shards hold 0 documents, its manifest says 6" in result.output


def test_shards_and_db_are_exclusive(tmp_path):
    result = sholu("run", SAMPLES, "--shards", tmp_path / "s", "--db", tmp_path / "x.db")
    assert result.exit_code == 2
    assert "--shards and --db are exclusive" in result.output
    assert not (tmp_path / "s").exists() and not (tmp_path / "x.db").exists()


def test_a_folder_already_holding_shards_is_refused(shards):
    result = sholu("run", SAMPLES, "--shards", shards)
    assert result.exit_code == 1
    assert f"{shards}: already holds shards" in result.output
