"""Users' corrections of who is who (issue 13): an aliases file applied to a stored
corpus by `sholu aliases` (no reanalysis) and by the next run through $SHOLU_ALIASES."""
import json

import pytest
from click.testing import CliRunner

from conftest import export_records, run_into
from sholu.cli import main

ARTICLES = {
    "a.txt": "Спикер Ерлан Кошанов открыл сессию Мажилиса.\n\n"
             "«Мы рассмотрим все поправки до лета», — сказал Ерлан Кошанов депутатам.",
    "b.txt": "Ерлан Кушанов встретился с аграриями Павлодара.\n\n"
             "«Субсидии получат все хозяйства области», — заявил Ерлан Кушанов фермерам.",
    "c.txt": "Депутаты обсудили бюджет. По словам Кошанова, расходы на школы вырастут на треть.",
}


def sholu(*args, env=None):
    result = CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def corpus(folder):
    folder.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def people(db) -> dict[str, list[dict]]:
    return {r["source"].rsplit("/", 1)[-1]: r["persons"] for r in export_records(db)}


def test_a_merge_applied_to_the_stored_corpus_moves_mentions_and_quotes(tmp_path):
    db = tmp_path / "c.db"
    run_into(db, corpus(tmp_path / "texts"), jobs=1)
    (tmp_path / "aliases.csv").write_text("# a misspelling\nmerge,Ерлан Кушанов,Ерлан Кошанов\n", encoding="utf-8")
    assert "1 documents corrected" in sholu("aliases", tmp_path / "aliases.csv", "--db", db)
    found = people(db)
    assert [p["name"] for p in found["b.txt"]] == ["Ерлан Кошанов"]
    assert found["b.txt"][0]["entity_id"] == next(p["entity_id"] for p in found["a.txt"])
    quotes = [json.loads(line) for line in sholu("quotes", "--db", db, "--speaker", "Ерлан Кошанов", "--json").splitlines()]
    assert any("Субсидии" in q["text"] for q in quotes)
    profile = json.loads(sholu("person", "Кошанову", "--db", db, "--json"))
    assert profile["name"] == "Ерлан Кошанов"


def test_block_and_apart_apply_on_the_next_run(tmp_path, monkeypatch):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("block,Ерлан Кушанов\napart,Кошанов,Ерлан Кошанов\n", encoding="utf-8")
    monkeypatch.setenv("SHOLU_ALIASES", str(aliases))
    run_into(tmp_path / "c.db", corpus(tmp_path / "texts"), jobs=1)
    found = people(tmp_path / "c.db")
    assert found["b.txt"] == []
    assert [p["name"] for p in found["c.txt"]] == ["Кошанов"]


def test_without_the_file_the_surname_joins_the_full_name(tmp_path, monkeypatch):
    monkeypatch.delenv("SHOLU_ALIASES", raising=False)
    run_into(tmp_path / "c.db", corpus(tmp_path / "texts"), jobs=1)
    assert [p["name"] for p in people(tmp_path / "c.db")["c.txt"]] == ["Ерлан Кошанов"]


def test_a_bad_line_is_refused_with_its_number(tmp_path):
    (tmp_path / "aliases.csv").write_text("merge,Ерлан Кушанов,Ерлан Кошанов\nrename,Кошанов\n", encoding="utf-8")
    db = tmp_path / "c.db"
    run_into(db, corpus(tmp_path / "texts"), jobs=1)
    result = CliRunner().invoke(main, ["aliases", str(tmp_path / "aliases.csv"), "--db", str(db)])
    assert result.exit_code != 0 and "line 2" in result.output


def test_a_bad_aliases_file_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    (tmp_path / "aliases.csv").write_text("rename,Кошанов\n", encoding="utf-8")
    monkeypatch.setenv("SHOLU_ALIASES", str(tmp_path / "aliases.csv"))
    with pytest.warns(UserWarning, match="line 1"):
        run_into(tmp_path / "c.db", corpus(tmp_path / "texts"), jobs=1)
    assert [p["name"] for p in people(tmp_path / "c.db")["c.txt"]] == ["Ерлан Кошанов"]
