"""Who a stretch of text names as the speaker: a person of the article (by name, surname
or role noun, as the nlp stage resolved them), a pronoun («он», «она», «по ее словам»)
resolved to the last person of that gender, or a group («участники встречи», «спикеры»)
kept as written and marked as a group."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import LanguagePack


@dataclass
class Speaker:
    name: str | None
    entity_id: str | None
    type: str                  # person | group | unknown

    def as_fields(self) -> dict:
        return {"speaker": self.name, "speaker_entity_id": self.entity_id, "speaker_type": self.type}


UNKNOWN = Speaker(None, None, "unknown")


class SpeakerFinder:
    """Resolves speaker phrases of one document, remembering who spoke last."""

    def __init__(self, text: str, persons: list[dict], pack: LanguagePack):
        self.text = text
        self.persons = persons
        self.pack = pack
        self.spoke: list[tuple[int, dict]] = []     # (offset, person) of resolved statements
        self.last_group: Speaker | None = None

    def resolve(self, start: int, end: int, verb_gender: str | None) -> Speaker:
        """The speaker named in text[start:end], a window next to the verb of saying."""
        person = self.person_in(start, end)
        if person is None:
            person = self.pronoun_in(start, end, verb_gender)
        if isinstance(person, Speaker):
            return person
        if person is not None:
            self.spoke.append((start, person))
            return Speaker(person["name"], person["entity_id"], "person")
        return self.group_in(start, end) or UNKNOWN

    def person_in(self, start: int, end: int) -> dict | None:
        """The person whose name or role noun in the window stands nearest its end."""
        best, best_start = None, -1
        for person in self.persons:
            for s, e in person["spans"] + person.get("references", []):
                if start <= s and e <= end and s > best_start:
                    best, best_start = person, s
        return best

    def pronoun_in(self, start: int, end: int, verb_gender: str | None):
        for match in self.pack.morphology.WORD.finditer(self.text, start, end):
            gender = self.pack.speaker_pronouns.get(match.group().lower())
            if gender == "plur":
                return self.last_group
            if gender:
                return self.last_person(match.start(), gender)
        return None

    def last_person(self, before: int, gender: str) -> dict | None:
        """The person of that gender named or quoted last before the pronoun."""
        seen = [(s, p) for p in self.persons for s, _ in p["spans"] + p.get("references", [])]
        seen += self.spoke
        fitting = [(s, p) for s, p in seen if s < before and self.gender_of(p["name"]) == gender]
        return max(fitting, key=lambda item: item[0])[1] if fitting else None

    def group_in(self, start: int, end: int) -> Speaker | None:
        """«Участники встречи отметили», «по словам спикеров»: a collective speaker."""
        morphology = self.pack.morphology
        for match in morphology.WORD.finditer(self.text, start, end):
            parse = morphology.parses(match.group().lower())[0]
            collective = "plur" in parse.tag or parse.normal_form == "коллектив"
            if parse.normal_form in self.pack.group_nouns and collective:
                phrase = group_phrase(self.text, match.start(), end, self.pack)
                self.last_group = Speaker(phrase, None, "group")
                return self.last_group
        return None

    def gender_of(self, name: str) -> str:
        return person_gender(name, self.pack.masculine_names_in_a)


def group_phrase(text: str, start: int, end: int, pack: LanguagePack) -> str:
    """The group noun in the nominative plus the words after it up to the verb."""
    words = text[start:end].strip(" ,.:;–—-").split()
    head = pack.morphology.parses(words[0].lower())[0]
    nominative = head.inflect({"nomn"}) if "plur" in head.tag else head.inflect({"nomn", "sing"})
    first = nominative.word if nominative else words[0].lower()
    return " ".join([first] + words[1:])


def person_gender(name: str, masculine_names_in_a: tuple[str, ...]) -> str:
    lower = name.lower()
    first = lower.split()[0]
    if re.search(r"(ова|ева|ёва|ина|ына|ая)$", lower) and " " in lower:
        return "femn"
    if first.endswith(("а", "я")) and first not in masculine_names_in_a and " " in lower:
        return "femn"
    return "masc"
