"""The headline is analysed with the body (issue 13): its names are found, exported as
`title_spans` (offsets into `title`) beside the body's `spans`, and a person named in
both is one person."""
import pytest

from conftest import export_records, run_into

HEADLINE = "Ерлан Сапаров возглавил Фонд поддержки фермеров"
BODY = ("Новым председателем фонда стал бывший аким района. По словам Сапарова, "
        "кредиты для хозяйств Костанайской области станут дешевле уже этой осенью.\n\n"
        "Совет фонда одобрил назначение единогласно, сообщила пресс-служба.")


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    folder = tmp_path_factory.mktemp("headline")
    (folder / "news.txt").write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    run_into(folder / "headline.db", folder / "news.txt", jobs=1)
    [record] = export_records(folder / "headline.db")
    return record


def test_the_headline_is_the_title_and_not_the_text(record):
    assert record["title"] == HEADLINE
    assert not record["text"].startswith("Ерлан")


def test_a_name_in_the_headline_has_title_spans_and_joins_its_body_mentions(record):
    [person] = [p for p in record["persons"] if "Сапаров" in p["name"]]
    assert person["name"] == "Ерлан Сапаров"
    assert [record["title"][s:e] for s, e in person["title_spans"]] == ["Ерлан Сапаров"]
    assert [record["text"][s:e] for s, e in person["spans"]] == ["Сапарова"]
    assert person["mentions"] == 2


def test_body_spans_still_point_into_the_text(record):
    for kind in ("persons", "organizations", "places"):
        for entity in record[kind]:
            for s, e in entity["spans"]:
                assert record["text"][s:e].strip() and not record["text"][s:e].startswith(" ")
            for s, e in entity["title_spans"]:
                assert record["title"][s:e]


def test_an_organisation_only_in_the_headline_is_exported(record):
    heads = {o["name"]: o for o in record["organizations"] if o["title_spans"]}
    assert any(record["title"][s:e].startswith("Фонд") for o in heads.values() for s, e in o["title_spans"])
