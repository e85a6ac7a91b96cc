"""A folder mixing good files with bad ones: every good article is stored with its text
decoded correctly, every bad one is named with its reason, nothing of a script leaks."""
import json
from pathlib import Path

import pytest

from conftest import FACTRUEVAL, MESSY, export_records, run_into


def original(name: str) -> str:
    return (FACTRUEVAL / f"{name}.txt").read_text(encoding="utf-8")


def first_sentence(text: str) -> str:
    return text.split(". ")[0]


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    db = tmp_path_factory.mktemp("messy") / "messy.db"
    summary = run_into(db, MESSY)
    records = export_records(db)
    by_source = {r["source"]: r for r in records}
    return summary, by_source


def record_from(messy, file_name: str) -> dict:
    _, by_source = messy
    matches = [r for s, r in by_source.items() if Path(s.split("#")[0]).name == file_name]
    assert matches, f"nothing stored from {file_name}"
    return matches[0]


def problems(messy) -> dict[str, str]:
    summary, _ = messy
    return {Path(p.source).name: p.reason for p in summary.errors}


@pytest.mark.parametrize("file_name, article", [
    ("cp1251-article.txt", "book_105"),
    ("utf16-article.txt", "book_124"),
    ("utf8-bom-article.txt", "book_127"),
])
def test_encodings_are_detected_and_decoded(messy, file_name, article):
    text = record_from(messy, file_name)["text"]
    assert text.startswith(first_sentence(original(article)))
    assert "\ufeff" not in text


def test_koi8r_is_decoded(messy):
    text = record_from(messy, "koi8r-article.txt")["text"]
    assert text.startswith("Промышленный и коммерческий банк Китая")
    assert "Bank of East Asia" in text


def test_bad_files_are_named_with_a_reason(messy):
    found = problems(messy)
    assert found["empty.txt"] == "empty file"
    assert "binary" in found["random-bytes.txt"]
    assert "truncated JSON" in found["feed.jsonl#line=3"]
    assert "object" in found["feed.jsonl#line=4"]
    assert "no 'text' or 'html'" in found["feed.jsonl#line=5"]


def test_every_good_article_is_stored(messy):
    summary, by_source = messy
    expected = {f"{MESSY}/{name}" for name in (
        "article-page.html", "cp1251-article.txt", "koi8r-article.txt", "utf16-article.txt",
        "utf8-bom-article.txt", "feed.jsonl#line=1", "feed.jsonl#line=2", "export.csv#row=2",
    )} | {"https://informburo.kz/novosti/arizona"}
    assert set(by_source) == expected
    assert summary.new == summary.read == len(expected)


def test_html_page_text_has_no_script_style_or_navigation(messy):
    record = record_from(messy, "article-page.html")
    text = record["text"]
    assert text.startswith("В Усть-Каменогорске на площадке ТОО «Казцинк»")
    assert text.endswith("направленные на усиление роли человека труда.")
    for leaked in ("dataLayer", "TRACKER_SECRET", "alert(", "font-family", "Политика",
                   "Курс тенге", "Все права защищены", "injected footer"):
        assert leaked not in text
    assert record["title"] == "Аида Балаева встретилась с металлургами «Казцинка»"
    assert record["outlet"] == "BAQ.KZ"
    assert record["published"] == "2026-03-02"


def test_jsonl_fields_are_kept_and_normalised(messy):
    _, by_source = messy
    fao = by_source[f"{MESSY}/feed.jsonl#line=1"]
    assert fao["published"] == "2026-02-27"
    assert fao["outlet"] == "Kazpravda.kz"         # from the URL
    assert fao["title"] == "ФАО: цены на продовольствие достигли рекорда"
    doomsday = by_source[f"{MESSY}/feed.jsonl#line=2"]
    assert doomsday["published"] == "2011-05-21"   # from 21.05.2011
    assert doomsday["outlet"] == "Tengrinews.kz"   # from the lowercase domain


def test_csv_rows_become_documents(messy):
    record = record_from(messy, "export.csv")
    assert record["text"].startswith(first_sentence(original("book_100")))
    assert record["outlet"] == "DKNews.kz"


def test_warc_html_response_is_read_and_image_skipped(messy):
    _, by_source = messy
    record = by_source["https://informburo.kz/novosti/arizona"]
    assert record["text"].startswith("22-летний житель Аризоны")   # declared windows-1251
    assert record["outlet"] == "Informburo.kz"
    assert not any("logo.png" in source for source in by_source)


