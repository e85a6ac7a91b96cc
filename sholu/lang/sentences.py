"""Sentences with their offsets into a text, split by razdel inside each line, so a
headline or an interview line never runs into the next. The quotes and events stages
both read them: each line is split once and remembered."""
from __future__ import annotations

import re
from functools import lru_cache

from razdel import sentenize

LINE = re.compile(r"[^\n]+")
LINES_REMEMBERED = 20_000     # a chunk's lines, from the quotes stage to the events stage


def line_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of every line, in text order."""
    return [(line.start() + start, line.start() + end)
            for line in LINE.finditer(text) for start, end in sentences_of_line(line.group())]


@lru_cache(maxsize=LINES_REMEMBERED)
def sentences_of_line(line: str) -> tuple[tuple[int, int], ...]:
    return tuple((piece.start, piece.stop) for piece in sentenize(line))
