"""Hostile and huge input, small enough for CI: each input is generated here with the
structure that broke a real run (issue 18), and the run must finish, store every good
article, name every bad one with its reason, and keep memory bounded (the heavy sizes
are in bench/bench_hostile.py)."""
from __future__ import annotations

import base64
import gzip
import io
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sholu import pipeline
from sholu.cli import main
from sholu.document import Document, Problem
from sholu.ingest import Limits, list_files, read_file
from sholu.ingest.decode import decode_bytes
from sholu.store import open_store

ARTICLE = ("Депутаты городского маслихата встретились с жителями нового микрорайона и обсудили "
           "строительство школы, ремонт дорог и освещение дворов.\n\n"
           "По словам председателя комиссии, работы на участке начнутся весной, а подрядчик "
           "уже получил все необходимые разрешения от акимата.\n\n"
           "Жители попросили также открыть поликлинику, потому что до ближайшей больницы им "
           "приходится ехать больше часа на двух автобусах.")
OTHER = ("Фермеры северной области рассказали журналистам о том, как весенние заморозки "
         "повредили посевы пшеницы на тысячах гектаров.\n\n"
         "Как отметили в управлении сельского хозяйства, хозяйства получат компенсацию, если "
         "подадут заявки до конца месяца вместе с актами обследования полей.")
SMALL = Limits(max_document_bytes=64 * 1024, max_inflated_bytes=1 << 20, max_ratio=50,
               ratio_grace_bytes=256 * 1024, stage_seconds=60)


def article(n: int) -> str:
    """A distinct article (a number in it, so none is a copy of another)."""
    return ARTICLE.replace("школы", f"школы номер {n}")


def run_folder(db: Path, folder: Path, limits: Limits = SMALL, seen: list | None = None):
    store = open_store(str(db))
    try:
        return pipeline.run([str(folder)], store, jobs=1, limits=limits,
                            on_problem=seen.append if seen is not None else None)
    finally:
        store.close()


