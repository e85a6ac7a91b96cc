"""Who took part in a gathering: a person quoted from a comment or an interview given on
another occasion is not a participant (sentences of our own)."""
from __future__ import annotations

import pytest

from sholu.document import Document
from sholu.events import extract_events
from sholu.nlp import analyse_text
from sholu.quotes import annotate_quotes

MEETING = ("3 апреля в Астане прошло заседание комиссии по тарифам под председательством вице-министра "
           "энергетики Айгерим Сейткали. Вице-министр отметила, что тарифы вырастут с июля. ")


def participants(text: str) -> list[str]:
    doc = Document(source="test", fingerprint="test", text=text, published="2026-04-04", language="ru")
    for key, value in analyse_text(text, doc.published).items():
        setattr(doc, key, value)
    [meeting] = [e for e in extract_events(annotate_quotes(doc)) if e["type"] == "meeting"]
    return meeting["participants"]


@pytest.mark.parametrize("comment", [
    "Председатель союза фермеров Ерлан Бекенов вчера в беседе с нашим корреспондентом сказал, что решение "
    "запоздало на год.",
    "Председатель союза фермеров Ерлан Бекенов в интервью телеканалу заявил, что решение запоздало на год.",
])
def test_a_person_quoted_from_a_comment_given_elsewhere_is_no_participant(comment):
    assert "Ерлан Бекенов" not in participants(MEETING + comment)


def test_a_person_who_spoke_at_the_gathering_is_a_participant():
    text = MEETING + "Председатель союза фермеров Ерлан Бекенов на заседании заявил, что решение запоздало на год."
    assert "Ерлан Бекенов" in participants(text)
