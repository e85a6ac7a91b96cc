"""Where direct speech is: spans in «…» or “…”, quotes nested inside them kept whole
(«Многие годы “Казцинк” доказывает…»)."""
from __future__ import annotations

from ..lang.ru.morphology import word_count

__all__ = ["quoted_spans", "word_count"]

OPENERS = {"«": "»", "“": "”", "„": "“"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost quotation, quote marks included."""
    spans, stack, start = [], [], None
    for index, char in enumerate(text):
        if stack and char == stack[-1]:
            stack.pop()
            if not stack:
                spans.append((start, index + 1))
        elif char in OPENERS and not (char == "“" and stack and stack[-1] == "“"):
            if not stack:
                start = index
            stack.append(OPENERS[char])
        elif char == "\n" and stack and text[index - 1:index + 1] == "\n\n" and stack[-1] != "»":
            stack, start = [], None        # an unclosed “ does not run across paragraphs
    return spans

