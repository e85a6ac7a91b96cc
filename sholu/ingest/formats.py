"""One reader per input format. Each takes a `Source` (the path, its display name and
the limits) and yields RawDocuments, or Problems for the records it cannot read; a
reader never raises for bad content. JSONL, CSV and WARC are read as streams, a record
at a time, so memory stays bounded whatever the file's size."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import Problem, RawDocument
from .decode import NotText, check_readable, decode_bytes, decode_numeric_references, detect_encoding
from .limits import DEFAULT, Limits, megabytes
from .streams import SAMPLE_BYTES, csv_records, capped_lines, open_bytes, read_capped

FIELDS = ("url", "title", "published", "outlet")


@dataclass
class Source:
    path: Path
    name: str                   # the path as text (see files.display_name)
    limits: Limits = DEFAULT

    def open(self):
        return open_bytes(self.path, self.limits)

    def sample(self) -> bytes:
        with self.open() as stream:
            return stream.read(SAMPLE_BYTES)

    def over(self, what: str) -> str:
        return f"{what} larger than {megabytes(self.limits.max_document_bytes)} (the per-document limit)"


def fingerprint(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def replaced_note(source: str, count: int, what: str = "undecodable byte sequence(s)") -> Problem:
    return Problem(source, f"{count} {what} replaced by U+FFFD; the article is kept",
                   severity="note")


# -- one document per file ------------------------------------------------------------

def read_text(source: Source, data: bytes | None = None) -> Iterator[RawDocument | Problem]:
    yield from read_decoded(source, data, "text")


def read_html(source: Source, data: bytes | None = None) -> Iterator[RawDocument | Problem]:
    yield from read_decoded(source, data, "html")


def read_decoded(source: Source, data: bytes | None, kind: str) -> Iterator[RawDocument | Problem]:
    if data is None:
        data = whole(source)
        if data is None:
            yield Problem(source.name, source.over("text" if kind == "text" else "page"))
            return
    try:
        decoded = decode_bytes(data)
    except NotText as err:
        yield Problem(source.name, str(err))
        return
    if decoded.replaced:
        yield replaced_note(source.name, decoded.replaced)
    content = decode_numeric_references(decoded.text) if kind == "text" else decoded.text
    yield RawDocument(source.name, content, kind, fingerprint(data))


def whole(source: Source) -> bytes | None:
    with source.open() as stream:
        return read_capped(stream, source.limits.max_document_bytes)


# -- streams of records ----------------------------------------------------------------

def text_stream(source: Source, newline: str | None = None) -> io.TextIOWrapper | Problem:
    """The file as text in the encoding its first bytes show, or the Problem."""
    sample = source.sample()
    try:
        if not sample.strip():
            raise NotText("empty file")
        encoding = detect_encoding(sample, whole=len(sample) < SAMPLE_BYTES)
        check_readable(sample.decode(encoding, errors="replace"))
    except NotText as err:
        return Problem(source.name, str(err))
    encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    return io.TextIOWrapper(source.open(), encoding=encoding, errors="replace", newline=newline)


def read_jsonl(source: Source, data: bytes | None = None) -> Iterator[RawDocument | Problem]:
    text = text_stream(source)
    if isinstance(text, Problem):
        yield text
        return
    with text:
        for number, line in capped_lines(text, source.limits.max_document_bytes):
            where = f"{source.name}#line={number}"
            if line is None:
                yield Problem(where, source.over("line"))
            elif line.strip():
                yield from from_json_line(where, line.rstrip("\r\n"))


def read_json(source: Source, data: bytes | None = None) -> Iterator[RawDocument | Problem]:
    """A .json file: JSON Lines when its first line is a whole object; else one JSON
    document, an article object or an array of them (each named `#item=N`), so a
    pretty-printed file is one reason, not one error a line."""
    if not one_json_document(source):
        yield from read_jsonl(source)
        return
    data = whole(source)
    if data is None:
        yield Problem(source.name, source.over("JSON document") + "; write it as JSON Lines, one article a line")
        return
    try:                                  # JSON is UTF-8 (RFC 8259)
        value = json.loads(data.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as err:
        yield Problem(source.name, f"neither JSON Lines nor one JSON document ({err.msg}, line {err.lineno})")
        return
    except RecursionError:
        yield Problem(source.name, "JSON nested too deeply")
        return
    rows = value if isinstance(value, list) else [value]
    for number, row in enumerate(rows, start=1):
        where = source.name if not isinstance(value, list) else f"{source.name}#item={number}"
        if not isinstance(row, dict):
            yield Problem(where, "a JSON article must be an object with 'text' or 'html'")
        else:
            yield from from_row(where, row, row_bytes(row))


def one_json_document(source: Source) -> bool:
    """Whether the file's first line, whole within the sample, is no JSON object by itself
    (a pretty-printed «{» or «[»): a longer first line is read line by line, within the
    per-line limit."""
    sample = source.sample().decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    first, newline, _ = sample.partition("\n")
    if not newline:
        return len(sample) < SAMPLE_BYTES and not first.startswith("{")
    try:
        return not isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return True


def from_json_line(source: str, line: str) -> Iterator[RawDocument | Problem]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        yield Problem(source, f"invalid or truncated JSON ({err.msg}, column {err.colno})")
        return
    except RecursionError:
        yield Problem(source, "JSON nested too deeply")
        return
    if not isinstance(row, dict):
        yield Problem(source, "a JSON line must be an object with 'text' or 'html'")
        return
    yield from from_row(source, row, line.encode("utf-8", errors="replace"))


def from_row(where: str, row: dict, raw: bytes) -> Iterator[RawDocument | Problem]:
    """The row's article, after a note of the characters that could not be kept as
    written (undecodable bytes, already U+FFFD, and lone surrogates, made U+FFFD here)."""
    replaced = sum(value.count("\ufffd") + len(LONE_SURROGATE.findall(value))
                   for value in row.values() if isinstance(value, str))
    if replaced:
        yield replaced_note(where, replaced, "undecodable byte sequence(s) or lone surrogate escape(s)")
    yield record_from_row(where, row, raw)


def read_csv(source: Source, data: bytes | None = None) -> Iterator[RawDocument | Problem]:
    text = text_stream(source, newline="")
    if isinstance(text, Problem):
        yield text
        return
    header, number = None, 1            # line 1 is the header; rows count from 2
    with text:
        for record in csv_records(text, source.limits.max_document_bytes):
            if header is None:
                header = parse_csv_record(record) if record is not None else None
                if not header:
                    yield Problem(source.name, "malformed CSV: no header line")
                    return
                continue
            number += 1
            where = f"{source.name}#row={number}"
            if record is None:
                yield Problem(where, source.over("row"))
                continue
            values = parse_csv_record(record)
            if isinstance(values, str):
                yield Problem(where, f"malformed CSV: {values}")
            elif not values:
                number -= 1                 # blank lines are not rows
            else:
                yield from csv_row(where, header, values)


def csv_row(where: str, header: list[str], values: list[str]) -> Iterator[RawDocument | Problem]:
    row = {name: values[i] if i < len(values) else None for i, name in enumerate(header)}
    yield from from_row(where, row, row_bytes(row))


def row_bytes(row: dict) -> bytes:
    """A row of fields as the bytes its fingerprint is taken of (a lone surrogate, which a
    JSON escape can make, replaced)."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8", errors="replace")


def parse_csv_record(record: str) -> list[str] | str:
    """The record's fields, or what is wrong with it."""
    try:
        return next(csv.reader(io.StringIO(record, newline="")), [])
    except csv.Error as err:
        return str(err)


def record_from_row(source: str, row: dict, raw: bytes) -> RawDocument | Problem:
    """A JSONL object or CSV row: 'text' or 'html', optional url/title/published/outlet."""
    text, html = clean_field(row.get("text")), clean_field(row.get("html"))
    if not text and not html:
        return Problem(source, "no 'text' or 'html' field with content")
    hints = {key: clean_field(row.get(key)) for key in FIELDS}
    kind, content = ("html", html) if html else ("text", text)
    return RawDocument(source, content, kind, fingerprint(raw), **hints)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_field(value) -> str | None:
    """The field as text; a lone surrogate (a JSON escape such as «\\ud800», which no
    encoder writes) becomes U+FFFD, so the store can write it."""
    if value is None:
        return None
    value = LONE_SURROGATE.sub("\ufffd", str(value)).strip()
    return value or None
