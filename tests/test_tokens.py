"""sholu.lang.tokens gives razdel's tokens exactly: on sentences whose joins depend on
the atom across a space (a dash, a point or a slash at a word's edge), and on many
random strings of letters, digits, marks and spaces."""
import random

import pytest
from razdel import tokenize as razdel_tokenize

from sholu.lang.tokens import tokenize


def spans(tokens) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in tokens]


@pytest.mark.parametrize("text", [
    "Аким Алматы (Ерлан Сапаров) встретился с жителями 5, 6 и 7 мая.",
    "Курс вырос на 1,5% — до 450,3 тенге/доллар, сообщил кто-то из НБК.",
    "Слово -то и слово- то; 3 /4 и 3/ 4; 1 .5 и 1. 5; a _b и a_ b.",
    "«Нур Отан»?! Нет... Да!!! :-) (см. стр. 12-14) ΔP = 2σ №5 ©2026",
    "Yahoo! и yahoo !, Казахстан-2050 и 2050-й, т.е. и т. д.",
    "", "   ", "\n\nОдно\tслово\n",
])
def test_sentences_of_my_own_are_tokenised_as_razdel_does(text):
    assert spans(tokenize(text)) == spans(razdel_tokenize(text))


def test_random_strings_are_tokenised_as_razdel_does():
    letters = list("абвЁёqxZ0129.,-–—/\\_!?…«»\"'()[]:;=*%№©Δ") + [" "] * 8 + ["\n"]
    chance = random.Random(20261207)
    for _ in range(3000):
        text = "".join(chance.choice(letters) for _ in range(chance.randint(1, 40)))
        assert spans(tokenize(text)) == spans(razdel_tokenize(text)), text
