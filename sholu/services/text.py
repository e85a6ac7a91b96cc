"""Short texts for display."""
from __future__ import annotations


def first_words(text: str, limit: int = 60) -> str:
    """The first line, cut at a word boundary to at most `limit` characters."""
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"
