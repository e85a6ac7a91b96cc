"""Who is who inside one article, and one id per real entity across the corpus.

A bare surname («— отметила Балаева») joins the person with that surname introduced
before; a role noun («— сказала вице-премьер», «подчеркнул депутат») joins the person
last introduced with that role. Ids come from a spelling-tolerant key of the name, so
Тоқаев, Токаев and Tokayev share one.
"""
from __future__ import annotations

from bisect import bisect_left
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import pack_for
from ..lang.kk.morphology import KAZAKH_TO_RUSSIAN
from .models import parses
from .names import surname_key
from .parse import Mention, Parsed

RUSSIAN_PATRONYMIC = re.compile(r"(вич|вна|чна)$", re.IGNORECASE)
RUSSIAN = pack_for("ru")                   # the nlp stage reads Russian (Natasha's models)
ID_PREFIXES = {"person": "per", "organization": "org", "place": "loc"}
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
        add_positions(person, mention.positions)
    people = join_partial_names(people)
    add_role_mentions(parsed, people, titles | mention_tokens(mentions))
    return people


def add_positions(person: Person, positions: list[str]) -> None:
    for position in positions:
        if position not in person.positions:
            person.positions.append(position)


def join_partial_names(people: list[Person]) -> list[Person]:
    """A surname, initials and surname («В В Путин») or a first name and patronymic
    («Владимир Владимирович») joins the one full name of the article it fits, wherever
    in the article either stands (the headline often names a person by surname first)."""
    kept = []
    for person in people:
        full = [other for other in people if other is not person and fits(person.name, other.name)] or \
            [other for other in people if other is not person and misspells(person.name, other.name)]
        if len(full) != 1:
            kept.append(person)
            continue
        full[0].spans += person.spans
        full[0].references += person.references
        add_positions(full[0], person.positions)
    return kept


def is_full_name(name: str) -> bool:
    """A first name (not an initial) and a surname (not a patronymic)."""
    words = name.split()
    return len(words) >= 2 and len(words[0]) > 1 and not RUSSIAN_PATRONYMIC.search(words[-1])


def fits(partial: str, full: str) -> bool:
    """Whether the partial name `partial` can name the person called `full` (both in
    the nominative): same surname (its gender included), initials that match, or the
    same first name with a patronymic."""
    if is_full_name(partial) or not is_full_name(full):
        return False
    short, long = partial.split(), full.split()
    if len(short) == 2 and RUSSIAN_PATRONYMIC.search(short[1]):
        return name_key(short[0]) == name_key(long[0])
    if name_key(short[-1]) != name_key(long[-1]):
        return False
    return len(short) == 1 or name_key(short[0])[:1] == name_key(long[0])[:1]


def misspells(partial: str, full: str) -> bool:
    """A bare surname a letter or two off the full name's («Бонер» for Джон Бенер,
    «Гернстермайер» for Билл Герстенмайер): foreign names are often spelt two ways in
    one article. One edit in a short surname, two in a long one; same first letter."""
    if " " in partial or not is_full_name(full):
        return False
    written, surname = partial.lower(), full.split()[-1].lower()
    if len(written) < 5 or written[0] != surname[0]:
        return False
    return edit_distance(written, surname) <= (1 if len(surname) < 8 else 2)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


def mention_tokens(mentions: list[Mention]) -> set[int]:
    return {index for m in mentions for index in range(m.first, m.last + 1)}


def find_person(people: list[Person], mention: Mention) -> Person | None:
    full = name_key(mention.name)
    for person in people:
        if name_key(person.name) == full:
            return person
    if " " in mention.name:
        return None
    fitting = [p for p in people if fits(mention.name, p.name)]
    if fitting:
        return fitting[-1]
    # a surname whose gender came out wrong («Кожалиев» for Кожалиева) still joins the
    # article's only full name with that surname
    same_surname = [p for p in people if p.key == surname_key(mention.name) and " " in p.name]
    return same_surname[0] if len(same_surname) == 1 else None


def new_person(people: list[Person], mention: Mention) -> Person:
    person = Person(mention.name)
    people.append(person)
    return person


def add_role_mentions(parsed: Parsed, people: list[Person], taken: set[int]) -> None:
    """A singular role noun outside any name's title refers to the last person
    introduced with that role."""
    by_intro = sorted(people, key=introduced)
    parts = {id(person): position_parts(person) for person in by_intro}
    holders = {}            # lemma -> (starts, people) of those holding it: one scan per role
    for token in parsed.tokens:
        if token.index in taken or token.pos != "NOUN" or token.feats.get("Number") == "Plur":
            continue
        lemma = parses(token.text.lower())[0].normal_form
        if lemma in RUSSIAN.generic_roles:
            continue
        if lemma not in holders:
            wanted = RUSSIAN.role_synonyms.get(lemma, (lemma,))
            found = [person for person in by_intro if holds(parts[id(person)], wanted)]
            holders[lemma] = ([introduced(person) for person in found], found)
        starts, found = holders[lemma]
        before = bisect_left(starts, token.start)
        if before:
            found[before - 1].references.append((token.start, token.end))


def introduced(person: Person) -> int:
    return min(start for start, _ in person.spans)


def position_parts(person: Person) -> list[str]:
    return [part for p in person.positions for part in p.lower().split(" – ")]


def holds(parts: list[str], roles: tuple[str, ...]) -> bool:
    """A part of a position is headed by the role (word for word, not a prefix)."""
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
