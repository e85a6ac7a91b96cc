"""One metric, one answer: articles per person, per outlet and per region as the CLI
(--json), the REST API, the dashboard and the HTML report give them agree pairwise,
on SQLite and PostgreSQL, over the sample corpus plus a reprint (so copies exist) and
an article naming two towns of one region (which counts once for it)."""
import json
import re
from html.parser import HTMLParser
from itertools import combinations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import BACKENDS, REPRINT, SAMPLES, new_target, run_into
from sholu import analytics
from sholu.cli import main
from sholu.pipeline import run_records
from sholu.server import create_app
from sholu.store import open_store

BALAEVA = "Аида Балаева"
TWO_TOWNS = ("Жители Усть-Каменогорска и Риддера обсудили проект новой Конституции на встречах "
             "с трудовыми коллективами. В Риддере на встречу пришли горняки.")      # one region, two towns


@pytest.fixture(scope="module", params=BACKENDS)
def target(request, tmp_path_factory):
    path = new_target(request.param, tmp_path_factory.mktemp("consistency"), "consistency")
    run_into(path, SAMPLES, REPRINT)
    store = open_store(str(path))
    try:
        run_records([{"text": TWO_TOWNS, "outlet": "Ertis.kz", "published": "2026-03-03"}], store)
    finally:
        store.close()
    return str(path)


@pytest.fixture(scope="module")
def client(target):
    with TestClient(create_app(target)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def report(target, tmp_path_factory) -> dict[str, list[list[str]]]:
    store = open_store(target)
    try:
        html = analytics.render_report(store)
    finally:
        store.close()
    return first_tables(html)


# -- reading each front end --------------------------------------------------------------

def cli_rows(target: str, *command: str) -> list[dict]:
    result = CliRunner().invoke(main, [*command, "--db", target, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def get(client, url: str, **params):
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def dashboard(client, url: str) -> dict:
    return get(client, url, format="json")["lists"]


class Tables(HTMLParser):
    """The cell texts of the first table of each <section id=...> of the report."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.section = self.row = self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.section = dict(attrs)["id"]
        elif tag == "tr" and self.section:
            self.row = []
        elif tag == "td" and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "td" and self.row is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row:
            self.tables.setdefault(self.section, []).append(self.row)
            self.row = None
        elif tag == "table":
            self.section = None         # later tables of a section are not read

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def first_tables(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def by(rows: list[dict], key: str, value) -> dict:
    return {row[key]: value(row) for row in rows}


def agree(answers: dict[str, dict]) -> None:
    """Every pair of answers gives the same figure for every key both know."""
    for (a, first), (b, second) in combinations(answers.items(), 2):
        shared = first.keys() & second.keys()
        assert shared, (a, b)
        assert {k: first[k] for k in shared} == {k: second[k] for k in shared}, (a, b)


# -- the metrics ------------------------------------------------------------------------

def test_person_article_counts_agree(target, client, report):
    balaeva = next(p["entity_id"] for p in get(client, "/api/persons", limit=200)["items"] if p["name"] == BALAEVA)
    person_page = client.get(f"/persons/{balaeva}").text
    answers = {
        "cli persons": by(cli_rows(target, "persons", "--top", "1000"), "name", lambda r: r["articles"]),
        "cli person": {BALAEVA: len([a for a in json.loads(CliRunner().invoke(
            main, ["person", BALAEVA, "--db", target, "--json"]).output)["articles"] if not a["duplicate_of"]])},
        "api persons": by(get(client, "/api/persons", limit=200)["items"], "name", lambda r: r["articles"]),
        "api share of voice": by(get(client, "/api/analytics/share-of-voice", limit=200), "name",
                                 lambda r: r["articles"]),
        "dashboard overview": by(dashboard(client, "/")["people"], "name", lambda r: r["articles"]),
        "dashboard persons": by(dashboard(client, "/persons")["persons"], "name", lambda r: r["articles"]),
        "dashboard person page": {BALAEVA: int(re.search(r'class="meta">[^:]+: (\d+)', person_page).group(1))},
        "report": {row[0]: int(row[1]) for row in report["people"]},
    }
    agree(answers)
    assert answers["report"][BALAEVA] == 3        # the Zakon.kz copy is not counted again


def test_outlet_counts_agree(target, client, report):
    def figures(row, outlet="outlet", first="first_date", last="last_date"):
        return (row["originals"], row["copies"], row[first], row[last])

    answers = {
        "cli outlets": by(cli_rows(target, "outlets"), "outlet", figures),
        "api outlets": by(get(client, "/api/outlets", limit=200)["items"], "outlet",
                          lambda r: figures(r, first="first_published", last="last_published")),
        "api analytics outlets": by(get(client, "/api/analytics/outlets"), "outlet", figures),
        "dashboard outlets": by(dashboard(client, "/outlets")["outlets"], "outlet", figures),
        "report": {None if row[0] == "издание не указано" else row[0]:
                   (int(row[2]), int(row[3]), *(None if d == "—" else d for d in row[9:11]))
                   for row in report["outlets"]},
    }
    agree(answers)
    assert len({len(answer) for answer in answers.values()}) == 1          # every outlet in each
    assert answers["report"]["Zakon.kz"] == (0, 1, None, None)
    reprinted = by(get(client, "/api/analytics/outlets"), "outlet", lambda r: r["originals_reprinted_elsewhere"])
    assert reprinted["Kazpravda.kz"] == 1
    assert by(cli_rows(target, "outlets"), "outlet", lambda r: r["originals_reprinted_elsewhere"]) == reprinted


def test_region_counts_agree(target, client, report):
    answers = {
        "cli regions": by(cli_rows(target, "regions"), "region", lambda r: r["articles"]),
        "api regions": by(get(client, "/api/analytics/regions"), "region", lambda r: r["articles"]),
        "dashboard map": by(dashboard(client, "/")["regions"], "region", lambda r: r["articles"]),
        "report": {row[0]: int(row[2]) for row in report["regions"]},
    }
    agree(answers)
    assert len({len(answer) for answer in answers.values()}) == 1
    assert answers["dashboard map"]["Восточно-Казахстанская область"] == 2      # 003 and the two towns
    east = next(r for r in cli_rows(target, "regions") if r["region"] == "Восточно-Казахстанская область")
    assert east["places"] == ["Риддер", "Усть-Каменогорск"]


def test_share_of_coverage_agrees(target, client, report):
    """The ODIHR table's mentions over all outlets (copies included) per person."""
    def subjects(rows):
        return {r["subject"]: r["mentions"] for r in rows if r["outlet"] == "all" and r["line"] == "subject"}

    answers = {
        "api": subjects(get(client, "/api/analytics/shares")["rows"]),
        "dashboard": subjects(dashboard(client, "/shares")["shares"]),
        "report": {row[0]: int(re.search(r"\((\d+)\)$", row[-1]).group(1)) for row in report["shares-people"]
                   if row[0] != "остальные субъекты" and not row[0].endswith("(сторона)")},
    }
    agree(answers)
    assert answers["api"][BALAEVA] > answers["api"].get("Серик Акылбай", 0)
