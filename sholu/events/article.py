"""What the events stage reads of a document, indexed by offset: sentences and the
mentions of people, organisations, places and dates that the nlp stage found. Every
lookup by offset is a binary search, so the stage's work grows with the article."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..lang import LanguagePack, stage_pack
from .sentences import Sentence, fold, split_sentences


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str                  # normalised name (or resolved date for dates)
    record: dict = field(default_factory=dict, compare=False, hash=False)


class ByStart(list):
    """Items sorted by their start (`start` of a record, or `starts_at(item)`);
    `from_to` finds those starting in a stretch."""

    def __init__(self, items=(), starts_at=lambda item: item.start):
        super().__init__(sorted(items, key=starts_at))
        self.starts = [starts_at(item) for item in self]
        self.longest = max((getattr(item, "end", 0) - starts_at(item) for item in self), default=0)

    def from_to(self, start: int, end: int) -> list:
        """Items with start <= item.start < end (or == end for an empty stretch's mark)."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, first)
        return self[first:last]

    def last_from(self, offset: int):
        """The last item starting at or before `offset`."""
        i = bisect_right(self.starts, offset)
        return self[i - 1] if i else None


@dataclass
class Article:
    text: str                  # as the document has it: what frames quote
    folded: str                # the same with ё as е, what patterns search; same offsets
    published: str | None
    sentences: ByStart         # of Sentence
    persons: ByStart           # of Mention, and likewise below
    organizations: ByStart
    places: ByStart
    dates: ByStart
    quotes: ByStart            # of the quotes stage's dicts
    pack: LanguagePack         # the words and morphology of the article's language
    title: str = ""            # the headline, folded as `folded` is

    @classmethod
    def from_doc(cls, doc) -> "Article":
        text = doc.text or ""
        return cls(text, fold(text), doc.published, ByStart(split_sentences(text)),
                   person_mentions(doc.persons), span_mentions(doc.organizations),
                   span_mentions(doc.places), date_mentions(doc.dates),
                   ByStart([q for q in doc.quotes or [] if not q.get("in_title")],    # offsets into the title
                           starts_at=lambda q: q.get("start") or 0),
                   stage_pack(doc.language), fold(doc.title or ""))

    def within(self, mentions: ByStart, start: int, end: int) -> list[Mention]:
        return [m for m in mentions.from_to(start, end + 1) if m.end <= end]

    def sentences_from(self, start: int, end: int) -> list[Sentence]:
        """The sentences that begin between `start` and `end`."""
        return self.sentences.from_to(start, end)

    def sentence_at(self, offset: int) -> Sentence | None:
        last = self.sentences.last_from(offset)
        return last if last is not None and last.holds(offset) else None

    def quotes_from(self, start: int, end: int) -> list[dict]:
        return self.quotes.from_to(start, end)

    @cached_property
    def person_by_name(self) -> dict[str, Mention]:
        return {m.name: m for m in self.persons}

    def inside_organization(self, mention: Mention) -> bool:
        """«акимат Алматы», «Усть-Каменогорский металлургический комплекс»: a place
        named inside an organisation's name is not where anything happened."""
        around = self.organizations.from_to(mention.start - self.organizations.longest, mention.start + 1)
        return any(mention.end <= o.end for o in around)


def span_mentions(records: list[dict]) -> ByStart:
    return ByStart(Mention(s, e, r["name"], r) for r in records for s, e in r.get("spans", []))


def person_mentions(records: list[dict]) -> ByStart:
    """Names and the role nouns or pronouns the nlp stage resolved to a person."""
    return ByStart(Mention(s, e, r["name"], r) for r in records
                   for s, e in list(r.get("spans", [])) + list(r.get("references", [])))


def date_mentions(records: list[dict]) -> ByStart:
    return ByStart(Mention(r["start"], r["end"], r["date"], r) for r in records
                   if r.get("date") and r.get("start") is not None)
