"""Language of the clean text (ISO 639-1). Cyrillic languages are told apart by the
letters only one of them writes, which py3langid weighs too lightly on short texts:

- Kazakh alone writes ә ғ қ ң ө ұ ү һ;
- Ukrainian alone writes ї є ґ and an apostrophe inside a word (м'ясо, об’єкт); і it
  shares with Kazakh and Belarusian, so і counts for Ukrainian only where no Kazakh or
  Belarusian letters decided first;
- Belarusian alone writes ў.

A share of the letters decides, so a Russian article quoting a Kazakh or Ukrainian name
stays Russian. Everything else is py3langid's bundled model (no download; `langid_model`)."""
from __future__ import annotations

import re
from collections import Counter

KAZAKH_ONLY = frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")
UKRAINIAN_ONLY = frozenset("їєґЇЄҐ")
BELARUSIAN_ONLY = frozenset("ўЎ")
SHARED_I = frozenset("іІ")                    # Ukrainian, Kazakh and Belarusian
APOSTROPHE_IN_WORD = re.compile(r"(?<=[бвгґджзклмнпрстфхцчшщ])['’ʼ](?=[яюєї])", re.IGNORECASE)
KAZAKH_SHARE = 0.02
BELARUSIAN_SHARE = 0.005
UKRAINIAN_SHARE = 0.02                         # і ї є ґ and apostrophes together
SAMPLE_CHARS = 3000


def detect_language(text: str) -> str:
    sample = text[:SAMPLE_CHARS]
    letters = Counter({ch: count for ch, count in Counter(sample).items() if ch.isalpha()})   # once for every alphabet
    if not letters:
        return "und"
    by_letters = language_by_letters(sample, letters)
    if by_letters:
        return by_letters
    from .langid_model import identifier     # loads the model: only when the letters leave a doubt

    language, _ = identifier().classify(sample)
    return language


def language_by_letters(sample: str, letters: Counter) -> str | None:
    """kk, be or uk when the letters only that language writes are frequent enough
    (`letters`: how often each letter of the sample occurs)."""
    total = sum(letters.values())

    def share(alphabet: frozenset[str]) -> float:
        return sum(letters[ch] for ch in alphabet) / total

    if share(KAZAKH_ONLY) >= KAZAKH_SHARE:
        return "kk"
    if share(BELARUSIAN_ONLY) >= BELARUSIAN_SHARE:
        return "be"
    apostrophes = len(APOSTROPHE_IN_WORD.findall(sample)) / total
    if share(UKRAINIAN_ONLY | SHARED_I) + apostrophes >= UKRAINIAN_SHARE:
        return "uk"
    return None


def preload() -> None:
    """py3langid's model, read before the workers fork, not once in each."""
    from .langid_model import identifier

    identifier()
