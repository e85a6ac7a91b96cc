"""Elections and referendums: one frame per (type, date) an article gives; an undated
vote only when the article keeps coming back to it, its headline included (a single
passing mention, such as a past referendum in a list of reforms, is background; so is
a vote named as the time of something else or as another vote: «после референдума»,
«на следующих выборах»)."""
from __future__ import annotations

import re

from .article import Article
from .frame import Frame
from .when import vote_date

MENTIONS_FOR_UNDATED = 2


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
    mentions = [(m, article.sentence_at(m.start())) for m in pattern.finditer(article.folded)]
    mentions = [(m, s) for m, s in mentions if s is not None]
    by_date: dict[str, Frame] = {}
    for match, sentence in mentions:
        date = vote_date(article, sentence, match.start(), match.end())
        if date and date not in by_date:
            by_date[date] = Frame(kind, [sentence], date=date, date_source="text")
    if by_date:
        return list(by_date.values())
    returned_to = [(m, s) for m, s in mentions if not in_passing(article.pack, article.folded, m)]
    named = len(returned_to) + sum(not in_passing(article.pack, article.title, m)
                                   for m in pattern.finditer(article.title))
    if not returned_to or named < MENTIONS_FOR_UNDATED:
        return []
    return [Frame(kind, [returned_to[0][1]])]


def in_passing(pack, text: str, match: re.Match) -> bool:
    """«в ходе референдума», «на следующих выборах», «референдумнан кейін»: the vote as the
    time of something else or another vote than the article's, not one it reports."""
    before = text[max(0, match.start() - 40):match.start()]
    after = text[match.end():match.end() + 40]
    return bool(pack.vote_in_passing_before.search(before) or pack.vote_in_passing_after.search(after))

