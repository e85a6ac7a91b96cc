"""An article's text as HTML with its annotations marked: people, organisations, places
and dates as links or spans with a hover title, quotes as a mark around them. The text
is escaped piece by piece, so nothing in an article can become markup."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

ENTITY_KINDS = (("persons", "per"), ("organizations", "org"), ("places", "loc"))


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str
    title: str
    href: str | None = None

    def wrap(self, inner: str) -> str:
        tag = "a" if self.href else "span"
        href = f' href="{escape(self.href)}"' if self.href else ""
        return f'<{tag} class="{self.css}"{href} title="{escape(self.title)}">{inner}</{tag}>'


def highlighted(record: dict, link) -> Markup:
    """The record's text with marks; `link(kind, entity)` gives an entity's page or None."""
    text = record["text"]
    spans = non_overlapping(entity_marks(record, link) + date_marks(record), len(text))
    quotes = non_overlapping(quote_marks(record), len(text))
    cuts = sorted({0, len(text), *(m.start for m in spans + quotes), *(m.end for m in spans + quotes)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        piece = escape(text[start:end], quote=False)
        span = covering(spans, start, end)
        quote = covering(quotes, start, end)
        piece = span.wrap(piece) if span else piece
        pieces.append(f'<mark class="{quote.css}" title="{escape(quote.title)}">{piece}</mark>' if quote else piece)
    return Markup("".join(pieces))


def entity_marks(record: dict, link) -> list[Mark]:
    marks = []
    for field, css in ENTITY_KINDS:
        for entity in record.get(field) or []:
            title = entity["name"] + "".join(f" — {p}" for p in (entity.get("positions") or [])[:1])
            tones = {m["start"]: m for m in entity.get("tone_mentions") or []}
            for start, end in entity.get("spans") or []:
                tone_css, evidence = tone_note(record["text"], tones.get(start))
                marks.append(Mark(start, end, f"ent {css}{tone_css}", title + evidence, link(field, entity)))
    return marks


TONE_CSS = {1: " tone-pos", -1: " tone-neg", 0: ""}
SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def tone_note(text: str, mention: dict | None) -> tuple[str, str]:
    """A toned mention's css class and its hover note: the tone, the model's confidence,
    and the sentence it was read from as evidence."""
    if mention is None or mention["tone"] == 0:
        return "", ""
    sign = "+1" if mention["tone"] > 0 else "−1"
    return TONE_CSS[mention["tone"]], f" · {sign} ({mention['confidence']:.2f}): {sentence_at(text, mention['start'])}"


def sentence_at(text: str, offset: int) -> str:
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, offset)]
    begin = starts[-1] if starts else 0
    end = SENTENCE_END.search(text, offset)
    return text[begin:end.start() + 1 if end else len(text)].strip()


def date_marks(record: dict) -> list[Mark]:
    return [Mark(d["start"], d["end"], "ent date", d.get("date") or d["text"])
            for d in record.get("dates") or [] if d.get("start") is not None]


def quote_marks(record: dict) -> list[Mark]:
    marks = []
    for quote in record.get("quotes") or []:
        if quote.get("in_title"):
            continue                   # its offsets are into the title, not the text
        speaker = quote.get("speaker") or "?"
        marks.append(Mark(quote["start"], quote["end"], f"quote {quote['kind']}",
                          f"{speaker} ({quote.get('verb') or quote['kind']})"))
    return marks


def non_overlapping(marks: list[Mark], length: int) -> list[Mark]:
    """Marks inside the text, the earliest (then the longest) kept where two overlap."""
    kept, reach = [], 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if 0 <= mark.start < mark.end <= length and mark.start >= reach:
            kept.append(mark)
            reach = mark.end
    return kept


def covering(marks: list[Mark], start: int, end: int) -> Mark | None:
    for mark in marks:                  # a page has tens of marks: a scan is enough
        if mark.start <= start and end <= mark.end:
            return mark
    return None
