"""Kazakh: not yet a pack (`has_pack("kk")` is false, so stages skip Kazakh documents).
What is here already serves other languages' texts: the Kazakh month names that Russian
news of Kazakhstan writes dates with (2026 жылғы 15 наурыз), and the function words the
clean stage counts in prose (stopwords.txt)."""
from __future__ import annotations

LETTERS = "а-яёәіңғүұқөһ"                  # for character classes: Cyrillic plus Kazakh letters
# A month name with any short suffix (наурызда, сәуірдің).
MONTH_PATTERN = (r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан"
                 rf"|қараша|желтоқсан)[{LETTERS}]{{0,4}}")
MONTHS = {                                  # a month name's first three letters -> its number
    "қаң": 1, "ақп": 2, "нау": 3, "сәу": 4, "мам": 5, "мау": 6, "шіл": 7, "там": 8,
    "қыр": 9, "қаз": 10, "қар": 11, "жел": 12,
}
