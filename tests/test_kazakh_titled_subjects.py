"""Kazakh speakers behind a long title (sentences of our own): the genitive chain of
bodies before a title's head noun is the person's title, the person after it speaks, and
the content starts after his name; a speaker never shifts to the person of the sentence
before."""
from __future__ import annotations

import pytest

from sholu.lang import pack_for
from sholu.nlp.kazakh import analyse_kazakh
from sholu.quotes import extract_quotes


def kazakh_quotes(text: str) -> list[dict]:
    found = analyse_kazakh(text)
    return extract_quotes(text, found["persons"], pack_for("kk"), found["organizations"])


@pytest.mark.parametrize("text, speaker, content", [
    ("Облыстық құрылыс және тұрғын үй-коммуналдық шаруашылық басқармасының басшысы Дәурен Сапаров "
     "жұмыс аяқталатынын жеткізді.", "Дәурен Сапаров", "жұмыс аяқталатынын"),
    ("Бүгін Үкіметтің отырысында Денсаулық сақтау министрі Ақмарал Әлназарова бұл шешімнің маңызды "
     "екенін айтты.", "Ақмарал Әлназарова", "бұл шешімнің"),
    ("«Қазақтелеком» АҚ бас директоры Бағдат Мусин желі кеңейетінін хабарлады.", "Бағдат Мусин", "желі"),
])
def test_the_person_a_long_title_closes_is_the_speaker(text, speaker, content):
    [quote] = kazakh_quotes(text)
    assert (quote["speaker"], quote["speaker_type"]) == (speaker, "person")
    assert quote["text"].startswith(content)


def test_titled_speakers_do_not_shift_to_the_person_before():
    text = ("Облыс әкімдігінің денсаулық сақтау басқармасының басшысы Асқар Нұрланов ауруханалар жөнделетінін "
            "айтты. Облыстық мәслихаттың әлеуметтік мәселелер жөніндегі тұрақты комиссиясының мүшесі, депутат "
            "Берік Оспанов Жаңақорған ауданында жол салынбағанын еске салды. Облыстық құрылыс және тұрғын "
            "үй-коммуналдық шаруашылық басқармасының басшысы Дәурен Сапаров бұл ауылдарға су жеткізілетінін "
            "жеткізді.")
    found = [(q["speaker"], q["text"].split()[0]) for q in kazakh_quotes(text)]
    assert found == [("Асқар Нұрланов", "ауруханалар"), ("Берік Оспанов", "Жаңақорған"),
                     ("Дәурен Сапаров", "бұл")]


@pytest.mark.parametrize("text", [
    "Айгерім Серікова облыс әкімі Марат Жақыпов жиынға келмегенін айтты.",
    "Ол облыс әкімі Марат Жақыпов жиынға келмегенін айтты.",
])
def test_a_titled_name_in_the_content_of_a_named_subject_stays_content(text):
    [quote] = kazakh_quotes(text)
    assert quote["speaker"] != "Марат Жақыпов" and quote["text"].startswith("облыс әкімі Марат Жақыпов")
