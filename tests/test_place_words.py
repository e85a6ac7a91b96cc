"""Words the tagger or the gazetteer take for places that are none (class 12 of
bench/data/unseen-2026-12c/RESULTS.md): an adjective made from a place's name qualifying a
thing named after it, and a town's name after a title the dictionary also lists as a first
name; on sentences written for these tests."""
import pytest

from sholu.nlp import analyse_text


def places(text: str) -> list[str]:
    return sorted(p["name"] for p in analyse_text(text)["places"])


@pytest.mark.parametrize("text", [
    "Работы на Карачаганакском месторождении завершены.",
    "Работы на Кашаганском месторождении возобновлены после ремонта.",
])
def test_an_adjective_before_the_thing_it_names_is_no_place(text):
    assert places(text) == []


@pytest.mark.parametrize("text, place", [
    ("Митинг прошел на Тверской площади.", "Тверская площадь"),
    ("Жители Жамбылского района проголосовали.", "Жамбылский район"),
])
def test_an_adjective_before_a_street_or_a_territory_is_part_of_the_place(text, place):
    assert places(text) == [place]


@pytest.mark.parametrize("text, place", [
    ("Аким Тараза Ерлан Жумабаев провел прием граждан.", "Тараз"),
    ("Аким Костаная встретился с жителями микрорайона.", "Костанай"),
])
def test_a_town_after_the_title_akim_is_the_town(text, place):
    assert places(text) == [place]


def test_a_town_after_a_first_name_is_still_a_surname():
    assert places("Памятник Тарасу Шевченко открыли в сквере.") == []


@pytest.mark.parametrize("text", [
    "Ремонт тротуара по улице Чапаева закончат в июне.",
    "Дорогу по улице Пушкина отремонтируют.",
    "На улице Абая прошёл субботник.",
    "Детский сад на улице Байжанова построят к осени.",
])
def test_a_name_after_a_street_noun_is_an_address_not_a_place(text):
    assert places(text) == []


def test_a_town_after_a_street_stays_a_place():
    assert "Павлодар" in places("Жители улицы Чапаева в Павлодаре пожаловались на свет.")
    assert places("На улицы Лондона вывели полицию, на площади Тяньаньмэнь было тихо.") == ["Лондон", "Тяньаньмэнь"]


def test_a_hashtag_sign_is_no_part_of_a_kazakh_place():
    from sholu.nlp.kazakh import analyse_kazakh
    assert [p["name"] for p in analyse_kazakh("Қала тазалығы туралы #Семей #тазалық")["places"]] == ["Семей"]


def test_the_country_opening_a_kazakh_body_is_no_place():
    from sholu.nlp.kazakh import analyse_kazakh
    text = "Қазақстан Республикасы Су ресурстары және ирригация министрлігінің баспасөз қызметі хабарлады."
    found = analyse_kazakh(text)
    assert found["places"] == [] and \
        [o["name"] for o in found["organizations"]] == ["Министерство водных ресурсов и ирригации"]
