"""Share of coverage and tone per subject and outlet: the tables of election media
monitoring (OSCE/ODIHR). For each person or organisation and each outlet of a scope:
the articles naming it, its mentions, the mentions in headlines, the characters of the
sentences about it, its share of all subjects' mentions and characters in that outlet,
and how many of its mentions read positive, neutral and negative.

Copies count: an outlet that reprints a press release gave its space to the subjects
in it. The cells are the one source of the API's table, the dashboard's, the CSV's
and the report's; `subject_table` only groups them."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass

from .common import Scope, ratio, rows

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
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


def subject_cells(store, scope: Scope, kind: str) -> tuple[dict[tuple[str, str], Cell], dict[str, str]]:
    """(entity_id, outlet) -> its cell over the scope's articles, copies included;
    and entity_id -> name."""
    every = scope.with_copies()
    cells: dict[tuple[str, str], Cell] = defaultdict(Cell)
    names = {}
    for entity_id, name, outlet, articles, mentions, positive, neutral, negative in rows(
            store, "SELECT em.entity_id, MIN(e.name), d.outlet, COUNT(*), SUM(em.mentions), "
                   "SUM(COALESCE(em.tone_positive, 0)), SUM(COALESCE(em.tone_neutral, 0)), "
                   "SUM(COALESCE(em.tone_negative, 0)) FROM entity_mentions em "
                   "JOIN documents d ON d.id = em.document_id JOIN entities e ON e.entity_id = em.entity_id "
                   f"WHERE em.kind = ? AND {every.where()} GROUP BY em.entity_id, d.outlet",
            (kind, *every.args)):
        cells[entity_id, outlet or NO_OUTLET] = Cell(articles, mentions, 0, 0, positive, neutral, negative)
        names[entity_id] = name
    add_space(store, every, kind, cells)
    return cells, names


def add_space(store, scope: Scope, kind: str, cells: dict[tuple[str, str], Cell]) -> None:
    """Headline mentions and sentence characters, read from each article's text and
    the spans of its annotations (one pass over the scope's articles)."""
    field = ENTITY_FIELDS[kind]
    for outlet, title, text, annotations in store.stream(
            f"SELECT d.outlet, d.title, d.text, d.annotations FROM documents d WHERE {scope.where()}", scope.args):
        entities = json.loads(annotations or "{}").get(field) or []
        if not entities:
            continue
        bounds = sentence_bounds(text)
        for entity in entities:
            cell = cells.get((entity.get("entity_id"), outlet or NO_OUTLET))
            if cell is None:
                continue
            spans = entity.get("spans") or []
            cell.characters += characters_about(bounds, spans)
            cell.headline_mentions += int(named_in_headline(entity, title, text))


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


def outlet_articles(store, scope: Scope) -> dict[str, int]:
    """Articles per outlet in the scope, copies included."""
    every = scope.with_copies()
    return {outlet or NO_OUTLET: count for outlet, count in rows(
        store, f"SELECT d.outlet, COUNT(*) FROM documents d WHERE {every.where()} GROUP BY d.outlet", every.args)}
