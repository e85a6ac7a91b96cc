"""HTML pages: trafilatura finds the main text and the metadata; script, style and
navigation never reach the text."""
from __future__ import annotations

from dataclasses import dataclass

from .dates import normalise_date

DROPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside",
                "form", "iframe", "svg", "template", "button", "select")


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None


def import_trafilatura():
    """The module, imported on the first page (a third of a second): a corpus of plain
    texts never needs it. `pipeline` imports it before the workers fork when a batch
    holds HTML."""
    import trafilatura

    return trafilatura


def extract_page(html: str, url: str | None = None) -> Page:
    found = import_trafilatura().bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None or not (found.text or "").strip():
        return Page(visible_text(html), url=url)
    return Page(
        text=drop_repeated_title(found.text, found.title),
        title=found.title,
        published=normalise_date(found.date),
        sitename=found.sitename,
        url=found.url or url,
    )


def drop_repeated_title(text: str, title: str | None) -> str:
    lines = text.splitlines()
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    return "\n".join(lines)


def visible_text(html: str) -> str:
    """Fallback for pages too small for trafilatura: the text outside page chrome."""
    from lxml import html as lxml_html   # only HTML input needs it

    parser = lxml_html.HTMLParser(encoding="utf-8")   # the text is decoded already
    try:
        tree = lxml_html.fromstring(html.encode("utf-8"), parser=parser)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for element in list(tree.iter(*DROPPED_TAGS)):
        element.drop_tree()
    blocks = [block.text_content().strip() for block in tree.iter("p", "h1", "h2", "h3", "li")]
    text = "\n".join(dict.fromkeys(block for block in blocks if block))
    return text or tree.text_content().strip()
