"""A copy takes its original's entities instead of paying for NER again (the tagging,
normalisation and people resolution are most of a document's cost). Their spans are
moved onto the copy's own text by aligning the two word sequences; a mention the copy
does not contain (a paragraph the reprint left out) is dropped, so the copy's rows
describe its own text. The cheap stages that read the copy's text and date (dates,
quotes, events, themes) then run on the copy itself.
"""
from __future__ import annotations

import copy
import re
from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher

from ..document import Document

WORD = re.compile(r"\w+", re.UNICODE)
FOLD = str.maketrans({"ё": "е", "Ё": "е"})
SPAN_FIELDS = ("spans", "references")          # entity records: lists of [start, end]


class Anchor:
    """Maps [start, end) offsets in the original's text onto the copy's text, word by
    word; a span whose words are not all present, in order, in the copy maps to None."""

    def __init__(self, original: str, copy_text: str):
        self.source, self.target = original, copy_text
        self.words = list(WORD.finditer(original))
        self.starts = [m.start() for m in self.words]
        self.ends = [m.end() for m in self.words]
        self.moved = list(WORD.finditer(copy_text))
        self.index = word_mapping([key(m) for m in self.words], [key(m) for m in self.moved])

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        first = bisect_right(self.ends, start)          # first word ending after start
        last = bisect_left(self.starts, end) - 1        # last word starting before end
        if first > last:
            return None
        to_first, to_last = self.index.get(first), self.index.get(last)
        if to_first is None or to_last is None or to_last - to_first != last - first:
            return None
        new_start = self.moved[to_first].start() + start - self.starts[first]
        new_end = self.moved[to_last].end() + end - self.ends[last]
        return max(new_start, 0), min(new_end, len(self.target))


def key(match: re.Match) -> str:
    return match.group().lower().replace("ё", "е")      # FOLD's letters, lowered first


def word_mapping(source: list[str], target: list[str]) -> dict[int, int]:
    """Index of each original word that the copy has at the matching place."""
    if source == target:                     # an exact copy: same words, same order
        return {i: i for i in range(len(source))}
    # A copy that only adds words before or after the original (a line of its own), or
    # only leaves some out there: the one block SequenceMatcher would find (the longest,
    # first in the original, then first in the copy), without its search.
    shift = first_position(source, target)
    if shift is not None:
        return {i: i + shift for i in range(len(source))}
    shift = first_position(target, source)
    if shift is not None:
        return {shift + i: i for i in range(len(target))}
    matcher = SequenceMatcher(None, source, target, autojunk=False)
    return {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}


def first_position(inner: list[str], outer: list[str]) -> int | None:
    """Where `inner` first occurs whole in `outer` when `outer` is at most EXTRA_WORDS
    longer, or None."""
    extra = len(outer) - len(inner)
    if not 0 <= extra <= EXTRA_WORDS:
        return None
    return next((start for start in range(extra + 1) if outer[start:start + len(inner)] == inner), None)


EXTRA_WORDS = 64           # words a copy may add or leave out around the original for the short way


ENTITY_FIELDS = ("persons", "organizations", "places")


def inherit_entities(doc: Document, original: Document) -> Document:
    """Fill `doc` (a copy of `original`) with the original's entities, re-anchored."""
    anchor = Anchor(original.text, doc.text)
    same_headline = (doc.title or "") == (original.title or "")
    for field in ENTITY_FIELDS:
        moved = (moved_entity(record, anchor, same_headline) for record in getattr(original, field))
        setattr(doc, field, [record for record in moved if record])
    return doc


def moved_entity(record: dict, anchor: Anchor, same_headline: bool) -> dict | None:
    """An entity with the mentions the copy still has (its headline's only when the
    copy has the same headline); None when it has none."""
    moved = copy.deepcopy(record)
    for field in SPAN_FIELDS:
        if field in moved:
            moved[field] = [list(s) for s in (anchor.span(*span) for span in record[field]) if s]
    if "title_spans" in moved and not same_headline:
        moved["title_spans"] = []
    if not moved["spans"] and not moved.get("title_spans"):
        return None
    moved["mentions"] = len(moved["spans"]) + len(moved.get("title_spans", []))
    return moved


def inherit_from_original(doc: Document) -> Document:
    """The stage: a copy takes the entities of the original `attach` gave it (which
    then goes, so it does not travel back from the worker), and the tones the original
    was given, by sentence (the tone stage reads again only sentences the copy changed)."""
    from ..tone import tones_of

    original, doc.original = doc.original, None
    # {} from attach: the stored original was toned by another pipeline version
    doc.known_tones = tones_of(original) or None if doc.known_tones is None else None
    return inherit_entities(doc, original)
