"""Which reader a file gets: by its extension, else by its first bytes."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..document import Problem, RawDocument
from .decode import NotText, check_readable, detect_encoding
from .formats import Source, read_csv, read_html, read_json, read_jsonl, read_text
from .streams import SAMPLE_BYTES
from .warc import read_warc

HTML_MARKERS = ("<html", "<!doctype html", "<body", "<head", "<article", "<div", "<p>")
READERS = {".txt": read_text, ".text": read_text, ".html": read_html, ".htm": read_html,
           ".xhtml": read_html, ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv,
           ".warc": read_warc, ".arc": read_warc}


def read_sniffed(source: Source, data: bytes | None = None) -> Iterator[RawDocument | Problem]:
    """An unknown extension: look at the content (inflated, if gzip) and pick the
    reader that fits."""
    head = source.sample()
    if head.startswith(b"WARC/"):
        yield from read_warc(source)
        return
    try:
        encoding = detect_encoding(head, whole=len(head) < SAMPLE_BYTES)
        content = head.decode(encoding, errors="replace").lstrip("\ufeff")
        check_readable(content)
    except NotText as err:
        yield Problem(source.name, f"unknown file type and {err}")
        return
    start = content.lstrip()[:2000].lower()
    if start.startswith(("{", "[")):
        yield from read_json(source)
    elif any(marker in start for marker in HTML_MARKERS):
        yield from read_html(source)
    else:
        yield from read_text(source)


def reader_for(path: Path):
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return read_warc
    return READERS.get(path.suffix.lower(), read_sniffed)
