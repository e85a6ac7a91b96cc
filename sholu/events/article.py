"""What the events stage reads of a document, indexed by offset: sentences and the
mentions of people, organisations, places and dates that the nlp stage found."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lang import LanguagePack, stage_pack
from .sentences import Sentence, fold, split_sentences


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str                  # normalised name (or resolved date for dates)
    record: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Article:
    text: str                  # as the document has it: what frames quote
    folded: str                # the same with ё as е, what patterns search; same offsets
    published: str | None
    sentences: list[Sentence]
    persons: list[Mention]
    organizations: list[Mention]
    places: list[Mention]
    dates: list[Mention]
    quotes: list[dict]
    pack: LanguagePack         # the words and morphology of the article's language

    @classmethod
    def from_doc(cls, doc) -> "Article":
        text = doc.text or ""
        return cls(text, fold(text), doc.published, split_sentences(text),
                   person_mentions(doc.persons), span_mentions(doc.organizations),
                   span_mentions(doc.places), date_mentions(doc.dates), list(doc.quotes or []),
                   stage_pack(doc.language))

    def within(self, mentions: list[Mention], start: int, end: int) -> list[Mention]:
        return [m for m in mentions if start <= m.start and m.end <= end]

    def inside_organization(self, mention: Mention) -> bool:
        """«акимат Алматы», «Усть-Каменогорский металлургический комплекс»: a place
        named inside an organisation's name is not where anything happened."""
        return any(o.start <= mention.start and mention.end <= o.end for o in self.organizations)


def span_mentions(records: list[dict]) -> list[Mention]:
    found = [Mention(s, e, r["name"], r) for r in records for s, e in r.get("spans", [])]
    return sorted(found, key=lambda m: m.start)


def person_mentions(records: list[dict]) -> list[Mention]:
    """Names and the role nouns or pronouns the nlp stage resolved to a person."""
    found = [Mention(s, e, r["name"], r) for r in records
             for s, e in list(r.get("spans", [])) + list(r.get("references", []))]
    return sorted(found, key=lambda m: m.start)


def date_mentions(records: list[dict]) -> list[Mention]:
    found = [Mention(r["start"], r["end"], r["date"], r) for r in records
             if r.get("date") and r.get("start") is not None]
    return sorted(found, key=lambda m: m.start)
