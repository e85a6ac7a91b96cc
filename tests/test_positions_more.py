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


def kazakh_positions(text: str) -> dict[str, list[str]]:
    return {p["name"]: p["positions"] for p in analyse_kazakh(text)["persons"]}


@pytest.mark.parametrize("text, name, position", [
    # a long body with a verbal noun's object in it, the tagger's title cut inside it
    ("Жамбыл облысы әкімдігінің жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасының басшысы "
     "Асан Серікбаев жиынға келді.", "Асан Серікбаев",
     "Жамбыл облысы әкімдігінің жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасының басшысы"),
    # a hyphenated attribute and an adjective in -ты the stemmer reads as an accusative
    ("Облыстық құрылыс және тұрғын үй-коммуналдық шаруашылық басқармасының басшысы Дәурен Сапаров жиынға келді.",
     "Дәурен Сапаров", "Облыстық құрылыс және тұрғын үй-коммуналдық шаруашылық басқармасының басшысы"),
    ("Қалалық мәслихаттың бюджет жөніндегі тұрақты комиссиясының төрағасы Ерлан Сейітов жиынға келді.",
     "Ерлан Сейітов", "Қалалық мәслихаттың бюджет жөніндегі тұрақты комиссиясының төрағасы"),
    # a conjunction opening the sentence is no part of the title
    ("Алайда аудан әкімінің орынбасары Ерлан Сейітов жиынға келмеді.", "Ерлан Сейітов", "аудан әкімінің орынбасары"),
    # nor is a circumstance in the locative; «және» inside the title is
    ("Жиналыста ауыл шаруашылығы және ветеринария бөлімінің басшысы Ерлан Сейітов сөйледі.", "Ерлан Сейітов",
     "ауыл шаруашылығы және ветеринария бөлімінің басшысы"),
    # the verb's object opening the sentence is no part of the title
    ("Сессияны қалалық мәслихат хатшысы Ерлан Сейітов ашты.", "Ерлан Сейітов", "қалалық мәслихат хатшысы"),
    # residents and farmers, as Russian's «житель», «фермер»
    ("Талғар ауданының тұрғыны Сәуле Жақыпова шағым жазды.", "Сәуле Жақыпова", "Талғар ауданының тұрғыны"),
])
def test_a_kazakh_title_runs_to_its_first_word(text, name, position):
    assert kazakh_positions(text)[name] == [position]


def test_two_apposed_kazakh_titles_are_two_positions():
    text = "Жамбыл облыстық мәслихатының депутаты, Талғар ауданындағы шаруа қожалығының басшысы Серік Әбенов келді."
    assert kazakh_positions(text)["Серік Әбенов"] == ["Жамбыл облыстық мәслихатының депутаты",
                                                     "Талғар ауданындағы шаруа қожалығының басшысы"]


@pytest.mark.parametrize("text", [
    "Айгерім Серікова облыс әкімі Марат Жақыпов жиынға келмегенін айтты.",
    "Ол облыс әкімі Марат Жақыпов жиынға келмегенін айтты.",
    "Министрлік жаңа ереже бойынша облыс әкімі Марат Жақыпов келмегенін хабарлады.",
])
def test_a_kazakh_title_takes_in_no_person_pronoun_or_circumstance(text):
    assert kazakh_positions(text)["Марат Жақыпов"] == ["облыс әкімі"]


def test_a_title_runs_through_the_commas_of_a_body_it_names():
    found = positions("Ведущий специалист отдела образования, физической культуры и спорта Жамбылского района "
                      "Аскар Мендыбаев выступил на сессии.")
    assert found["Аскар Мендыбаев"] == [
        "ведущий специалист отдела образования, физической культуры и спорта Жамбылского района"]


def test_a_title_in_a_caption_line_ends_with_its_line():
    text = ("«Мы обязаны сдать каждую улицу в срок»\n\nЕрлан Мусин, заместитель акима города Тараза\n\n"
            "Жители просят в первую очередь отремонтировать дороги у школ.")
    assert positions(text)["Ерлан Мусин"] == ["заместитель акима города Тараза"]
