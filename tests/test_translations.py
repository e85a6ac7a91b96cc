"""An outlet's Kazakh article and its Russian version linked as translations (the
translations stage), on SQLite and PostgreSQL: in the export, the API's document record
and the article page. tests/fixtures/translations/feed.jsonl, written for these tests:
Kazinform's report of a plant opening in Kazakh (5 March) and in Russian (6 March), a
Kazakh Kazinform report of another story on 6 March naming the same Prime Minister and
region, and Zakon.kz's own Russian report of the opening."""
import csv
from datetime import date

import pytest
from click.testing import CliRunner

from conftest import BACKENDS, FIXTURES, app_client, export_records, run_into, run_target
from sholu.cli import main
from sholu.dedup.translations import Version, numbers_in, support
from sholu.store import open_store

FEED = FIXTURES / "translations" / "feed.jsonl"
KAZAKH, RUSSIAN = "kz/bektenov-temirtau", "ru/bektenov-temirtau"
SCHOOLS, ZAKON = "kz/karaganda-schools", "temirtau-zavod"


def by_url(records: list[dict]) -> dict[str, dict]:
    return {record["url"].split(".example/")[1]: record for record in records}


@pytest.fixture(scope="module", params=BACKENDS)
def target(request, tmp_path_factory):
    return run_target(request.param, tmp_path_factory, "translations", FEED)


@pytest.fixture(scope="module")
def records(target) -> dict[str, dict]:
    return by_url(export_records(target))


def test_the_kazakh_article_and_its_russian_version_are_linked(records):
    kazakh, russian = records[KAZAKH], records[RUSSIAN]
    assert (kazakh["language"], russian["language"]) == ("kk", "ru")
    assert kazakh["translations"] == [{"id": russian["id"], "language": "ru"}]
    assert russian["translations"] == [{"id": kazakh["id"], "language": "kk"}]


def test_another_story_of_the_day_and_another_outlets_report_are_not(records):
    assert records[SCHOOLS]["translations"] == []       # same outlet, a day from the Russian one
    assert records[ZAKON]["translations"] == []         # the same story, another outlet


def test_a_version_stored_in_an_earlier_run_is_found(tmp_path):
    lines = FEED.read_text(encoding="utf-8").splitlines()
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text("\n".join(line for line in lines if RUSSIAN not in line) + "\n", encoding="utf-8")
    later.write_text(next(line for line in lines if RUSSIAN in line) + "\n", encoding="utf-8")
    run_into(tmp_path / "runs.db", first)
    assert all(record["translations"] == [] for record in export_records(tmp_path / "runs.db"))
    run_into(tmp_path / "runs.db", later)
    found = by_url(export_records(tmp_path / "runs.db"))
    assert [version["id"] for version in found[KAZAKH]["translations"]] == [found[RUSSIAN]["id"]]
    assert [version["id"] for version in found[RUSSIAN]["translations"]] == [found[KAZAKH]["id"]]


def test_links_lost_or_never_made_are_made_again_by_the_backfill(target, records):
    """`sholu translations` on a store whose articles were stored before the stage (their
    links dropped here): the same pairs again; a second call adds none."""
    store = open_store(target)
    try:
        links = sorted(store.translation_links())
        with store.transaction():
            for record in records.values():
                store.drop_translations(record["id"])
        assert store.translation_links() == []
    finally:
        store.close()
    runner = CliRunner()
    first = runner.invoke(main, ["translations", "--db", target])
    assert first.exit_code == 0, first.output
    assert first.output.strip() == f"{len(links) // 2} pairs of translations linked"
    assert runner.invoke(main, ["translations", "--db", target]).output.strip() == "0 pairs of translations linked"
    assert by_url(export_records(target)) == records


def test_the_api_record_and_the_article_page_show_the_link(target, records):
    kazakh, russian = records[KAZAKH]["id"], records[RUSSIAN]["id"]
    for client in app_client(target):
        record = client.get(f"/api/documents/{kazakh}").json()
        assert record["translations"] == [{"id": russian, "language": "ru"}]
        page = client.get(f"/documents/{kazakh}").text
        assert f'href="/documents/{russian}">Русская версия</a>' in page
        assert "Қазақша нұсқасы</a>" in client.get(f"/documents/{russian}").text


def test_the_csv_export_lists_the_versions(target, records, tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", target, "--format", "csv", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "documents.csv", encoding="utf-8-sig") as handle:
        rows = {row["id"]: row["translations"] for row in csv.DictReader(handle)}
    assert rows[records[KAZAKH]["id"]] == records[RUSSIAN]["id"]


# -- the rule on versions of its own --------------------------------------------------------------

def version(language: str, names: str, numbers: str = "", outlet: str = "Kazinform", day: int = 5,
            length: int = 900) -> Version:
    return Version(f"{language}-{names}-{numbers}", language, outlet, date(2026, 3, day),
                   frozenset(names.split()), frozenset(numbers.split()), length)


@pytest.mark.parametrize("other, linked", [
    (version("ru", "per:a loc:b org:c", "45 1200"), True),
    (version("ru", "per:a loc:b", "45 1200", day=6), True),               # published the next day
    (version("ru", "per:a loc:b org:c", "45 1200", day=7), False),        # two days later
    (version("ru", "per:a loc:b org:c", "45 1200", outlet="Zakon.kz"), False),
    (version("kk", "per:a loc:b org:c", "45 1200"), False),               # the same language
    (version("ru", "per:a loc:b org:c", "3 2400"), False),                # other numbers: another story
    (version("ru", "per:a per:x per:y per:z", "45 1200"), False),         # mostly other people
    (version("ru", "per:a loc:b org:c", "45 1200", length=3000), False),  # three times as long
])
def test_versions_share_outlet_days_names_and_numbers(other, linked):
    kazakh = version("kk", "per:a loc:b org:c", "45 1200")
    assert (support(kazakh, other) is not None) == linked


def test_without_numbers_the_names_alone_decide():
    kazakh = version("kk", "per:a loc:b org:c")
    assert support(kazakh, version("ru", "per:a loc:b org:c")) is not None
    assert support(kazakh, version("ru", "per:a loc:q")) is None


def test_numbers_are_read_whole_and_years_left_out():
    assert numbers_in("2026 жылы 1 200 жұмыс орны, 45,5 миллиард теңге, 17 жоба") == {"1200", "45.5", "17"}


def test_russian_articles_alone_have_no_versions(sample_records):
    assert all(record["translations"] == [] for record in sample_records.values())
