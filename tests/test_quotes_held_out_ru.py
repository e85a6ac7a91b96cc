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

