"""The `sholu` command as a user runs it: the installed console script in a subprocess."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MESSY, SAMPLES

SHOLU = str(Path(sys.executable).parent / "sholu")


def sholu(*args, cwd=None, env=None):
    return subprocess.run([SHOLU, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=300)


@pytest.mark.parametrize("command", ["run", "load", "demo", "documents", "export", "persons", "person", "quotes", "events", "search", "report", "serve"])
def test_every_command_has_help_with_examples(command):
    result = sholu(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_demo_writes_the_database_and_prints_a_summary(tmp_path):
    result = sholu("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sholu-demo.db").is_file()
    assert "read 5, new 5 (duplicates 0), skipped 0 already stored, errors 0" in result.stdout
    assert "Kazpravda.kz" in result.stdout and "2026-02-27" in result.stdout


def test_run_reports_bad_files_on_stderr_and_stores_the_good_ones(tmp_path):
    result = sholu("run", MESSY, "--db", tmp_path / "m.db", "--json")
    assert result.returncode == 0
    summary = json.loads(result.stdout)
    assert summary["new"] == 9 and len(summary["errors"]) == 5
    assert f"error: {MESSY}/empty.txt: empty file" in result.stderr
    assert f"error: {MESSY}/random-bytes.txt: binary data" in result.stderr


def test_run_with_nothing_readable_fails(tmp_path):
    result = sholu("run", MESSY / "empty.txt", tmp_path / "missing", "--db", tmp_path / "x.db")
    assert result.returncode == 1
    assert "no such file or directory" in result.stderr


def test_sholu_db_environment_variable_is_the_default(tmp_path):
    result = sholu("run", SAMPLES, env={"SHOLU_DB": str(tmp_path / "env.db")}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.db").is_file() and not (tmp_path / "sholu.db").exists()


def test_export_writes_one_json_object_per_article(tmp_path):
    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    out = tmp_path / "out.jsonl"
    result = sholu("export", "--db", db, "--format", "jsonl", "--out", out)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and all(r["text"] for r in records)


def test_documents_lists_as_json(tmp_path):
    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    result = sholu("documents", "--db", db, "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {row["outlet"] for row in rows} == {"DKNews.kz", None, "Kazpravda.kz", "BAQ.KZ", "zanmedia.kz"}


def test_export_of_a_missing_database_is_a_clear_error(tmp_path):
    result = sholu("export", "--db", tmp_path / "nope.db", "--out", tmp_path / "o.jsonl")
    assert result.returncode != 0
    assert "nope.db: no such database" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("my notes, not a database\n", encoding="utf-8")
    result = sholu("run", SAMPLES, "--db", bogus)
    assert result.returncode != 0
    assert "notes.db: cannot open as a Sholu SQLite database" in result.stderr
    assert bogus.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_persons_ranks_people_by_articles(tmp_path):
    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    result = sholu("persons", "--db", db, "--json", "--top", "3")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["name"] == "Аида Балаева" and rows[0]["articles"] == 3
    assert rows[0]["positions"][0] == "заместитель Премьер-министра – министр культуры и информации РК"
    assert len(rows) == 3


def test_person_profile_from_an_inflected_surname(tmp_path):
    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    result = sholu("person", "Балаевой", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    profile = json.loads(result.stdout)
    assert profile["name"] == "Аида Балаева"
    assert [p["published"] for p in profile["positions"]] == [None, "2026-02-27", "2026-03-02"]
    assert len(profile["articles"]) == 3
    assert {"Сергей Пономарев", "Серик Акылбай"} <= {p["name"] for p in profile["co_mentioned"][:2]}


def test_person_unknown_is_a_clear_error(tmp_path):
    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    result = sholu("person", "Иван Иванов", "--db", db)
    assert result.returncode != 0 and "matches nobody" in result.stderr


def test_quotes_of_a_speaker_come_from_three_articles(tmp_path):
    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    result = sholu("quotes", "--db", db, "--speaker", "Балаевой", "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {row["speaker"] for row in rows} == {"Аида Балаева"}
    assert len({row["document_id"] for row in rows}) == 3
    assert {"direct", "indirect"} == {row["kind"] for row in rows}


def test_a_reprinted_quote_is_linked_to_its_first_appearance(tmp_path):
    from conftest import REPRINT

    db = tmp_path / "r.db"
    sholu("run", SAMPLES, REPRINT, "--db", db)
    rows = [json.loads(line) for line in sholu("quotes", "--db", db, "--speaker", "Роман Ставкин",
                                               "--json").stdout.splitlines()]
    assert len(rows) == 2 and {row["times_said"] for row in rows} == {2}
    first, copy = sorted(rows, key=lambda row: row["repeat_of"] or "")
    assert first["repeat_of"] is None and copy["repeat_of"] == first["quote_id"]


def test_events_group_reports_of_one_event(tmp_path):
    from conftest import REPRINT

    db = tmp_path / "e.db"
    sholu("run", SAMPLES, REPRINT, "--db", db)
    rows = [json.loads(line) for line in sholu("events", "--db", db, "--json").stdout.splitlines()]
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
def test_export_formats_from_the_command_line(tmp_path, fmt, out):
    import openpyxl
    import pandas as pd

    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    target = tmp_path / out
    result = sholu("export", "--db", db, "--format", fmt, "--out", target, "--person", "Балаевой")
    assert result.returncode == 0, result.stderr
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


def test_report_is_written_self_contained(tmp_path):
    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
    out = tmp_path / "report.html"
    result = sholu("report", "--db", db, "--out", out)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "Аида Балаева" in html
    assert 'src="http' not in html and 'href="http' not in html and "<script" not in html


def test_serve_answers_over_http_and_refuses_unauthenticated_writes(tmp_path):
    import socket
    import time
    import urllib.error
    import urllib.request
    from urllib.parse import quote

    db = tmp_path / "s.db"
    sholu("run", SAMPLES, "--db", db)
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
