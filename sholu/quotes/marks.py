"""Where direct speech is: spans in «…», “…”, „…“ or straight "…", quotes nested inside
them kept whole («Многие годы “Казцинк” доказывает…»). One pass over the text."""
from __future__ import annotations

import re

from ..lang.ru.morphology import word_count

__all__ = ["quoted_spans", "word_count"]

OPENERS = {"«": "»", "“": "”", "„": "“"}
PARAGRAPH = re.compile(r"[^\n]+")
STRAIGHT = re.compile('"')
CURLY = re.compile("[«»“”„]|\n\n")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost quotation, quote marks included."""
    curly = curly_spans(text)
    return sorted(curly + straight_spans(text, curly))


def curly_spans(text: str) -> list[tuple[int, int]]:
    spans, stack, start = [], [], None
    for mark in CURLY.finditer(text):          # only the marks and blank lines are read
        char, index = mark.group(), mark.start()
        if stack and char == stack[-1]:
            stack.pop()
            if not stack:
                spans.append((start, index + 1))
        elif char in OPENERS and not (char == "“" and stack and stack[-1] == "“"):
            if not stack:
                start = index
            stack.append(OPENERS[char])
        elif char == "\n\n" and stack and stack[-1] != "»":
            stack, start = [], None        # an unclosed “ does not run across paragraphs
    return spans


def straight_spans(text: str, curly: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Straight marks paired in order within a paragraph, outside the curly quotes (an odd
    last one is left alone: it opens nothing that closes)."""
    inside = bytearray(len(text))
    for start, end in curly:
        inside[start:end] = b"\x01" * (end - start)
    spans = []
    for paragraph in PARAGRAPH.finditer(text):
        marks = [m.start() for m in STRAIGHT.finditer(text, paragraph.start(), paragraph.end())
                 if not inside[m.start()]]
        spans += [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]
    return spans
