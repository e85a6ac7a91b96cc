"""Russian quote classes unseen-2026-12c showed (sentences of our own): a proposal is not
reported speech; an «Об этом … сообщил X» far from its verb; «назвал X «…»»."""
from __future__ import annotations

import pytest

from sholu.lang import pack_for
from sholu.nlp import analyse_text
from sholu.quotes import extract_quotes


def russian_quotes(text: str) -> list[dict]:
    found = analyse_text(text)
    return extract_quotes(text, found["persons"], pack_for("ru"), found["organizations"])


@pytest.mark.parametrize("text", [
    "Депутат маслихата Игорь Серов предложил снизить тарифы на воду для пенсионеров и многодетных семей.",
    "Профсоюз работников образования предлагает поднять зарплату учителям до 400 тысяч тенге.",
])
def test_a_proposal_to_do_something_is_no_quote(text):
    assert russian_quotes(text) == []


def test_a_call_to_do_something_is_still_a_quote():
    text = "Аким области Ержан Сапаров призвал жителей прийти на избирательные участки пораньше утром."
    [quote] = russian_quotes(text)
    assert quote["speaker"] == "Ержан Сапаров"


def test_words_proposed_in_quotation_marks_are_a_direct_quote():
    text = "«Давайте вернёмся к этому вопросу через месяц», — предложил директор завода Олег Морозов."
    [quote] = russian_quotes(text)
    assert (quote["speaker"], quote["kind"]) == ("Олег Морозов", "direct")


@pytest.mark.parametrize("text, speaker, content", [
    ("Проезд в городских автобусах Костаная подорожает до 150 тенге. Об этом в понедельник на заседании "
     "городского маслихата сообщил заместитель акима города Тимур Ахметов.", "Тимур Ахметов", "Проезд в городских"),
    ("Школы области перейдут на пятидневку с сентября. Об этом журналистам сегодня утром в Актобе рассказала "
     "руководитель управления образования Алия Нурланова.", "Алия Нурланова", "Школы области"),
])
def test_about_this_with_when_and_where_before_its_verb_gives_the_sentence_before(text, speaker, content):
    [quote] = russian_quotes(text)
    assert quote["speaker"] == speaker and quote["text"].startswith(content)


@pytest.mark.parametrize("about", [
    "Об этом давно мечтали многие родители из пригородных сёл.",
    "Об этом решении говорят разное, особенно родители из пригородных сёл.",
])
def test_about_this_with_no_verb_of_saying_or_before_a_noun_is_no_quote(about):
    text = "Проезд в городских автобусах Костаная станет бесплатным для школьников. " + about
    assert russian_quotes(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("Глава ассоциации фермеров Руслан Жаксыбеков назвал новые правила субсидирования «настоящим ударом по "
     "малым хозяйствам региона».", "Руслан Жаксыбеков", "новые правила субсидирования «настоящим ударом"),
    ("Эксперт Айгерим Сатпаева назвала законопроект «запоздалой, но необходимой мерой» в интервью нашему изданию.",
     "Айгерим Сатпаева", "законопроект «запоздалой, но необходимой мерой»"),
])
def test_a_thing_named_in_quoted_words_is_a_direct_quote_with_the_thing(text, speaker, content):
    [quote] = russian_quotes(text)
    assert (quote["speaker"], quote["kind"]) == (speaker, "direct") and content in quote["text"]


def test_a_title_given_by_a_naming_verb_is_no_quote():
    text = "Писатель Марат Сулеев назвал свою новую книгу «Дорога через степь и горы» и посвятил её отцу."
    assert russian_quotes(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("Как рассказал председатель профсоюза Арман Жумабаев, собрание прошло бурно. По его словам, на собрании "
     "выступили пятеро рабочих, трое из которых заявили, что зарплату задерживают третий месяц.",
     "Арман Жумабаев", "на собрании выступили пятеро"),
    ("Прокурор района Ольга Ким выступила на брифинге. По её мнению, проверка выявила десять нарушений, о "
     "которых жители сообщили, что их долго не устраняли.", "Ольга Ким", "проверка выявила"),
])
def test_a_sentence_opening_on_according_to_is_that_speakers_report_throughout(text, speaker, content):
    quote = russian_quotes(text)[-1]
    assert quote["speaker"] == speaker and quote["text"].startswith(content)


def test_according_to_inside_a_sentence_leaves_a_that_clause_to_its_own_speaker():
    text = ("Прокурор района Ольга Ким выступила на брифинге. Проверка выявила десять нарушений, и, по её "
            "словам, жители сообщили, что их долго не устраняли.")
    assert russian_quotes(text)[-1]["speaker"] == "жители"


@pytest.mark.parametrize("text, speaker", [
    ("На встречу пришёл аким района Ержан Сапаров. Первым выступил пенсионер Олег Ковалёв. Он пожаловался на "
     "разбитые дороги во дворах. Аким кивнул. По его словам, ремонт дворов начнётся в мае.", "Ержан Сапаров"),
    ("В собрании участвовал министр энергетики Алмас Нуржанов. Слово взял инженер Пётр Смирнов. Он рассказал о "
     "частых авариях на подстанции. Министр не спорил. Он заявил, что подстанцию модернизируют к зиме.",
     "Алмас Нуржанов"),
])
def test_a_pronoun_after_a_sentence_led_by_a_role_noun_is_that_role_holder(text, speaker):
    assert russian_quotes(text)[-1]["speaker"] == speaker


@pytest.mark.parametrize("between", ["", "Пенсионер вздохнул. "])
def test_a_pronoun_with_no_role_holder_before_it_is_the_last_person(between):
    text = ("В собрании участвовал министр энергетики Алмас Нуржанов. Слово взял инженер Пётр Смирнов. Он "
            "рассказал о частых авариях. " + between + "Он заявил, что подстанцию надо модернизировать к зиме.")
    assert russian_quotes(text)[-1]["speaker"] == "Пётр Смирнов"
