"""Clean: a RawDocument becomes a Document with the article body alone, its title,
outlet, publication date and language."""
from __future__ import annotations

import re
import unicodedata

from ..document import Document, Problem, RawDocument
from . import imprint
from . import outlet as outlets
from .body import extract_body
from .dates import normalise_date, take_date_marker
from .html import extract_page
from .language import detect_language

SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
TRAILER_LINES = 5       # lines after the body where a «Источник:» line still belongs to it


def clean(raw: RawDocument) -> Document | Problem:
    doc = Document(source=raw.source, fingerprint=raw.fingerprint, url=raw.url,
                   title=raw.title, published=normalise_date(raw.published))
    text = read_html(raw, doc) if raw.kind == "html" else read_marker(raw, doc)
    body = extract_body(normalise_spaces(text))
    if not body.lines:
        return Problem(raw.source, "no article text found (only site chrome or empty)")
    doc.text = "\n\n".join(body.lines)
    doc.title = doc.title or imprint.headline(body)
    doc.boilerplate = body.before + body.inside + body.after
    doc.outlet = (
        (outlets.canonical(raw.outlet) or raw.outlet if raw.outlet else None)
        or doc.outlet
        or imprint.stated_outlet(body)
        or outlets.from_text(doc.text, body.after[:TRAILER_LINES])
    )
    doc.published = doc.published or imprint.stated_date(body)
    doc.language = detect_language(doc.text)
    return doc


def read_html(raw: RawDocument, doc: Document) -> str:
    page = extract_page(raw.content, raw.url)
    doc.url = page.url or raw.url
    doc.title = doc.title or page.title
    doc.published = doc.published or page.published
    doc.outlet = outlets.from_metadata(page.sitename, doc.url)
    return page.text


def read_marker(raw: RawDocument, doc: Document) -> str:
    marked, text = take_date_marker(raw.content)
    doc.published = doc.published or marked
    doc.outlet = outlets.from_url(raw.url)
    return text


def normalise_spaces(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n"))
