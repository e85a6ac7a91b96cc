"""Sentences with their offsets into the article text. Lines first, then razdel inside
each line, so a subheading line never runs into the sentence after it."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..lang.sentences import line_sentences

@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @cached_property
    def folded(self) -> str:
        """The text with ё as е, same offsets: patterns are written with е only."""
        return fold(self.text)

    def holds(self, start: int, end: int | None = None) -> bool:
        return self.start <= start and (end if end is not None else start) <= self.end


def fold(text: str) -> str:
    """ё as е; two replaces run in C, where `str.translate` looks each letter up in a dict."""
    return text.replace("ё", "е").replace("Ё", "Е")


def split_sentences(text: str) -> list[Sentence]:
    return [Sentence(start, end, text[start:end]) for start, end in line_sentences(text) if text[start:end].strip()]
