"""When: the date a sentence gives for a gathering, and the date of a vote. A gathering
is dated by its own sentences, never by the vote it prepares for («референдуму 15 марта»)
nor by a document it cites («постановление от 27.01.2023»)."""
from __future__ import annotations

import re
from datetime import date as day_of
from datetime import timedelta

from .article import Article, Mention
from .sentences import Sentence
from .triggers import gathering_type

# a vote, not the body or place named after one («Центральная избирательная комиссия»)
VOTE_WORDS = r"(?:референдум|выбор|голосовани|избирательн(?!\w*\s+(?:комисси|участ))|сайлау(?!\s+(?:комисс|учаске)))\w*"
VOTE_BEFORE = re.compile(rf"{VOTE_WORDS}[^.;]{{0,60}}$", re.IGNORECASE)
VOTE_AFTER = re.compile(rf"^[^.;]{{0,30}}?\b{VOTE_WORDS}", re.IGNORECASE)
DOCUMENT_DATE = re.compile(r"(?:\bот|№\s*\S+)\s*$", re.IGNORECASE)
NOT_THE_DAY = re.compile(r"(?:\b(?:от|до|по|с|со|после)|№\s*\S+)\s*$", re.IGNORECASE)   # «от», «до 5 февраля»
GATHERING_NEXT = 60      # «в преддверии референдума 2 марта прошла встреча»: the date is the meeting's
VOTE_DATE_AFTER = 80     # characters from the vote word to its date


def gathering_date(article: Article, sentences: list[Sentence]) -> tuple[str | None, str | None]:
    """(date, source): a date the event's sentences give it, else the publication date
    (but for a gathering still to come: «встретится», «состоится»)."""
    announced = bool(article.pack.to_come.search(sentences[0].folded))
    for sentence in sentences:
        for date in article.within(article.dates, sentence.start, sentence.end):
            if is_gathering_date(article, sentence, date, announced):
                return date.name, "text"
    if announced:
        return None, None
    eve = day_before(article.published) if article.pack.day_before.search(sentences[0].folded) else None
    if eve:
        return eve, "text"
    if article.published and not any(article.pack.elsewhen.search(s.folded) for s in sentences):
        return article.published, "published"
    return None, None


def is_gathering_date(article: Article, sentence: Sentence, date: Mention, announced: bool = False) -> bool:
    """Not a vote's day, a cited document's date or (in a report) a day still to come;
    a date the gathering's own words follow («2 марта прошла встреча») is its date."""
    before = article.folded[sentence.start:date.start]
    after = article.folded[date.end:sentence.end]
    to_come = article.published is not None and date.name > article.published
    if DOCUMENT_DATE.search(before) or (to_come and not announced):
        return False
    if gathering_type(after[:GATHERING_NEXT], article.pack):
        return True
    return not (VOTE_BEFORE.search(before) or VOTE_AFTER.search(after))


def vote_date(article: Article, sentence: Sentence, word_start: int, word_end: int) -> str | None:
    """The date given to a vote word: after it in its sentence («референдум, который
    состоится 15 марта»), or just before it with a verb of taking place between, or as
    its attribute («15 наурыздағы референдум»)."""
    for date in article.within(article.dates, word_end, min(sentence.end, word_end + VOTE_DATE_AFTER)):
        if is_vote_day(article, sentence, date):
            return date.name
    for date in reversed(article.within(article.dates, sentence.start, word_start)):
        if (article.pack.vote_happens.search(article.folded[date.end:word_start])
                or article.pack.vote_of_date.search(article.folded[date.start:word_start])):
            return date.name
    return None


def is_vote_day(article: Article, sentence: Sentence, date: Mention) -> bool:
    before = article.folded[sentence.start:date.start]
    after = article.folded[date.end:min(sentence.end, date.end + GATHERING_NEXT)]
    bound = NOT_THE_DAY.search(before) or article.pack.not_the_day_after.search(after)
    return not bound and gathering_type(after, article.pack) is None


def days_between(first: str | None, then: str | None) -> int | None:
    """Days from `first` to `then` (YYYY-MM-DD); None when either is no day."""
    try:
        return (day_of.fromisoformat(then) - day_of.fromisoformat(first)).days
    except (TypeError, ValueError):
        return None


def day_before(published: str | None) -> str | None:
    try:
        return (day_of.fromisoformat(published) - timedelta(days=1)).isoformat()
    except (TypeError, ValueError):
        return None
