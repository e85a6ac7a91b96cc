"""The articles' language as a filter of the one `Selection`: the store's lists and
sums, search and the export, the CLI, the API and the dashboard's pages, on SQLite and
PostgreSQL, over the Kazakh test articles (three in Kazakh, one Russian report of the
President's visit to Aktobe that one of them also reports)."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BACKENDS, FIXTURES, app_client, opened_store, run_target
from sholu.cli import main
from sholu.export.select import filtered_records
from sholu.services.selection import SelectionError, choose
from sholu.store.queries import outlets, people, search, themes
from sholu.store.queries.common import Selection
from sholu.store.search import parse_query

KAZAKH = FIXTURES / "kazakh"
TOKAYEV = "Қасым-Жомарт Тоқаев"        # named in kk_aktobe.txt and (Токаев) in ru_aktobe.txt
KK, RU = Selection(language="kk"), Selection(language="ru")


@pytest.fixture(scope="module", params=BACKENDS)
def target(request, tmp_path_factory):
    return run_target(request.param, tmp_path_factory, "languages", KAZAKH)


@pytest.fixture(scope="module")
def store(target):
    yield from opened_store(target)


@pytest.fixture(scope="module")
def client(target):
    yield from app_client(target)


def articles_of(rows: list[dict], name: str) -> int:
    return next((row["articles"] for row in rows if row["name"] == name), 0)


def file_names(rows) -> set[str]:
    return {Path(row["source"]).name for row in rows}


# -- the store's lists -------------------------------------------------------------------------

def test_the_lists_of_a_language_count_only_its_articles(store):
    assert [row["articles"] for row in outlets.outlets_over(store, KK)] == [3]
    assert [row["articles"] for row in outlets.outlets_over(store, RU)] == [1]
    assert articles_of(people.top_entities(store, "person", 10), TOKAYEV) == 2
    assert articles_of(people.top_entities(store, "person", 10, 0, KK), TOKAYEV) == 1
    assert [row["name"] for row in people.top_entities(store, "person", 10, 0, RU)] == [TOKAYEV]
    assert people.count_entities(store, "person", RU) == 1
    assert outlets.outlets_over(store, Selection(language="uk")) == []


def test_the_sums_of_a_language_are_those_counted_from_its_articles(store):
    for selection in (KK, RU):
        summed = people.entities_over(store, selection, "person", 50)
        counted = people.entities_in(store, selection.scope(), "person", 50)
        assert ({(r["entity_id"], r["articles"], r["mentions"]) for r in summed}
                == {(r["entity_id"], r["articles"], r["mentions"]) for r in counted})
        assert people.all_mentions(store, "person", selection) == sum(r["mentions"] for r in counted)


def test_themes_of_a_language(store):
    everywhere = {row["topic"]: row["articles"] for row in themes.topic_stats(store)}
    in_kazakh = {row["topic"]: row["articles"] for row in themes.topic_stats(store, KK)}
    in_russian = {row["topic"]: row["articles"] for row in themes.topic_stats(store, RU)}
    assert in_kazakh["economy"] >= 1                    # kk_aktobe: шағын және орта бизнес
    for topic, articles in everywhere.items():
        assert in_kazakh.get(topic, 0) + in_russian.get(topic, 0) == articles


def test_search_the_documents_list_and_the_export_filter_by_language(store):
    hits = store.search(parse_query("президент"), {"language": "ru"}, 20, 0)[0]
    assert file_names(hits) == {"ru_aktobe.txt"}
    assert "kk_aktobe.txt" in file_names(store.search(parse_query("президент"), {"language": "kk"}, 20, 0)[0])
    listed, total = search.list_documents(store, {"language": "kk", "with_copies": True}, 20, 0)
    assert total == 3 and {row["language"] for row in listed} == {"kk"}
    exported = list(filtered_records(store, {"language": "kk", "with_copies": True}))
    assert file_names(exported) == {"kk_aktobe.txt", "kk_astana.txt", "kk_temirtau.txt"}


def test_a_language_is_a_code(store):
    assert choose(store, language=" KK ") == KK
    with pytest.raises(SelectionError, match="language"):
        choose(store, language="қазақ")


# -- the front ends ----------------------------------------------------------------------------

def cli(target: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, [*args, "--db", target, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_the_cli_lists_filter_by_language(target):
    assert [row["name"] for row in cli(target, "persons", "--language", "ru")] == [TOKAYEV]
    assert [row["articles"] for row in cli(target, "outlets", "--language", "kk")] == [3]
    assert file_names(cli(target, "documents", "--language", "ru")) == {"ru_aktobe.txt"}
    assert file_names(cli(target, "search", "президент", "--language", "ru")) == {"ru_aktobe.txt"}
    assert {row["speaker"] for row in cli(target, "quotes", "--language", "ru")} == {"Касым-Жомарт Токаев"}
    assert "Нұрлан Әбілқасымов" in {row["speaker"] for row in cli(target, "quotes", "--language", "kk")}
    refused = CliRunner().invoke(main, ["persons", "--db", target, "--language", "k1"])
    assert refused.exit_code != 0 and "language" in refused.output


def test_the_cli_export_keeps_one_language(target, tmp_path):
    out = tmp_path / "kk.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", target, "--language", "kk", "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3 and {record["language"] for record in records} == {"kk"}


def api(client, url: str, **params) -> dict | list:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_api_lists_and_analytics_filter_by_language(client):
    assert api(client, "/api/persons", language="ru")["count"] == 1
    assert api(client, "/api/documents", language="kk")["count"] == 3
    assert api(client, "/api/outlets", language="ru")["items"][0]["articles"] == 1
    assert api(client, "/api/analytics/summary", language="kk")["documents"] == 3
    assert api(client, "/api/analytics/summary")["documents"] == 4
    assert file_names(api(client, "/api/search", q="президент", language="ru")["items"]) == {"ru_aktobe.txt"}
    economy = {row["topic"]: row["articles"] for row in api(client, "/api/topics", language="ru")["items"]}
    assert economy["economy"] <= api(client, "/api/topics")["items"][0]["articles"]
    shares = api(client, "/api/analytics/shares", language="ru")
    assert shares["selection"]["language"] == "ru"
    assert {row["subject"] for row in shares["rows"] if row["articles"]} <= {TOKAYEV, "others"}
    assert client.get("/api/persons", params={"language": "k1"}).status_code == 422


def test_the_dashboard_offers_the_stored_languages_and_its_links_keep_the_chosen_one(client):
    response = client.get("/persons", params={"language": "ru"})
    assert response.status_code == 200
    page = response.text
    assert '<option value="kk" >' in page and '<option value="ru" selected>' in page
    assert 'href="/outlets?language=ru"' in page
    assert TOKAYEV in page and "Ерлан Сапаров" not in page
    assert client.get("/persons", params={"language": "қаз"}).status_code == 400


def test_the_report_counts_one_language(target, tmp_path):
    out = tmp_path / "kk.html"
    result = CliRunner().invoke(main, ["report", "--db", target, "--language", "kk", "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "· kk" in page                                   # the selection as the report states it
    assert "Ерлан Сапаров" in page and "Касым-Жомарт Токаев" not in page
