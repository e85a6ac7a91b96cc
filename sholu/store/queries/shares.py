"""Share of coverage and tone per subject and outlet: the tables of election media
monitoring (OSCE/ODIHR). For each person or organisation and each outlet of a scope:
the articles naming it, its mentions, the mentions in headlines, the characters of the
sentences about it, its share of all subjects' mentions and characters in that outlet,
and how many of its mentions read positive, neutral and negative.

Copies count: an outlet that reprints a press release gave its space to the subjects
in it. The cells are the one source of the API's table, the dashboard's, the CSV's
and the report's; `subject_table` only groups them."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .common import Selection, rows

NO_OUTLET = "—"
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
ENTITY_FIELDS = {"person": "persons", "organization": "organizations"}
TONES = ("positive", "neutral", "negative")


@dataclass
class Cell:
    """One subject in one outlet."""
    articles: int = 0
    mentions: int = 0
    headline_mentions: int = 0     # articles whose headline names the subject
    characters: int = 0            # of the sentences naming it
    positive: int = 0
    neutral: int = 0
    negative: int = 0

    def add(self, other: "Cell") -> None:
        for name in CELL_FIELDS:       # not asdict: it copies deeply, and tables add thousands of cells
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def counts(self) -> dict[str, int]:
        """The cell's fields by name, in their order (what asdict gives, cheaply)."""
        return {name: getattr(self, name) for name in CELL_FIELDS}


CELL_FIELDS = tuple(field.name for field in fields(Cell))


def subject_cells(store, selection: Selection, kind: str) -> tuple[dict[tuple[str, str], Cell], dict[str, str]]:
    """(entity_id, outlet) -> its cell over the selection's articles, copies included;
    and entity_id -> name. Summed from the cells kept per day and outlet
    (`daily_shares`, store/aggregates.py; with no period `outlet_shares`, every day
    together), not from the articles."""
    condition, args = selection.on_sums()
    sums = selection.sums("daily_shares", "outlet_shares")
    cells: dict[tuple[str, str], Cell] = {}
    names = {}
    for entity_id, name, outlet, *sums in rows(
            store, "SELECT s.entity_id, e.name, s.outlet, s.articles, s.mentions, s.headlines, s.characters, "
                   "s.positive, s.neutral, s.negative FROM (SELECT entity_id, outlet, SUM(articles) AS articles, "
                   "SUM(mentions) AS mentions, SUM(headlines) AS headlines, SUM(characters) AS characters, "
                   "SUM(positive) AS positive, SUM(neutral) AS neutral, SUM(negative) AS negative "
                   f"FROM {sums} WHERE kind = ? AND {condition} GROUP BY entity_id, outlet) s "
                   "JOIN entities e ON e.entity_id = s.entity_id",
            (kind, *args)):
        cells[entity_id, outlet or NO_OUTLET] = Cell(*sums)
        names[entity_id] = name
    return cells, names


def mention_space(title: str | None, text: str, annotations: dict) -> dict[str, tuple[int, int]]:
    """entity_id -> (whether the headline names it, characters of the sentences naming
    it) for the article's people and organisations, read from its text and the spans
    of its annotations; stored on the mention rows the share table sums."""
    space: dict[str, tuple[int, int]] = {}
    bounds = None
    for field in ENTITY_FIELDS.values():
        for entity in annotations.get(field) or []:
            bounds = bounds or sentence_bounds(text)
            headline, characters = space.get(entity.get("entity_id"), (0, 0))
            space[entity.get("entity_id")] = (headline + int(named_in_headline(entity, title, text)),
                                              characters + characters_about(bounds, entity.get("spans") or []))
    return space


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for gap in SENTENCE_END.finditer(text):
        bounds.append((start, gap.start()))
        start = gap.end()
    bounds.append((start, len(text)))
    return bounds


def characters_about(bounds: list[tuple[int, int]], spans: list) -> int:
    """The characters of the sentences holding a mention, each sentence once."""
    starts = sorted(span[0] for span in spans if span)
    total, index = 0, 0
    for start, end in bounds:
        if index < len(starts) and starts[index] < end + 1:
            total += end - start
            while index < len(starts) and starts[index] < end + 1:
                index += 1
    return total


def named_in_headline(entity: dict, title: str | None, text: str) -> bool:
    """The nlp stage's headline spans; an article analysed before it read headlines
    (no `title_spans`) falls back to finding the name's stem in the title."""
    if "title_spans" in entity:
        return bool(entity["title_spans"])
    return in_headline(title, text, entity.get("spans") or [])


def in_headline(title: str | None, text: str, spans: list) -> bool:
    """Whether the headline names the subject as the text does: the stem of the
    longest word of some mention (its case ending cut) occurs in the title."""
    if not title:
        return False
    title = title.casefold()
    for start, end in (span[:2] for span in spans if len(span) >= 2):
        words = re.findall(r"\w+", text[start:end])
        if words:
            longest = max(words, key=len).casefold()
            stem = longest[:-2] if len(longest) > 5 else longest[:-1] if len(longest) > 3 else longest
            if re.search(rf"\b{re.escape(stem)}", title):
                return True
    return False


def outlet_articles(store, selection: Selection) -> dict[str, int]:
    """Articles per outlet in the selection, copies included (from `daily_documents`)."""
    condition, args = selection.on_sums()
    return {outlet or NO_OUTLET: count for outlet, count in rows(
        store, f"SELECT outlet, SUM(articles) FROM daily_documents WHERE {condition} GROUP BY outlet", args)}
