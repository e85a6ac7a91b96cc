"""The article as the quote finder reads it: its sentences (split inside each line, so a
headline or an interview line never runs into the next), found by position in log time,
so every look-up stays cheap on a text of ten thousand sentences."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..lang.sentences import line_sentences


class Sentences:
    def __init__(self, text: str):
        self.spans = line_sentences(text)
        self.starts = [start for start, _ in self.spans]

    def __iter__(self):
        return iter(self.spans)

    def index_of(self, position: int) -> int:
        """The index of the sentence holding `position` (or the last before it)."""
        return max(bisect_right(self.starts, position) - 1, 0)

    def around(self, position: int) -> tuple[int, int]:
        return self.spans[self.index_of(position)] if self.spans else (0, position)

    def previous(self, start: int) -> tuple[int, int] | None:
        index = self.index_of(start) - 1
        return self.spans[index] if index >= 0 and self.spans else None


class Spans:
    """Sorted, non-overlapping (start, end) spans; which one holds a position."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def holding(self, position: int) -> tuple[int, int] | None:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.spans[index][1]:
            return self.spans[index]
        return None


@dataclass
class Reading:
    """What every finder of one article shares."""

    text: str
    pack: object
    finder: object                 # speakers.SpeakerFinder
    sentences: Sentences
    quoted: Spans                  # quotation marks' spans, marks included
    turns: list | None = None      # an interview's dash turns (interview.py), read once

    def quotation_words(self, start: int) -> list[str]:
        """The words of the quotation holding `start`, from `start` on."""
        quotation = self.quoted.holding(start)
        return self.finder.words(start, quotation[1] if quotation else start)


def trim(text: str, start: int, end: int, strip: str = " \n\t") -> tuple[int, int]:
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def content_end(text: str, start: int, stop: int) -> int:
    """The reported content ends with its sentence, the full stop left out."""
    end = stop
    while end > start and text[end - 1] in " .\n":
        end -= 1
    return end
