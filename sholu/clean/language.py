"""Language of the clean text: ISO 639-1 from py3langid's bundled model (no download),
with Kazakh decided by its own letters, which the model weighs too lightly on short
texts."""
from __future__ import annotations

import py3langid

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
KAZAKH_LETTER_SHARE = 0.02
SAMPLE_CHARS = 3000


def detect_language(text: str) -> str:
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "und"
    if sum(ch in KAZAKH_LETTERS for ch in letters) / len(letters) >= KAZAKH_LETTER_SHARE:
        return "kk"
    language, _ = py3langid.classify(sample)
    return language


def preload() -> None:
    """py3langid reads its model on first use (a third of a second): do it before the
    workers fork, not once in each."""
    py3langid.classify("Загрузка модели.")
