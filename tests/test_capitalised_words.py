"""Capitalised words that are no organisation (class 3 of bench/data/unseen-2026-12c/RESULTS.md):
a transcript's speaker labels and headers set in capitals, abbreviations of a sector of the
economy, a building's name that any town has; on sentences written for these tests."""
import pytest

from sholu.nlp import analyse_text


def found(text: str) -> dict[str, list[str]]:
    result = analyse_text(text)
    return {kind: sorted(e["name"] for e in result[kind]) for kind in ("persons", "organizations")}


@pytest.mark.parametrize("text", [
    "КОРРЕСПОНДЕНТ: Как прошла встреча? ТОКАЕВА: Хорошо, спасибо. Председатель Айгуль Токаева подвела итоги.",
    "ВИДЕО-ОБРАЩЕНИЕ\nАкимат Костаная сообщил о ремонте дорог.",
    "СООБЩЕНИЕ ДЛЯ ПРЕССЫ\nМинистерство финансов сообщило о новых правилах.",
])
def test_a_word_set_in_capitals_is_no_organisation(text):
    assert not {"КОРРЕСПОНДЕНТ", "ВИДЕО-ОБРАЩЕНИЕ", "ПРЕССА", "Пресса"} & set(found(text)["organizations"])


def test_a_surname_in_capitals_labelling_a_turn_is_the_person():
    text = "ВЕДУЩИЙ: Добрый вечер, в студии Айдар Омаров.\nОМАРОВ: Спасибо. Цены растут."
    assert found(text) == {"persons": ["Айдар Омаров"], "organizations": []}


@pytest.mark.parametrize("text", [
    "Счета за газ выросли: в отделе ЖКХ объяснили почему. Теги: газ, ЖКХ, Актобе",
    "Субсидии для АПК увеличат в следующем году.",
])
def test_a_sector_of_the_economy_is_no_organisation(text):
    assert found(text)["organizations"] == []


def test_a_building_any_town_has_is_no_organisation():
    text = "Собрание прошло в сельском Доме культуры. Затем участники посетили городской Дворец спорта."
    assert found(text)["organizations"] == []


@pytest.mark.parametrize("text, body", [
    ("Заявление ОБСЕ опубликовано на сайте.", "Организация по безопасности и сотрудничеству в Европе"),
    ("Решение ФИФА вызвало споры.", "ФИФА"),
    ("Сотрудники МВД задержали подозреваемого.", "Министерство внутренних дел"),
])
def test_acronyms_are_still_organisations(text, body):
    assert body in found(text)["organizations"]


def test_an_order_in_the_imperative_is_no_person():
    from sholu.nlp import analyse_text
    text = "Рабочий вспоминает: «Мастер вышел и крикнул: „Расходитесь, смена закончена“»."
    assert analyse_text(text)["persons"] == []
