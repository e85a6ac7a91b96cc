"""The `sholu` command as a user runs it. Most tests call the click group in this
process (CliRunner: the same parsing, output streams and exit codes, without starting an
interpreter and loading the models for every call); the last ones run the installed
console script in a subprocess, for what only a real process shows: its exit status
and `sholu serve` answering over HTTP."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import HEAVY_LIBRARIES, MESSY, REPRINT, SAMPLES
from sholu.cli import main

SHOLU = str(Path(sys.executable).parent / "sholu")


def sholu(*args, env=None) -> Result:
    """`sholu ARGS` in this process; stdout and stderr apart, as a terminal shows them."""
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def sholu_process(*args, env=None) -> subprocess.CompletedProcess:
    """`sholu ARGS` through the installed console script."""
    return subprocess.run([SHOLU, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def json_lines(result: Result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> Path:
    """The sample corpus through `sholu run` once; the tests that only read share it."""
    db = tmp_path_factory.mktemp("cli") / "s.db"
    result = sholu("run", SAMPLES, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def reprint_db(tmp_path_factory) -> Path:
    """The sample corpus and its reprints (a Zakon.kz copy of the plant meeting)."""
    db = tmp_path_factory.mktemp("cli") / "r.db"
    result = sholu("run", SAMPLES, REPRINT, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


@pytest.mark.parametrize("command", ["run", "load", "demo", "documents", "export", "persons", "person", "quotes", "events", "search", "report", "serve"])
def test_every_command_has_help_with_examples(command):
    result = sholu(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_demo_writes_the_database_and_prints_a_summary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = sholu("demo")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "sholu-demo.db").is_file()
    assert "read 5, new 5 (duplicates 0), skipped 0 already stored, errors 0" in result.stdout
    assert "Kazpravda.kz" in result.stdout and "2026-02-27" in result.stdout


def test_run_reports_bad_files_on_stderr_and_stores_the_good_ones(tmp_path):
    result = sholu("run", MESSY, "--db", tmp_path / "m.db", "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["new"] == 9 and len(summary["errors"]) == 5
    assert f"error: {MESSY}/empty.txt: empty file" in result.stderr
    assert f"error: {MESSY}/random-bytes.txt: binary data" in result.stderr


def test_run_with_nothing_readable_fails(tmp_path):
    result = sholu("run", MESSY / "empty.txt", tmp_path / "missing", "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    assert "no such file or directory" in result.stderr


def test_sholu_db_environment_variable_is_the_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first_sample = sorted(SAMPLES.glob("*.txt"))[0]
    result = sholu("run", first_sample, env={"SHOLU_DB": str(tmp_path / "env.db")})
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "env.db").is_file() and not (tmp_path / "sholu.db").exists()


def test_export_writes_one_json_object_per_article(samples_db, tmp_path):
    out = tmp_path / "out.jsonl"
    result = sholu("export", "--db", samples_db, "--format", "jsonl", "--out", out)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and all(r["text"] for r in records)


def test_export_to_standard_output_is_the_records_alone(samples_db):
    records = json_lines(sholu("export", "--db", samples_db, "--format", "jsonl"))
    assert len(records) == 5 and all(r["text"] for r in records)


def test_documents_lists_as_json(samples_db):
    rows = json_lines(sholu("documents", "--db", samples_db, "--json"))
    assert {row["outlet"] for row in rows} == {"DKNews.kz", None, "Kazpravda.kz", "BAQ.KZ", "zanmedia.kz"}


def test_export_of_a_missing_database_is_a_clear_error(tmp_path):
    result = sholu("export", "--db", tmp_path / "nope.db", "--out", tmp_path / "o.jsonl")
    assert result.exit_code != 0
    assert "nope.db: no such database" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("my notes, not a database\n", encoding="utf-8")
    result = sholu("run", SAMPLES, "--db", bogus)
    assert result.exit_code != 0
    assert "notes.db: cannot open as a Sholu SQLite database" in result.stderr
    assert bogus.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_persons_ranks_people_by_articles(samples_db):
    rows = json_lines(sholu("persons", "--db", samples_db, "--json", "--top", "3"))
    assert rows[0]["name"] == "Аида Балаева" and rows[0]["articles"] == 3
    assert rows[0]["positions"][0] == "заместитель Премьер-министра – министр культуры и информации РК"
    assert len(rows) == 3


def test_person_profile_from_an_inflected_surname(samples_db):
    result = sholu("person", "Балаевой", "--db", samples_db, "--json")
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)
    assert profile["name"] == "Аида Балаева"
    assert [p["published"] for p in profile["positions"]] == [None, "2026-02-27", "2026-03-02"]
    assert len(profile["articles"]) == 3
    assert {"Сергей Пономарев", "Серик Акылбай"} <= {p["name"] for p in profile["co_mentioned"][:2]}


def test_person_unknown_is_a_clear_error(samples_db):
    result = sholu("person", "Иван Иванов", "--db", samples_db)
    assert result.exit_code != 0 and "matches nobody" in result.stderr


def test_quotes_of_a_speaker_come_from_three_articles(samples_db):
    rows = json_lines(sholu("quotes", "--db", samples_db, "--speaker", "Балаевой", "--json"))
    assert {row["speaker"] for row in rows} == {"Аида Балаева"}
    assert len({row["document_id"] for row in rows}) == 3
    assert {"direct", "indirect"} == {row["kind"] for row in rows}


def test_a_reprinted_quote_is_linked_to_its_first_appearance(reprint_db):
    rows = json_lines(sholu("quotes", "--db", reprint_db, "--speaker", "Роман Ставкин", "--json"))
    assert len(rows) == 2 and {row["times_said"] for row in rows} == {2}
    first, copy = sorted(rows, key=lambda row: row["repeat_of"] or "")
    assert first["repeat_of"] is None and copy["repeat_of"] == first["quote_id"]


def test_events_group_reports_of_one_event(reprint_db):
    rows = json_lines(sholu("events", "--db", reprint_db, "--json"))
    referendum = next(r for r in rows if r["type"] == "referendum" and r["date"] == "2026-03-15")
    assert referendum["reports"] == 4 and referendum["original_reports"] == 3
    plant = next(r for r in rows if r["type"] == "meeting" and r["date"] == "2026-02-27")
    assert plant["reports"] == 2 and plant["original_reports"] == 1     # the Zakon.kz reprint
    assert "Роман Ставкин" in plant["participants"]
    election = next(r for r in rows if r["type"] == "election")
    assert election["date"] == "2023-03-19"
    kazkat = next(r for r in rows if r["city"] == "Жезказган")
    assert "Kazkat" in kazkat["venue"] and kazkat["city_inferred"] is False


@pytest.mark.parametrize("fmt, out", [("csv", "tables"), ("parquet", "tables"), ("xlsx", "corpus.xlsx")])
def test_export_formats_from_the_command_line(samples_db, tmp_path, fmt, out):
    import openpyxl
    import pandas as pd

    target = tmp_path / out
    result = sholu("export", "--db", samples_db, "--format", fmt, "--out", target, "--person", "Балаевой")
    assert result.exit_code == 0, result.stderr
    if fmt == "xlsx":
        sheets = openpyxl.load_workbook(target, read_only=True)
        assert {"documents", "persons", "quotes", "events"} <= set(sheets.sheetnames)
        assert len(list(sheets["documents"].rows)) == 4     # a header and Балаева's 3 articles
    else:
        read = pd.read_csv if fmt == "csv" else pd.read_parquet
        documents = read(target / f"documents.{fmt}")
        quotes = read(target / f"quotes.{fmt}")
        assert len(documents) == 3
        assert "Аида Балаева" in set(quotes["speaker"])


def test_report_is_written_self_contained(samples_db, tmp_path):
    out = tmp_path / "report.html"
    result = sholu("report", "--db", samples_db, "--out", out)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "Аида Балаева" in html
    assert 'src="http' not in html and 'href="http' not in html and "<script" not in html


# -- the process boundary: the installed console script -----------------------------

def test_the_console_script_exits_non_zero_with_the_reason_on_stderr(tmp_path):
    result = sholu_process("run", MESSY / "empty.txt", tmp_path / "missing", "--db", tmp_path / "x.db")
    assert result.returncode == 1
    assert "no such file or directory" in result.stderr and "Traceback" not in result.stderr
    assert sholu_process("persons", "--db", tmp_path / "nope.db").returncode == 1
    assert sholu_process("--help").returncode == 0


def test_a_rerun_with_nothing_new_loads_no_model(samples_db):
    """What keeps the re-run fast (bench/bench_startup.py): nothing is analysed, so no
    model library is imported."""
    script = ("import sys\nfrom sholu.cli import main\n"
              f"main(['run', {str(SAMPLES)!r}, '--db', {str(samples_db)!r}], standalone_mode=False)\n"
              "print(' '.join(sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "read 5, new 0 (duplicates 0), skipped 5 already stored" in result.stdout
    loaded = set(result.stdout.split())
    stages = ("sholu.nlp", "sholu.quotes", "sholu.events", "sholu.topics")
    assert sorted(name for name in HEAVY_LIBRARIES + stages if name in loaded) == []


def test_serve_answers_over_http_and_refuses_unauthenticated_writes(samples_db):
    import socket
    import time
    import urllib.error
    import urllib.request
    from urllib.parse import quote

    db = samples_db
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([SHOLU, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "SHOLU_API_TOKEN": "secret"})
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                body = urllib.request.urlopen(f"{base}/api/quotes?speaker={quote('Балаевой')}", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        quotes = json.loads(body)
        assert quotes["count"] >= 8 and {q["speaker"] for q in quotes["items"]} == {"Аида Балаева"}
        request = urllib.request.Request(f"{base}/api/documents", data=b'{"documents": []}',
                                         headers={"Content-Type": "application/json"}, method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401
    finally:
        server.terminate()
        server.wait(timeout=10)
