"""Who is who inside one article, and one id per real entity across the corpus.

A bare surname («— отметила Балаева») joins the person with that surname introduced
before; a role noun («— сказала вице-премьер», «подчеркнул депутат») joins the person
last introduced with that role. Ids come from a spelling-tolerant key of the name, so
Тоқаев, Токаев and Tokayev share one.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import pack_for
from .models import parses
from .names import surname_key
from .parse import Mention, Parsed

RUSSIAN = pack_for("ru")                   # the nlp stage reads Russian (Natasha's models)
ID_PREFIXES = {"person": "per", "organization": "org", "place": "loc"}
KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
LATIN_DIGRAPHS = (("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
                  ("ts", "ц"), ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("ye", "е"))
LATIN_LETTERS = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "у", "x": "кс", "y": "и", "z": "з",
}


@dataclass
class Person:
    name: str
    positions: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)         # the name
    references: list[tuple[int, int]] = field(default_factory=list)    # role nouns

    @property
    def key(self) -> str:
        return surname_key(self.name)


def resolve_people(parsed: Parsed, mentions: list[Mention], titles: set[int]) -> list[Person]:
    """People of one article; `titles` are the token indexes of title phrases."""
    people: list[Person] = []
    for mention in mentions:
        person = find_person(people, mention) or new_person(people, mention)
        person.spans.append((mention.start, mention.end))
        for position in mention.positions:
            if position not in person.positions:
                person.positions.append(position)
    add_role_mentions(parsed, people, titles | mention_tokens(mentions))
    return people


def mention_tokens(mentions: list[Mention]) -> set[int]:
    return {index for m in mentions for index in range(m.first, m.last + 1)}


def find_person(people: list[Person], mention: Mention) -> Person | None:
    full = name_key(mention.name)
    for person in people:
        if name_key(person.name) == full:
            return person
    if " " in mention.name:
        return None
    same_surname = [p for p in people if p.key == surname_key(mention.name) and " " in p.name]
    return same_surname[-1] if same_surname else None


def new_person(people: list[Person], mention: Mention) -> Person:
    person = Person(mention.name)
    people.append(person)
    return person


def add_role_mentions(parsed: Parsed, people: list[Person], taken: set[int]) -> None:
    """A singular role noun outside any name's title refers to the last person
    introduced with that role."""
    for token in parsed.tokens:
        if token.index in taken or token.pos != "NOUN" or token.feats.get("Number") == "Plur":
            continue
        lemma = parses(token.text.lower())[0].normal_form
        if lemma in RUSSIAN.generic_roles:
            continue
        holder = last_holder(people, lemma, token.start)
        if holder is not None:
            holder.references.append((token.start, token.end))


def last_holder(people: list[Person], lemma: str, before: int) -> Person | None:
    wanted = RUSSIAN.role_synonyms.get(lemma, (lemma,))
    best, best_start = None, -1
    for person in people:
        introduced = min(start for start, _ in person.spans)
        if introduced < before and introduced > best_start and holds(person, wanted):
            best, best_start = person, introduced
    return best


def holds(person: Person, roles: tuple[str, ...]) -> bool:
    """A part of a position is headed by the role (word for word, not a prefix)."""
    parts = [part for p in person.positions for part in p.lower().split(" – ")]
    return any(part == role or part.startswith(role + " ") for part in parts for role in roles)


@lru_cache(maxsize=50_000)
def name_key(name: str) -> str:
    """Spelling-tolerant: case, ё, Kazakh letters, Latin transliteration, soft signs."""
    text = name.lower().replace("ё", "е").translate(KAZAKH_TO_RUSSIAN)
    for latin, cyrillic in LATIN_DIGRAPHS:
        text = text.replace(latin, cyrillic)
    text = "".join(LATIN_LETTERS.get(ch, ch) for ch in text)
    text = re.sub(r"[ьъ]", "", text).replace("й", "и").replace("ы", "и").replace("э", "е")
    text = re.sub(r"(?<=[аеиоуюя])и(?=[аеиоуюя])", "", text)   # Tokayev → токаев
    text = re.sub(r"(^|\s)и(?=[аеоуюя])", r"\1", text)          # Yerlan → ерлан
    return re.sub(r"(.)\1", r"\1", text)                        # Kassym → касым


def entity_id(kind: str, name: str) -> str:
    key = name_key(name) if kind == "person" else re.sub(r"[«»\"“”„]", "", name.lower().replace("ё", "е"))
    digest = hashlib.blake2b(f"{kind}:{key}".encode("utf-8"), digest_size=6).hexdigest()
    return f"{ID_PREFIXES[kind]}:{digest}"
