"""The headline is read with the body: both are parsed as separate texts (a headline has
no full stop, and would run into the first sentence) and joined into one, so a name in
the headline is the same person as in the body. Its mentions leave as `title_spans`,
offsets into the title, beside the body's `spans`."""
from __future__ import annotations

from dataclasses import replace

from .parse import Parsed

SEPARATOR = "\n\n"
SENTENCE_STOPS = (".", "!", "?", "…")
ADDED_STOP = " ."
SPAN_FIELDS = ("spans", "references")


def headline_of(doc) -> str:
    """The title when it is a headline to read (not a copy of the body's start)."""
    title = (getattr(doc, "title", None) or "").strip()
    return "" if not title or doc.text.startswith(title) else title


def texts_to_parse(doc) -> list[str]:
    """The headline (when there is one) and the body, to parse side by side. The headline
    is parsed with a full stop when it has none: the tagger misses names in a sentence left
    open («Виктор Понедельник: «… царь Иоанн Грозный»» names no one without it)."""
    title = headline_of(doc)
    return [title + ADDED_STOP if not title.endswith(SENTENCE_STOPS) else title, doc.text] if title else [doc.text]


def joined(parts: list[Parsed], title: str = "") -> Parsed:
    """One parse of headline + SEPARATOR + body, from the two parts' parses (the stop added
    to the headline `title` for parsing left out)."""
    if len(parts) == 1:
        return parts[0]
    head, body = as_written(parts[0], title), parts[1]
    offset, first, sentences = len(head.text) + len(SEPARATOR), len(head.tokens), sentence_count(head)
    tokens = head.tokens + [replace(t, index=t.index + first, start=t.start + offset,
                                    end=t.end + offset, sentence=t.sentence + sentences)
                            for t in body.tokens]
    mentions = head.mentions + [replace(m, first=m.first + first, last=m.last + first,
                                        start=m.start + offset, end=m.end + offset)
                                for m in body.mentions]
    return Parsed(head.text + SEPARATOR + body.text, tokens, mentions)


def as_written(head: Parsed, title: str) -> Parsed:
    """The headline's parse without what was added to it for parsing."""
    if len(head.text) == len(title):
        return head
    end = len(title)
    return Parsed(title, [t for t in head.tokens if t.end <= end], [m for m in head.mentions if m.end <= end])


def sentence_count(parsed: Parsed) -> int:
    return parsed.tokens[-1].sentence + 1 if parsed.tokens else 0


def split_headline(records: list[dict], title: str) -> list[dict]:
    """Records with offsets into headline + body become records with `spans` into the
    body and `title_spans` into the headline; every mention still counts."""
    offset = len(title) + len(SEPARATOR) if title else 0
    for record in records:
        record["title_spans"] = [span for span in record["spans"] if span[1] <= len(title)] if title else []
        for field in SPAN_FIELDS:
            if field in record:
                record[field] = [[s - offset, e - offset] for s, e in record[field] if s >= offset]
    return records
