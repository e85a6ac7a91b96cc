"""Who a stretch of text names as the speaker: a person of the article (by name, surname
or a role noun resolved as the nlp stage did), a pronoun or a role noun («глава МИД»,
«премьер») resolved to the last fitting person named before, an organisation
(«пресс-служба ВТБ», «МИД России») or a group or unnamed source («эксперты», «источник в
правительстве») kept as a nominative noun phrase. Mentions are kept sorted, so each
look-up is a bisection, not a walk over the article."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..lang import LanguagePack

MAX_PHRASE_WORDS = 6
SUBJECT_PRONOUNS = {"он": "masc", "она": "femn", "они": "plur"}


@dataclass
class Speaker:
    name: str | None
    entity_id: str | None
    type: str                  # person | organization | group | unknown

    def as_fields(self) -> dict:
        return {"speaker": self.name, "speaker_entity_id": self.entity_id, "speaker_type": self.type}


UNKNOWN = Speaker(None, None, "unknown")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    record: dict
    nominative: bool           # the name as written is its dictionary form («Кан», not «Кана»)


class Mentions:
    """Mentions sorted by start; those inside a window found by bisection."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Mention]:
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.items[first:last] if m.end <= end]

    def last_before(self, position: int) -> Mention | None:
        index = bisect_left(self.starts, position) - 1
        return self.items[index] if index >= 0 else None


class SpeakerFinder:
    """Resolves the speaker phrases of one document."""

    def __init__(self, text: str, persons: list[dict], organizations: list[dict], pack: LanguagePack):
        self.text, self.pack = text, pack
        self.people = Mentions([person_mention(text, p, s, e) for p in persons
                                for s, e in list(p.get("spans", [])) + list(p.get("references", []))])
        self.orgs = Mentions([Mention(s, e, o, True) for o in organizations for s, e in o.get("spans", [])])
        self.by_gender = {gender: Mentions([m for m in self.people.items
                                            if self.gender_of(m.record["name"]) == gender])
                          for gender in ("masc", "femn")}
        self.last_group: Speaker | None = None

    # -- the subject of a verb of saying ----------------------------------------------------

    def subject(self, clause_start: int, verb_start: int, verb_end: int, clause_end: int,
                gender: str | None) -> Speaker:
        """«X заявил, что …», «заявил X, что …», «Он отметил …», «Эксперты считают …»."""
        named = [m for m in self.people.within(clause_start, verb_start) if m.nominative]
        if named:
            return self.person(named[-1].record)
        after = self.people.within(verb_end, clause_end)
        if after:
            return self.person(after[0].record)
        return (self.pronoun(clause_start, verb_start, SUBJECT_PRONOUNS)
                or self.organization(clause_start, verb_start)
                or self.noun_phrase(clause_start, verb_start, gender, subject=True)
                or self.organization(verb_end, clause_end)
                or self.noun_phrase(verb_end, clause_end, gender, subject=True)
                or self.unstated(clause_start, verb_start, gender))

    def named(self, start: int, end: int, gender: str | None = None) -> Speaker:
        """A phrase that names the speaker in any case: «по словам премьера Японии Наото
        Кана», «— сказал он», «как пояснили в милиции»."""
        people = self.people.within(start, end)
        if people:
            return self.person(people[0].record)
        return (self.pronoun(start, end, self.pack.speaker_pronouns)
                or self.organization(start, end)
                or self.noun_phrase(start, end, gender, subject=False)
                or UNKNOWN)

    def label(self, start: int, end: int) -> Speaker | None:
        """An interview line's or headline's «Мустафа Джемилев:» when it names a person."""
        words = {w.lower() for w in self.words(start, end)}
        for mention in self.people.within(start, end):
            return self.person(mention.record)
        for mention in self.people.items:
            if words and words <= {w.lower() for w in mention.record["name"].split()}:
                return self.person(mention.record)
        return None

    # -- kinds of speaker ---------------------------------------------------------------------

    def person(self, record: dict) -> Speaker:
        return Speaker(record["name"], record.get("entity_id"), "person")

    def pronoun(self, start: int, end: int, pronouns) -> Speaker | None:
        for word in self.words(start, end, positions=True):
            gender = pronouns.get(word.group().lower())
            if gender == "plur":
                return self.last_group
            if gender:
                return self.last_person(word.start(), gender)
        return None

    def last_person(self, before: int, gender: str | None, role: str | None = None) -> Speaker | None:
        """The person (of that gender) named last before `before`; for a role noun, one
        whose positions hold it, when one does."""
        if role:
            fitting = self.with_role(before, role)
            if fitting:
                return self.person(fitting)
        mentions = self.by_gender.get(gender) or self.people
        mention = mentions.last_before(before)
        return self.person(mention.record) if mention else None

    def with_role(self, before: int, role: str) -> dict | None:
        stem = role[:5]
        for mention in reversed(self.people.items[:bisect_left(self.people.starts, before)]):
            if any(stem in position.lower() for position in mention.record.get("positions", [])):
                return mention.record
        return None

    def organization(self, start: int, end: int) -> Speaker | None:
        for mention in self.orgs.within(start, end):
            name = phrase_in_nominative(self.words(mention.start, mention.end), self.pack)
            return Speaker(name, None, "organization")
        return None

    def noun_phrase(self, start: int, end: int, gender: str | None, subject: bool) -> Speaker | None:
        """The first noun of the window heads the phrase: a role noun stands for the last
        fitting person, a collective or unnamed source stays a group, an organisation's
        head noun an organisation."""
        words = self.words(start, end)
        for index, word in enumerate(words):
            parse = head_noun(word, self.pack, subject)
            if parse is None:
                continue
            phrase = phrase_in_nominative(words[index:index + MAX_PHRASE_WORDS], self.pack, parse)
            speaker = self.kind_of(parse, phrase, start, gender)
            if speaker:
                return speaker
        return None

    def kind_of(self, parse, phrase: str, position: int, gender: str | None) -> Speaker | None:
        lemma = parse.normal_form
        if lemma in self.pack.organization_nouns:
            return Speaker(phrase, None, "organization")
        plural = "plur" in parse.tag and lemma not in self.pack.organization_nouns
        if plural or lemma in self.pack.source_nouns or lemma in self.pack.group_nouns:
            self.last_group = Speaker(phrase, None, "group")
            return self.last_group
        if "anim" in parse.tag:
            return self.last_person(position, gender if gender in ("masc", "femn") else None, lemma)
        return None

    def unstated(self, start: int, end: int, gender: str | None) -> Speaker:
        """No subject before the verb («Также отметил, что …»): the last person named."""
        if any(w[:1].isupper() for w in self.words(start, end)[1:]):
            return UNKNOWN
        if gender == "plur":
            return self.last_group or UNKNOWN
        return self.last_person(start, gender) or UNKNOWN

    # -- helpers ------------------------------------------------------------------------------

    def words(self, start: int, end: int, positions: bool = False):
        found = self.pack.morphology.WORD.finditer(self.text, start, end)
        return list(found) if positions else [m.group() for m in found]

    def gender_of(self, name: str) -> str:
        return person_gender(name, self.pack.masculine_names_in_a)


