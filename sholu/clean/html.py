"""HTML pages: trafilatura finds the main text and the metadata; script, style and
navigation never reach the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from .dates import normalise_date

DROPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside",
                "form", "iframe", "svg", "template", "button", "select")


MAX_DEPTH = 200         # libxml2 stops building a tree past ~256 levels and keeps nothing below
CONTAINER = re.compile(r"<(/?)(?:div|span|section|article|main|table|tbody|tr|td|ul|ol|li|blockquote|font|center|b|i|em|strong)\b[^>]*?(/?)>",
                       re.IGNORECASE)
INVISIBLE_START = re.compile(r"<(script|style|noscript|template|svg)\b|<!--", re.IGNORECASE)
BLOCK_END = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|title)\b[^>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")
TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
# A <time> read as part of a sentence («<time>12 мая</time>. Аким района …»): a word follows it.
# Trafilatura drops <time> elements whole; its text moves out, the (empty) element stays for
# the date extraction's attributes.
INLINE_TIME = re.compile(r"(<time\b[^>]*>)([^<]{1,60})(</time\s*>)(?=\s*[.,:;–—-]?\s*[^\W\d_]{3})",
                         re.IGNORECASE)
# A photo's caption names who is pictured (coverage as much as a sentence): the figure,
# which trafilatura drops with its image, becomes a paragraph of its caption; a caption
# that only credits the photo («Фото: …») is left out.
FIGURE = re.compile(r"<figure\b[^>]*>(?:(?!</figure)[\s\S]){0,2000}?<figcaption\b[^>]*>\s*([^<]{1,300}?)\s*"
                    r"</figcaption\s*>(?:(?!</figure)[\s\S]){0,500}?</figure\s*>", re.IGNORECASE)
PHOTO_CREDIT = re.compile(r"(?:фото|photo|сурет|источник|дереккөз|credit)\w*\s*[:.—–-]", re.IGNORECASE)
# The short line a news or TV site sets right under a quote (the speaker's name and post), in
# an element whose class trafilatura takes for furniture («caption»): kept as a paragraph.
QUOTE_CAPTION = re.compile(r"(</blockquote\s*>\s*)<(p|div|span|cite|figcaption)\b[^>]*>([^<]{1,200})</\2\s*>",
                           re.IGNORECASE)


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
    if nesting_depth(html) > MAX_DEPTH:
        return flat_page(html, url)
    found = import_trafilatura().bare_extraction(
        with_page_text_exposed(html), url=url, with_metadata=True, include_comments=False, include_tables=True,
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


def with_page_text_exposed(html: str) -> str:
    """Before trafilatura: inline dates, a quote's caption and photo captions as text."""
    html = QUOTE_CAPTION.sub(r"\1<p>\3</p>", INLINE_TIME.sub(r"\1\3\2", html))
    return FIGURE.sub(lambda m: "" if PHOTO_CREDIT.match(m.group(1)) else f"<p>{m.group(1)}</p>", html)


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


# -- pages nested too deeply for a tree ----------------------------------------------------

def nesting_depth(html: str) -> int:
    """The deepest nesting of container elements, counted over the tags in one pass."""
    depth = deepest = 0
    for match in CONTAINER.finditer(html):
        if match.group(2):
            continue                    # <div/>
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flat_page(html: str, url: str | None) -> Page:
    """The page's text read without building a tree (in time linear in its size):
    invisible parts dropped, block ends as line breaks, entities decoded. Chrome
    lines are dropped later by the body finder, as for plain text."""
    title = TITLE.search(html)
    text = TAG.sub("", BLOCK_END.sub("\n", without_invisible(html)))
    lines = (" ".join(unescape(line).split()) for line in text.split("\n"))
    return Page("\n".join(line for line in lines if line),
                title=" ".join(unescape(title.group(1)).split()) or None if title else None, url=url)


def without_invisible(html: str) -> str:
    """Scripts, styles and comments cut out, each end searched once from its start (a
    start with no end cuts the rest), so the pass stays linear on hostile markup."""
    kept, position, lowered = [], 0, html.lower()
    while start := INVISIBLE_START.search(html, position):
        kept.append(html[position:start.start()])
        closing = "-->" if start.group(1) is None else f"</{start.group(1).lower()}"
        end = lowered.find(closing, start.end())
        if end < 0:
            return " ".join(kept)
        position = lowered.find(">", end) + 1 or len(html)
    kept.append(html[position:])
    return " ".join(kept)
