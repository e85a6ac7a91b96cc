"""Elections and referendums: one frame per (type, date) an article gives; an undated
vote only when the article keeps coming back to it, its headline included (a single
passing mention, such as a past referendum in a list of reforms, is background; so is
a vote named as the time of something else or as another vote: «после референдума»,
«на следующих выборах»; nor is one in a name: «Адал сайлау», the law «… сайлау туралы»)."""
from __future__ import annotations

import re

from .article import Article
from .frame import Frame
from .when import vote_date

MENTIONS_FOR_UNDATED = 2
NAME_WORDS = 6      # words a name in guillemets may have; a longer quoted stretch is speech


def vote_frames(article: Article) -> list[Frame]:
    frames = []
    for kind, pattern in article.pack.vote_triggers.items():
        frames.extend(frames_of_kind(article, kind, pattern))
    return dated_by_the_voting(article, frames)


def dated_by_the_voting(article: Article, frames: list[Frame]) -> list[Frame]:
    """«Голосование пройдёт 15 марта 2026 года» in an article about one vote, undated
    where the vote is named: that vote's day."""
    if len(frames) != 1 or frames[0].date:
        return frames
    for match in article.pack.voting.finditer(article.folded):
        sentence = article.sentence_at(match.start())
        date = sentence and vote_date(article, sentence, match.start(), match.end())
        if date:
            frames[0].date, frames[0].date_source = date, "text"
            break
    return frames


def frames_of_kind(article: Article, kind: str, pattern: re.Pattern) -> list[Frame]:
    mentions = [(m, article.sentence_at(m.start())) for m in pattern.finditer(article.folded)
                if not in_a_name(article, m)]
    mentions = [(m, s) for m, s in mentions if s is not None]
    by_date: dict[str, Frame] = {}
    for match, sentence in mentions:
        date = not as_time_bound(article.pack, article.folded, match) and vote_date(
            article, sentence, match.start(), match.end())
        if date and date not in by_date:
            by_date[date] = Frame(kind, [sentence], date=date, date_source="text")
    if by_date:
        return list(by_date.values())
    returned_to = [(m, s) for m, s in mentions if not in_passing(article.pack, article.folded, m)]
    named = len(returned_to) + sum(not in_passing(article.pack, article.title, m)
                                   and not in_quoted_name(article.title, m.start(), m.end())
                                   for m in pattern.finditer(article.title))
    if not returned_to or named < MENTIONS_FOR_UNDATED:
        return []
    return [Frame(kind, [returned_to[0][1]])]


def in_a_name(article: Article, match: re.Match) -> bool:
    """«Адал сайлау» коалициясы, «… сайлау туралы» конституциялық заң: a vote word in the
    quoted name of a body or title of a law names no vote. (The tagger's organisation
    spans are not asked: one that runs over its name would swallow real votes.)"""
    return in_quoted_name(article.folded, match.start(), match.end())


def in_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether start..end lies inside guillemets that hold a name, not speech: a few words."""
    opening = text.rfind("«", 0, start)
    closing = text.find("»", end)
    if opening < 0 or closing < 0 or "»" in text[opening:start] or "«" in text[end:closing]:
        return False
    return len(text[opening + 1:closing].split()) <= NAME_WORDS


def as_time_bound(pack, text: str, match: re.Match) -> bool:
    """«после референдума 15 марта», «15 наурыздағы референдумнан кейін»: the vote as the
    time after or before which the news happened, however dated."""
    before, after = next_to(text, match)
    return bool(pack.vote_bound_before.search(before) or pack.vote_bound_after.search(after))


def in_passing(pack, text: str, match: re.Match) -> bool:
    """«в ходе референдума», «на следующих выборах», «референдумнан кейін»: the vote as the
    time of something else or another vote than the article's, not one it reports."""
    before, after = next_to(text, match)
    return bool(pack.vote_in_passing_before.search(before) or pack.vote_in_passing_after.search(after))


def next_to(text: str, match: re.Match, reach: int = 40) -> tuple[str, str]:
    """The text just before and just after the vote word."""
    return text[max(0, match.start() - reach):match.start()], text[match.end():match.end() + reach]