def person_mention(text: str, person: dict, start: int, end: int) -> Mention:
    written = re.findall(r"\w+", text[start:end].lower().replace("ё", "е"))
    name = {w.lower().replace("ё", "е") for w in person["name"].split()}
    return Mention(start, end, person, bool(written) and written[-1] in name)


def head_noun(word: str, pack: LanguagePack, subject: bool):
    """The noun reading of `word` (nominative when it must be a subject), or None."""
    for parse in pack.morphology.parses(word.lower())[:2]:
        is_noun = parse.tag.POS == "NOUN" or (parse.tag.POS == "ADJF" and "Subx" in parse.tag)
        if is_noun and (not subject or parse.tag.case == "nomn") and "Name" not in parse.tag:
            return parse
    return None


def phrase_in_nominative(words: list[str], pack: LanguagePack, head=None) -> str:
    """The head noun and the adjectives agreeing with it before it put in the nominative,
    the words after it as written: «делегации ОБСЕ» -> «делегация ОБСЕ»."""
    if not words:
        return ""
    head_index = 0
    if head is None:
        for index, word in enumerate(words):
            if pack.morphology.noun_parse(word) is not None:
                head_index = index
                break
    head = head or pack.morphology.noun_parse(words[head_index])
    if head is None:
        return " ".join(words)
    nominative = pack.morphology.nominative_phrase(words[:head_index + 1], (head.tag.case,))
    first = nominative or " ".join(words[:head_index + 1])
    if words[head_index][:1].isupper() and words[head_index][1:2].isupper():
        first = " ".join(words[:head_index + 1])          # an acronym stays as written («МИД»)
    return " ".join([first] + words[head_index + 1:])


def person_gender(name: str, masculine_names_in_a: tuple[str, ...]) -> str:
    lower = name.lower()
    first = lower.split()[0]
    if re.search(r"(ова|ева|ёва|ина|ына|ая)$", lower) and " " in lower:
        return "femn"
    if first.endswith(("а", "я")) and first not in masculine_names_in_a and " " in lower:
        return "femn"
    return "masc"
