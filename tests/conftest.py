"""Shared fixtures: real files from the repo, a real SQLite file per test module."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from sholu import pipeline
from sholu.store import open_store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "sholu" / "samples" / "kz-referendum-2026"
MESSY = FIXTURES / "messy"
REPRINT = FIXTURES / "reprint"
FACTRUEVAL = FIXTURES / "factrueval"
GOLD = json.loads((FIXTURES / "gold" / "seeds.json").read_text(encoding="utf-8"))["documents"]

# Store, search, API and export tests run on both backends: a SQLite file, and a real
# PostgreSQL server ($SHOLU_TEST_PG; .ci/run installs and starts one where none runs).
# The PostgreSQL ones carry the `postgres` marker: they run by default like every test,
# and `pytest -m "not postgres"` leaves them out on a machine without a server.
BACKENDS = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgres))
PG_URL = os.environ.get("SHOLU_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
PG_SCHEMAS: list[str] = []

# Libraries that take tens to hundreds of milliseconds to import: `sholu --help`, the
# read commands and a re-run with nothing new need none of them (test_imports, test_cli).
HEAVY_LIBRARIES = ("natasha", "slovnet", "navec", "numpy", "scipy", "datasketch", "py3langid",
                   "trafilatura", "pandas", "pyarrow", "fastapi", "jinja2", "tqdm", "pymorphy2",
                   "lxml", "psycopg", "dask", "openpyxl")

QUOTES_AND_DASHES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
                                   "—": "-", "–": "-", "−": "-", "ё": "е", "Ё": "е"})


def gold_form(text: str) -> str:
    """The gold file's matching rule: case-insensitive, е/ё and quote/dash variants equal,
    whitespace collapsed."""
    return re.sub(r"\s+", " ", text.translate(QUOTES_AND_DASHES).lower()).strip()


def new_target(backend: str, folder: Path, name: str) -> str:
    """A fresh, empty store: a file in `folder`, or a schema of its own in PostgreSQL."""
    if backend == "sqlite":
        return str(folder / f"{name}.db")
    schema = f"sholu_test_{name}_{uuid.uuid4().hex[:10]}"
    PG_SCHEMAS.append(schema)
    return f"{PG_URL}{'&' if '?' in PG_URL else '?'}schema={schema}"


@pytest.fixture(scope="session", autouse=True)
def drop_test_schemas():
    """Test schemas go when the session ends, dropped by a process of their own that the
    session does not wait for: PostgreSQL takes half a minute to drop a hundred of them."""
    yield
    if PG_SCHEMAS:
        subprocess.Popen([sys.executable, "-c", DROP_SCRIPT, PG_URL, *PG_SCHEMAS], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


# A few schemas a transaction: dropping them all in one takes a lock per table and index,
# more than the server's lock table holds (max_locks_per_transaction x connections).
DROP_SCRIPT = """import sys, psycopg
url, schemas = sys.argv[1], sys.argv[2:]
with psycopg.connect(url, autocommit=True) as db:
    for start in range(0, len(schemas), 5):
        db.execute("DROP SCHEMA IF EXISTS " + ", ".join(f'"{s}"' for s in schemas[start:start + 5]) + " CASCADE")
"""


def run_into(db_path, *paths: Path, jobs: int = 1) -> pipeline.Summary:
    """`paths` run into the store at `db_path`. In this process by default: a fixture's
    store costs a second less than with two fresh worker processes (which load every
    model again); the local engine's workers are run by `sample_records`, test_engines
    and test_pipeline_runs."""
    store = open_store(str(db_path))
    try:
        return pipeline.run([str(p) for p in paths], store, jobs=jobs)
    finally:
        store.close()


def export_records(db_path: Path) -> list[dict]:
    store = open_store(str(db_path))
    try:
        return [doc.to_record() for doc in store.documents()]
    finally:
        store.close()


@pytest.fixture(scope="session")
def sample_records(tmp_path_factory) -> dict[str, dict]:
    """The sample corpus run once into a real SQLite file; records by file name."""
    db = tmp_path_factory.mktemp("samples") / "samples.db"
    run_into(db, SAMPLES, jobs=2)
    return {Path(r["source"]).name: r for r in export_records(db)}


def opened_store(target):
    """A store open for one fixture's lifetime (`yield from opened_store(target)`)."""
    store = open_store(str(target))
    try:
        yield store
    finally:
        store.close()


def app_client(target):
    """The API and dashboard of `target` in-process (`yield from app_client(target)`)."""
    from fastapi.testclient import TestClient

    from sholu.server import create_app

    with TestClient(create_app(str(target))) as client:
        yield client


def run_target(backend: str, factory, name: str, *paths: Path) -> str:
    """A fresh store of `backend` with `paths` run into it, none of them failing."""
    target = new_target(backend, factory.mktemp(name), name)
    assert run_into(target, *paths).errors == []
    return str(target)
