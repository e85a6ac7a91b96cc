"""Topics: campaign themes per paragraph and references to articles of the Constitution.

`classify_paragraphs` scores every paragraph against the theme taxonomy
(`sholu/data/topics.json`, or `$SHOLU_TOPICS`); `article_topics` keeps the article's
strong themes; `constitution_refs` finds «пункт 2 статьи 27 Конституции» and the like;
`annotate_topics` is the pipeline stage.
"""
from __future__ import annotations

import re

from ..document import Document
from .constitution import constitution_refs
from .scoring import current_model, own_term_themes, score_paragraph
from .taxonomy import taxonomy_path, themes

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
LINE_BREAK = re.compile(r"\n\s*")
REPORT_FROM = 0.2         # paragraph scores below this are left out of its list
CONFIDENT = 0.5           # a paragraph theme at or above this is a confident one
# An article theme needs a combined score of 0.6 in a short note (one clear mention is
# what it is about) rising to 0.75 in a long article (one mention is a passing remark).
SHORT_ARTICLE, SHORT_THRESHOLD = 600, 0.6
LONG_ARTICLE, LONG_THRESHOLD = 2000, 0.75

__all__ = ["annotate_topics", "article_topics", "classify_paragraphs", "constitution_refs",
           "paragraph_spans", "preload", "themes", "CONFIDENT"]


def preload() -> None:
    """Load the taxonomy and the word vectors now (before worker processes fork)."""
    current_model()


def classify_paragraphs(text: str, names: list | tuple = (), headline: str = "") -> list[dict]:
    """[{start, end, topics: [{topic, score}]}] for each paragraph, best theme first;
    themes scoring under REPORT_FROM are left out. `names`: optional [start, end] spans of
    organisation names in `text` (the nlp stage's), whose words mostly do not count;
    `headline`: the article's, whose themes let their context terms count everywhere."""
    named = headline_themes(headline)
    return [paragraph_result(text, start, end, names, named) for start, end in paragraph_spans(text)]


def paragraph_result(text: str, start: int, end: int, names, named: frozenset = frozenset()) -> dict:
    local = tuple((s - start, e - start) for s, e in names if start <= s and e <= end)
    scores = paragraph_scores(text[start:end], local, named)
    return {"start": start, "end": end, "topics": ranked(scores, REPORT_FROM)}


# A paragraph's scores depend on its text, its organisation names and the taxonomy alone:
# the quote themes stage asks again for paragraphs the themes stage scored, and a
# reprint repeats its original's paragraphs.
SCORED_LIMIT = 5_000            # paragraphs (about 10 MB at most; reprints come close together)
_scored: dict[tuple[str, str, tuple, frozenset], dict[str, float]] = {}


def paragraph_scores(paragraph: str, names: tuple, named: frozenset = frozenset()) -> dict[str, float]:
    key = (taxonomy_path(), paragraph, names, named)
    scores = _scored.get(key)
    if scores is None:
        if len(_scored) >= SCORED_LIMIT:         # a long run's memory stays bounded
            _scored.clear()
        scores = _scored[key] = score_paragraph(paragraph, current_model(), names, named)
    return scores


def article_topics(paragraph_results: list[dict]) -> list[dict]:
    """The article's strong themes, best first: themes confident in at least one paragraph
    whose paragraph scores, combined as independent evidence (1 - product of misses),
    reach the article threshold. Scattered weak mentions never make a theme."""
    missing: dict[str, float] = {}
    best: dict[str, float] = {}
    for paragraph in paragraph_results:
        for item in paragraph["topics"]:
            topic, score = item["topic"], item["score"]
            missing[topic] = missing.get(topic, 1.0) * (1.0 - score)
            best[topic] = max(best.get(topic, 0.0), score)
    combined = {topic: 1.0 - miss for topic, miss in missing.items() if best[topic] >= CONFIDENT}
    return ranked(combined, article_threshold(paragraph_results))


def article_threshold(paragraph_results: list[dict]) -> float:
    length = sum(p["end"] - p["start"] for p in paragraph_results)
    share = (length - SHORT_ARTICLE) / (LONG_ARTICLE - SHORT_ARTICLE)
    return SHORT_THRESHOLD + (LONG_THRESHOLD - SHORT_THRESHOLD) * min(1.0, max(0.0, share))


def annotate_topics(doc: Document) -> Document:
    """The pipeline stage: fills `topics` and `constitution_refs`."""
    doc.topics = article_topics(classify_paragraphs(doc.text, organisation_spans(doc), doc.title or ""))
    doc.constitution_refs = constitution_refs(doc.text)
    return doc


def annotate_quote_topics(doc: Document) -> Document:
    """Each quote's themes: those its own words carry confidently, else the confident
    themes of the paragraph it stands in."""
    spans = paragraph_spans(doc.text) if doc.quotes else []
    names = organisation_spans(doc) if doc.quotes else ()
    named = headline_themes(doc.title or "") if doc.quotes else frozenset()
    scored: dict[tuple[int, int], dict] = {}    # only paragraphs holding a quote are scored
    for quote in doc.quotes:
        own = confident(classify_paragraphs(quote["text"]))
        holding = [span for span in spans if span[0] <= quote["start"] < span[1]]
        for span in holding:
            if span not in scored:
                scored[span] = paragraph_result(doc.text, *span, names, named)
        around = [scored[span] for span in holding]
        quote["topics"] = own or confident(around)
    return doc


def confident(results: list[dict]) -> list[dict]:
    best: dict[str, float] = {}
    for result in results:
        for item in result["topics"]:
            if item["score"] >= CONFIDENT:
                best[item["topic"]] = max(best.get(item["topic"], 0.0), item["score"])
    return [{"topic": t, "score": round(s, 3)} for t, s in sorted(best.items(), key=lambda i: -i[1])]


def headline_themes(headline: str) -> frozenset[str]:
    """Themes the headline names by a term of their own: «ТМД байқаушылары: референдум
    ашық өтті» makes the voting its paragraphs report the referendum's."""
    return own_term_themes(headline, current_model()) if headline.strip() else frozenset()


def organisation_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    return tuple(tuple(span) for org in doc.organizations for span in org.get("spans", ()))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line separated paragraphs, stripped; a text without blank lines is split at
    its line breaks instead (scraped text often has one paragraph a line)."""
    breaks = PARAGRAPH_BREAK if PARAGRAPH_BREAK.search(text) else LINE_BREAK
    spans, start = [], 0
    for found in breaks.finditer(text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return [trimmed(text, s, e) for s, e in spans if text[s:e].strip()]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def ranked(scores: dict[str, float], threshold: float) -> list[dict]:
    kept = [(topic, score) for topic, score in scores.items() if score >= threshold]
    kept.sort(key=lambda item: (-item[1], item[0]))
    return [{"topic": topic, "score": round(score, 3)} for topic, score in kept]
