"""One person per person across a corpus (issue 13): articles of our own about one
official, named in full, by surname in several cases, by initials and in the headline,
with a relative of the same surname in one of them. Each form joins the one full name;
the relative stays apart; every lookup form finds all his articles and quotes."""
import json

import pytest
from click.testing import CliRunner

from conftest import export_records, run_into
from sholu.cli import main

ARTICLES = {
    "a1.txt": "Аким области Нурлан Жаксыбеков открыл новую школу в Кокшетау.\n\n"
              "«Мы построим ещё три школы до конца года», — сказал Жаксыбеков журналистам.",
    "a2.txt": "Аким Жаксыбеков пообещал отремонтировать дороги в Щучинске\n\n"
              "Жители пожаловались акиму Жаксыбекову на разбитые улицы. "
              "«Ремонт начнётся весной», — заявил Жаксыбеков.",
    "a3.txt": "Н. Жаксыбеков провёл совещание с фермерами в Степногорске.\n\n"
              "По словам Жаксыбекова, субсидии на посевную выплатят до апреля.",
    "a4.txt": "Сестра акима Айгуль Жаксыбекова открыла выставку картин в областном музее.\n\n"
              "Выставку Жаксыбековой посетили школьники. Её брат Нурлан Жаксыбеков на открытие не приехал.",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("one-person")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    run_into(folder / "corpus.db", folder, jobs=1)
    return folder / "corpus.db"


def sholu(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def ids_by_article(db, surname: str) -> dict[str, set[str]]:
    return {r["source"].rsplit("/", 1)[-1]: {p["entity_id"] for p in r["persons"] if surname in p["name"]}
            for r in export_records(db)}


def test_every_form_of_the_official_is_one_entity(db):
    records = {r["source"].rsplit("/", 1)[-1]: r for r in export_records(db)}
    official = {p["entity_id"] for r in records.values() for p in r["persons"] if p["name"] == "Нурлан Жаксыбеков"}
    assert len(official) == 1
    for name in ("a1.txt", "a2.txt", "a3.txt", "a4.txt"):
        assert official <= {p["entity_id"] for p in records[name]["persons"]}, name
        assert not [p for p in records[name]["persons"] if p["name"] in ("Жаксыбеков", "Н Жаксыбеков")], name


def test_the_relative_of_the_same_surname_stays_apart(db):
    [a4] = [r for r in export_records(db) if r["source"].endswith("a4.txt")]
    names = {p["name"]: p for p in a4["persons"]}
    assert {"Айгуль Жаксыбекова", "Нурлан Жаксыбеков"} <= set(names)
    assert names["Айгуль Жаксыбекова"]["mentions"] == 2
    assert names["Айгуль Жаксыбекова"]["entity_id"] != names["Нурлан Жаксыбеков"]["entity_id"]


@pytest.mark.parametrize("form", ["Нурлан Жаксыбеков", "Нурлана Жаксыбекова", "Н. Жаксыбеков",
                                  "Н Жаксыбекову", "Жаксыбековым"])
def test_every_lookup_form_opens_his_page_with_all_his_articles(db, form):
    profile = json.loads(sholu("person", form, "--db", db, "--json"))
    assert profile["name"] == "Нурлан Жаксыбеков"
    exported = [json.loads(line) for line in sholu("export", "--db", db, "--format", "jsonl",
                                                   "--person", form).splitlines()]
    assert {r["source"].rsplit("/", 1)[-1] for r in exported} == set(ARTICLES)


@pytest.mark.parametrize("form", ["Жаксыбеков", "Жаксыбекова", "Н. Жаксыбеков"])
def test_his_quotes_are_found_by_any_form(db, form):
    quotes = [json.loads(line) for line in sholu("quotes", "--db", db, "--speaker", form, "--json").splitlines()]
    assert {"Мы построим ещё три школы до конца года"} <= {q["text"].strip("«»") for q in quotes}


def test_search_finds_a_surname_in_all_its_case_forms(db):
    found = {}
    for form in ("Жаксыбеков", "Жаксыбекова", "Жаксыбекову", "Жаксыбековым"):
        hits = [json.loads(line) for line in sholu("search", form, "--db", db, "--json").splitlines()]
        found[form] = {h["source"].rsplit("/", 1)[-1] for h in hits}
    assert len({frozenset(v) for v in found.values()}) == 1
    assert found["Жаксыбеков"] == set(ARTICLES)


PUTINS = [("per:1", "Владимир Путин"), ("per:2", "Путіна"), ("per:3", "Людмила Путина"),
          ("per:4", "Вадим Путинцев")]


@pytest.mark.parametrize("query, expected", [
    ("Путина", ["per:1", "per:3"]),          # his genitive or her nominative
    ("Путин", ["per:1"]),
    ("Путиным", ["per:1"]),
    ("В. Путин", ["per:1"]),
    ("Владимира Путина", ["per:1"]),
    ("Людмилу Путину", ["per:3"]),
])
def test_a_case_form_finds_the_full_name_not_a_foreign_spelling(query, expected):
    from sholu.services.people import match_person

    assert [entity for entity, _ in match_person(PUTINS, query)] == expected
