"""Positions the title finder used to miss or invent, on sentences written for these
tests: a title after the verb of saying, a title and an apposition before one name, a
title of an abbreviated body, an honorific (no position), a Kazakh loanword title in the
possessive."""
import pytest

from sholu.nlp import analyse_text
from sholu.nlp.kazakh import analyse_kazakh


def positions(text: str) -> dict[str, list[str]]:
    return {p["name"]: p["positions"] for p in analyse_text(text)["persons"]}


def test_a_title_after_the_verb_and_its_object():
    found = positions("Как сообщила журналистам заместитель председателя ЦИК Асель Нурова, подсчёт голосов завершён.")
    assert found["Асель Нурова"] == ["заместитель председателя ЦИК"]
    found = positions("Об этом рассказал корреспонденту член избирательной комиссии Игорь Семёнов.")
    assert found["Игорь Семёнов"] == ["член избирательной комиссии"]


def test_a_title_with_a_participle_and_an_apposition_before_one_name():
    found = positions("Глава ограниченной миссии наблюдателей ОБСЕ, австрийский дипломат Карл Майер выступил на брифинге.")
    assert found["Карл Майер"] == ["глава ограниченной миссии наблюдателей ОБСЕ", "австрийский дипломат"]


def test_a_title_of_an_abbreviated_body():
    assert positions("Председатель КОП ГМК Серикбол Утебаев выступил на собрании.")["Серикбол Утебаев"] == [
        "председатель КОП ГМК"]


def test_an_honorific_is_no_position():
    found = positions("Госпожа Анна Штольц поддержала проект. По словам господина Карла Майера, нарушений не было.")
    assert found["Анна Штольц"] == [] and found["Карл Майер"] == []


@pytest.mark.parametrize("text, name, position", [
    ("Байыту фабрикасының слесарі Ермек Сұлтанбеков жиналыста сөйледі.", "Ермек Сұлтанбеков",
     "Байыту фабрикасының слесарі"),
    ("Кеніштің кеншісі Арман Қасымов жиналыста сөйледі.", "Арман Қасымов", "Кеніштің кеншісі"),
    ("Жиналысқа Болат Әлиев қатысты.", "Болат Әлиев", None),
])
def test_a_kazakh_trade_title_in_the_possessive(text, name, position):
    assert [(p["name"], p["positions"]) for p in analyse_kazakh(text)["persons"]] == [
        (name, [position] if position else [])]