def warc_gz(records: list[tuple[str, str, bytes]]) -> bytes:
    """A gzipped WARC of HTTP responses (url, content type, payload)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One folder of every hostile shape beside good articles, run once."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    (folder / "good-1.txt").write_text(article(1), encoding="utf-8")
    os.rename(folder / "good-1.txt", os.fsencode(folder) + b"/bad-name-\xff.txt")   # not UTF-8
    (folder / "good-2.txt").write_text(article(2), encoding="utf-8")
    stray = article(3).encode("utf-8")
    cut = stray.index("работы".encode())
    (folder / "stray-byte.txt").write_bytes(stray[:cut] + b"\xff" + stray[cut:])
    (folder / "cut-last-char.txt").write_bytes(article(4).encode("utf-8") + "ж".encode()[:1])
    refs = "".join(f"&#{ord(c)};" if c.isalpha() else c for c in article(5))
    (folder / "references.html").write_text(f"<html><body><p>{refs}</p></body></html>", encoding="ascii")
    depth = 3000
    (folder / "deep.html").write_text(
        "<html><head><title>Глубокая страница</title></head><body>" + "<div>" * depth
        + "".join(f"<p>{p}</p>" for p in article(6).split("\n\n")) + "</div>" * depth + "</body></html>",
        encoding="utf-8")
    (folder / "huge.txt").write_text(OTHER * 200, encoding="utf-8")        # over 64 KiB
    rows = [["text", "title"], [article(7), "=HYPERLINK(\"http://x.test\",\"click\")"],
            ["x" * 100_000, "huge"], [article(8), "+cmd|' /C calc'!A0"]]
    with open(folder / "export.csv", "w", encoding="utf-8", newline="") as handle:
        import csv
        csv.writer(handle).writerows(rows)
    lines = [json.dumps({"text": article(9), "outlet": "@evil"}, ensure_ascii=False), "{broken",
             json.dumps({"text": "y" * 100_000}), json.dumps({"text": article(10)}, ensure_ascii=False)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "bomb.jsonl.gz").write_bytes(gzip.compress(b'{"text": "' + b"a" * (4 << 20) + b'"}\n'))
    (folder / "crawl.warc.gz").write_bytes(warc_gz([
        ("http://a.test/big", "text/html", b"<p>" + os.urandom(50_000).hex().encode() + b"</p>"),
        ("http://a.test/after", "text/html", article(11).encode("utf-8"))]))
    (folder / "bomb.warc.gz").write_bytes(warc_gz([
        ("http://a.test/bomb", "image/png", b"\0" * (4 << 20)),
        ("http://a.test/never", "text/html", article(13).encode("utf-8"))]))
    (folder / "ok.warc.gz").write_bytes(warc_gz([("http://b.test/1", "text/html; charset=utf-8",
                                                 f"<html><body><p>{article(12)}</p></body></html>".encode())]))
    os.symlink("no-such-target.txt", folder / "dangling.txt")
    os.symlink(".", folder / "loop")
    os.mkfifo(folder / "pipe.txt")
    db = root / "hostile.db"
    seen: list[Problem] = []
    summary = run_folder(db, folder, seen=seen)
    store = open_store(str(db))
    texts = {doc.source: doc for doc in store.documents()}
    store.close()
    return summary, texts, seen, db, folder


def reasons(summary) -> dict[str, str]:
    return {Path(p.source.split("#")[0]).name + ("#" + p.source.split("#")[1] if "#" in p.source else ""): p.reason
            for p in summary.errors}


def test_a_file_name_that_is_not_utf8_is_stored_under_a_safe_name(hostile):
    summary, texts, _, db, folder = hostile
    name = f"{folder}/bad-name-\\xff.txt"
    assert name in texts and "школы номер 1" in texts[name].text
    result = CliRunner().invoke(main, ["documents", "--db", str(db), "--json"])
    assert result.exit_code == 0 and "bad-name-\\\\xff.txt" in result.output


def test_every_good_article_is_stored(hostile):
    _, texts, _, _, _ = hostile
    stored = "\n".join(doc.text for doc in texts.values())
    for n in range(1, 13):
        assert f"школы номер {n}" in stored, n


def test_every_bad_input_is_named_with_its_reason(hostile):
    summary, _, _, _, _ = hostile
    found = reasons(summary)
    assert "per-document limit" in found["huge.txt"]
    assert "per-document limit" in found["export.csv#row=3"]
    assert "per-document limit" in found["feed.jsonl#line=3"]
    assert "invalid or truncated JSON" in found["feed.jsonl#line=2"]
    assert "inflates" in found["bomb.jsonl.gz"]
    assert "per-document limit" in found["crawl.warc.gz#record=1"]
    assert found["bomb.warc.gz"].startswith("compression bomb")
    assert found["dangling.txt"].startswith("dangling symbolic link")
    assert found["loop"].startswith("symbolic link loop")
    assert found["pipe.txt"].startswith("not a regular file (named pipe)")


def test_stray_bytes_keep_the_article_and_are_noted(hostile):
    summary, texts, _, _, folder = hostile
    notes = {Path(p.source).name: p.reason for p in summary.notes}
    assert "replaced" in notes["stray-byte.txt"]
    assert "\ufffd" in texts[f"{folder}/stray-byte.txt"].text
    assert f"{folder}/cut-last-char.txt" in texts


def test_character_references_and_deep_nesting_keep_the_text(hostile):
    _, texts, _, _, folder = hostile
    assert "школы номер 5" in texts[f"{folder}/references.html"].text
    deep = texts[f"{folder}/deep.html"]
    assert "школы номер 6" in deep.text and "поликлинику" in deep.text


def test_problems_are_reported_as_they_happen_and_listed_in_the_store(hostile):
    summary, _, seen, db, _ = hostile
    assert sorted(p.reason for p in seen) == sorted(p.reason for p in summary.errors + summary.notes)
    result = CliRunner().invoke(main, ["problems", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {row["severity"] for row in rows} == {"error", "note"}
    assert any(row["source"].endswith("feed.jsonl#line=2") for row in rows)
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_problem_goes_from_the_list_once_its_source_is_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.jsonl").write_text("{broken\n", encoding="utf-8")
    run_folder(tmp_path / "t.db", folder)
    (folder / "feed.jsonl").write_text(json.dumps({"text": article(20)}, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    run_folder(tmp_path / "t.db", folder)
    result = CliRunner().invoke(main, ["problems", "--db", str(tmp_path / "t.db"), "--errors", "--json"])
    assert result.exit_code == 0 and result.output == ""


def test_lenient_decoding_tells_a_stray_byte_from_another_code_page():
    text = "Жители микрорайона попросили открыть поликлинику и школу. " * 5
    mixed = decode_bytes(text.encode("utf-8")[:100] + "ё".encode("cp1251") + text.encode("utf-8")[100:])
    assert mixed.encoding == "utf-8" and mixed.replaced == 1
    assert decode_bytes(text.encode("cp1251")).encoding.replace("_", "") in ("cp1251", "windows1251")
    refs = "".join(f"&#{ord(c)};" for c in text)
    assert decode_bytes(refs.encode()).text == refs      # readable: references count as letters


def test_a_csv_record_may_hold_line_breaks_and_quotes(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('text,title\n"' + article(30).replace("\n", "\r\n") + ' ""так"" сказал",one\n',
                    encoding="utf-8", newline="")
    [doc] = list(read_file(path))
    assert '"так" сказал' in doc.content and doc.title == "one"


def sleepy(doc):
    """A stage of this test: slow on a document that asks for it."""
    if "медленно" in doc.text:
        time.sleep(5)
    return doc


def test_a_document_over_its_time_budget_becomes_a_problem_naming_the_stage():
    from sholu.pipeline.batch import run_stage
    from sholu.pipeline.stages import Stage

    stage = Stage("sleepy", "test_hostile:sleepy", ("text",), ())
    docs = [Document(source="slow", fingerprint="", text="медленно"),
            Document(source="fast", fingerprint="", text="быстро")]
    started = time.perf_counter()
    slow, fast = run_stage(stage, docs, seconds=0.3)
    assert time.perf_counter() - started < 2
    assert isinstance(slow, Problem) and slow.stage == "sleepy" and "time budget" in slow.reason
    assert fast.source == "fast"


def test_exported_csv_cells_never_start_a_formula(hostile, tmp_path):
    _, _, _, db, _ = hostile
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    import csv
    cells = [cell for path in (tmp_path / "csv").glob("*.csv")
             for row in csv.reader(open(path, encoding="utf-8", newline="")) for cell in row]
    assert "'=HYPERLINK(\"http://x.test\",\"click\")" in cells and "'@evil" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@")]


@pytest.fixture(scope="module")
def client(hostile):
    from fastapi.testclient import TestClient

    from sholu.server import create_app

    _, _, _, db, _ = hostile
    return lambda auth=None: TestClient(create_app(str(db), "write-secret", auth=auth))


def test_dashboard_csv_cells_never_start_a_formula(client):
    response = client().get("/outlets?format=csv&chart=outlets")
    assert response.status_code == 200
    assert "'@evil" in response.text and "\n@evil" not in response.text and ",@evil" not in response.text


def basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_reading_can_be_closed_behind_basic_auth(client):
    guarded = client("basic:ann:pass phrase")
    for path in ("/", "/api/documents", "/docs", "/openapi.json", "/static/app.css", "/problems"):
        refused = guarded.get(path)
        assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
    assert guarded.get("/api/documents", headers=basic("ann", "pass phrase")).status_code == 200
    assert guarded.get("/api/documents", headers=basic("bob", "pass phrase")).status_code == 401
    assert guarded.get("/api/documents", headers={"Authorization": "Bearer write-secret"}).status_code == 200
    page = guarded.get("/problems", headers=basic("ann", "pass phrase"))
    assert page.status_code == 200 and "feed.jsonl#line=2" in page.text


def test_a_read_token_works_as_bearer_or_as_a_browser_password(client):
    guarded = client("token:t0ken")
    assert guarded.get("/api/documents").status_code == 401
    assert guarded.get("/api/documents", headers={"Authorization": "Bearer t0ken"}).status_code == 200
    assert guarded.get("/", headers=basic("anyone", "t0ken")).status_code == 200
    assert guarded.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_every_response_carries_security_headers(client):
    for path in ("/", "/api/documents", "/static/app.css", "/no-such-page", "/docs"):
        headers = client().get(path).headers
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_paging_past_the_end_is_a_client_error_never_a_500(client, hostile):
    open_client = client()
    assert open_client.get("/api/documents?offset=99999999999999999999").status_code == 422
    assert open_client.get("/api/quotes?offset=99999999999999999999").status_code == 422
    assert open_client.get("/search?q=школы&page=99999999999999999999").status_code == 200
    _, _, _, db, _ = hostile
    result = CliRunner().invoke(main, ["search", "школы", "--db", str(db), "--offset", "99999999999999999999"])
    assert result.exit_code == 2 and "offset" in result.output


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_second_run_on_a_database_being_written_is_refused(tmp_path, backend):
    from conftest import new_target

    target = new_target(backend, tmp_path, "locked")
    (tmp_path / "a.txt").write_text(article(40), encoding="utf-8")
    holder = open_store(target)
    try:
        with holder.run_lock():
            result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--db", target, "-q"])
            assert result.exit_code == 1 and "being written by another" in result.output
            assert "--wait" in result.output
    finally:
        holder.close()
    result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--db", target, "-q", "-j", "1"])
    assert result.exit_code == 0, result.output


def test_walking_reports_folders_it_cannot_read(tmp_path):
    """A folder that cannot be listed is named with the reason. Permissions do not stop
    root (CI runs as root), a path longer than the system allows stops everyone: folders
    nested past PATH_MAX, made through directory descriptors, cannot be listed by path."""
    folder = os.open(tmp_path, os.O_RDONLY)
    for _ in range(20):
        os.mkdir("d" * 250, dir_fd=folder)
        inner = os.open("d" * 250, os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = inner
    os.close(folder)
    [problem] = list(list_files([tmp_path]))
    assert problem.reason.startswith("unreadable") and "too long" in problem.reason
