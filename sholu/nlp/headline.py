"""The headline is read with the body: both are parsed as separate texts (a headline has
no full stop, and would run into the first sentence) and joined into one, so a name in
the headline is the same person as in the body. Its mentions leave as `title_spans`,
offsets into the title, beside the body's `spans`."""
from __future__ import annotations

from dataclasses import replace

from .parse import Parsed

SEPARATOR = "\n\n"
SPAN_FIELDS = ("spans", "references")


def headline_of(doc) -> str:
    """The title when it is a headline to read (not a copy of the body's start)."""
    title = (getattr(doc, "title", None) or "").strip()
    return "" if not title or doc.text.startswith(title) else title


def texts_to_parse(doc) -> list[str]:
    """The headline (when there is one) and the body, to parse side by side."""
    title = headline_of(doc)
    return [title, doc.text] if title else [doc.text]


def joined(parts: list[Parsed]) -> Parsed:
    """One parse of headline + SEPARATOR + body, from the two parts' parses."""
    if len(parts) == 1:
        return parts[0]
    head, body = parts
    offset, first, sentences = len(head.text) + len(SEPARATOR), len(head.tokens), sentence_count(head)
    tokens = head.tokens + [replace(t, index=t.index + first, start=t.start + offset,
                                    end=t.end + offset, sentence=t.sentence + sentences)
                            for t in body.tokens]
    mentions = head.mentions + [replace(m, first=m.first + first, last=m.last + first,
                                        start=m.start + offset, end=m.end + offset)
                                for m in body.mentions]
    return Parsed(head.text + SEPARATOR + body.text, tokens, mentions)


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