def test_the_same_text_in_two_encodings_is_one_article_and_a_copy(messy):
    """book_105 arrives as a Windows-1251 file and as a JSONL line."""
    _, by_source = messy
    cp1251 = record_from(messy, "cp1251-article.txt")
    copy = by_source[f"{MESSY}/feed.jsonl#line=2"]
    assert cp1251["duplicate_of"] is None
    assert copy["duplicate_of"] == cp1251["id"]


def test_unknown_extensions_are_sniffed(tmp_path):
    from conftest import FIXTURES

    folder = FIXTURES / "sniff"
    summary = run_into(tmp_path / "sniff.db", folder)
    by_source = {r["source"]: r for r in export_records(tmp_path / "sniff.db")}
    assert by_source[f"{folder}/news.php"]["title"] == "ICBC покупает Bank of East Asia"
    assert "dataLayer" not in by_source[f"{folder}/news.php"]["text"]
    assert by_source[f"{folder}/article"]["text"].startswith(first_sentence(original("book_127")))
    assert by_source[f"{folder}/feed.log#line=1"]["text"].startswith(first_sentence(original("book_105")))
    [problem] = summary.errors
    assert Path(problem.source).name == "photo.jpg"
    assert problem.reason.startswith("unknown file type and binary data")


def test_json_files_are_lines_an_array_or_one_article(tmp_path):
    folder = tmp_path / "json"
    folder.mkdir()
    (folder / "array.json").write_text(json.dumps([
        {"text": "Аким области встретился с горняками разреза и ответил на их вопросы.", "outlet": "Zakon.kz"},
        7,
        {"html": "<p>Депутаты Мажилиса посетили металлургический комбинат и поговорили с рабочими.</p>"},
    ], ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "lines.json").write_text(
        '{"text": "Министр труда рассказал о новых правилах охраны труда на предприятиях."}\n'
        '{"text": "Профсоюз металлургов подписал коллективный договор на три года."}\n', encoding="utf-8")
    (folder / "settings.json").write_text('{\n  "theme": "dark",\n  "size": 3\n}\n', encoding="utf-8")
    (folder / "cut.json").write_text('[{"text": "Начало статьи', encoding="utf-8")
    summary = run_into(tmp_path / "json.db", folder)
    sources = {Path(r["source"]).name for r in export_records(tmp_path / "json.db")}
    assert sources == {"array.json#item=1", "array.json#item=3", "lines.json#line=1", "lines.json#line=2"}
    reasons = {Path(p.source).name: p.reason for p in summary.errors}
    assert set(reasons) == {"array.json#item=2", "settings.json", "cut.json"}     # one reason a file
    assert "object" in reasons["array.json#item=2"]
    assert "no 'text' or 'html'" in reasons["settings.json"]
    assert reasons["cut.json"].startswith("neither JSON Lines nor one JSON document")


def test_a_lone_surrogate_escape_in_a_json_record_costs_no_record(tmp_path):
    folder = tmp_path / "surrogate"
    folder.mkdir()
    (folder / "feed.jsonl").write_text(
        '{"text": "Депутаты посетили завод \\ud800 и ответили на вопросы рабочих.", "title": "Визит \\udc00"}\n'
        '{"text": "Аким встретился с горняками разреза и ответил на их вопросы."}\n', encoding="utf-8")
    (folder / "array.json").write_text('[{"text": "Профсоюз подписал договор \\udfff на три года."}]', encoding="utf-8")
    summary = run_into(tmp_path / "surrogate.db", folder)
    texts = {Path(r["source"]).name: r["text"] for r in export_records(tmp_path / "surrogate.db")}
    assert set(texts) == {"feed.jsonl#line=1", "feed.jsonl#line=2", "array.json#item=1"}
    assert "завод \ufffd и" in texts["feed.jsonl#line=1"]
    notes = {Path(p.source).name: p.reason for p in summary.notes}
    assert set(notes) == {"feed.jsonl#line=1", "array.json#item=1"}     # the article kept, the change said
    assert notes["feed.jsonl#line=1"].startswith("2 ")                   # text and title


def test_stray_bytes_in_a_json_document_are_noted_for_the_article_that_holds_them(tmp_path):
    folder = tmp_path / "stray"
    folder.mkdir()
    first = '{"text": "Аким встретился с горняками разреза и ответил на их вопросы."}'.encode()
    second = '{"text": "Профсоюз подписал договор '.encode() + b"\xff\xfe" + ' на три года."}'.encode()
    (folder / "pretty.json").write_bytes(b"[\n  " + first + b",\n  " + second + b"\n]\n")
    summary = run_into(tmp_path / "stray.db", folder)
    assert len(export_records(tmp_path / "stray.db")) == 2
    notes = {Path(p.source).name: p.reason for p in summary.notes}
    assert set(notes) == {"pretty.json#item=2"} and "replaced by U+FFFD" in notes["pretty.json#item=2"]
