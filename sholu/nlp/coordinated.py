"""Regions that share one noun: «Восточно-Казахстанской и Абайской областей», «в
Павлодарской, Акмолинской и Костанайской областях», «Шығыс Қазақстан және Абай
облыстарында». Each is its own region, named in the nominative with the noun in the
singular («Восточно-Казахстанская область»), when the gazetteer knows it so."""
from __future__ import annotations

from ..lang.kk.morphology import PLURAL_ENDINGS
from .gazetteer import Entry, load_gazetteer
from .models import noun_stems, parses
from .parse import Mention, Parsed

UNIT_NOUNS = frozenset("область район".split())
LINKS = frozenset({",", "и"})
KK_UNIT = "облыс"
KK_LINKS = frozenset({",", "және", "мен"})
KK_NAME_WORDS = 2           # «Шығыс Қазақстан»


def coordinated_regions(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each region of a shared plural noun in place of the places the
    tagger made of the list."""
    found = []
    for token in parsed.tokens:
        noun = plural_unit(token.text)
        if noun is not None:
            found += regions_before(parsed, token.index, noun)
    if not found:
        return mentions
    kept = [m for m in mentions if m.kind != "place" or not any(f.first <= m.last and m.first <= f.last for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


def plural_unit(word: str) -> str | None:
    """«областей», «районах»: the unit noun's lemma, when the word is only its plural."""
    lower = word.lower()
    if not lower.startswith(noun_stems(UNIT_NOUNS)):      # most words: no morphology to ask
        return None
    readings = [p for p in parses(lower) if p.tag.POS == "NOUN" and p.normal_form in UNIT_NOUNS]
    return readings[0].normal_form if readings and all(p.tag.number == "plur" for p in readings) else None


def regions_before(parsed: Parsed, noun: int, lemma: str) -> list[Mention]:
    """Places for the adjectives listed before the noun, if there are two or more and the
    gazetteer knows every one."""
    tokens, index, found = parsed.tokens, noun - 1, []
    while index >= 0 and tokens[index].sentence == tokens[noun].sentence:
        entry = region_named(tokens[index].text, lemma)
        name = entry.name if entry is not None else unit_named(tokens[index].text, lemma, tokens[noun].text)
        if name is None:
            break
        last = noun if not found else index
        found.append(Mention("place", index, last, tokens[index].start, tokens[last].end, name=name,
                             source="rule", entry=entry))
        if index == 0 or tokens[index - 1].text not in LINKS:
            break
        index -= 2
    return found if len(found) >= 2 else []


def unit_named(adjective: str, noun: str, written: str) -> str | None:
    """«Жанасуского» before «… районов» (`written`), a unit the gazetteer lacks: a
    capitalised adjective in the plural noun's case names «Жанасуский район» all the same
    (an ordinal, a pronoun or a quality adjective names none)."""
    if not adjective[:1].isupper() or not adjective[1:].islower():
        return None
    cases = {p.tag.case for p in parses(written.lower()) if p.tag.POS == "NOUN"}
    for parse in parses(adjective.lower()):
        if parse.tag.POS == "ADJF" and parse.tag.case in cases and not {"Apro", "Anum", "Qual"} & parse.tag.grammemes:
            gender = next((p.tag.gender for p in parses(noun) if p.tag.POS == "NOUN"), None)
            inflected = parse.inflect({"nomn", "sing", gender} if gender else {"nomn", "sing"})
            return f"{inflected.word.capitalize()} {noun}" if inflected else None
    return None


def region_named(adjective: str, noun: str) -> Entry | None:
    """The gazetteer's place for «<adjective> <noun>» in the nominative singular."""
    for parse in parses(adjective.lower()):
        if parse.tag.POS == "ADJF":
            gender = next((p.tag.gender for p in parses(noun) if p.tag.POS == "NOUN"), None)
            inflected = parse.inflect({"nomn", "sing", gender} if gender else {"nomn", "sing"})
            entry = load_gazetteer().lookup(f"{inflected.word} {noun}") if inflected else None
            if entry is not None and entry.is_place:
                return entry
    return None


# -------------------------------------------------------------------- Kazakh

def kazakh_coordinated_regions(words: list) -> list[tuple[int, int, Entry]]:
    """(first, last, region) of each name listed before a plural «облыстар…» noun."""
    found = []
    for noun, word in enumerate(words):
        lower = word.text.lower()
        if lower.startswith(KK_UNIT) and lower[len(KK_UNIT):].startswith(PLURAL_ENDINGS):
            found += kazakh_names_before(words, noun)
    return found


def kazakh_names_before(words: list, noun: int) -> list[tuple[int, int, Entry]]:
    found, last = [], noun - 1
    while last >= 0:
        named = kazakh_region_ending_at(words, last)
        if named is None:
            break
        first, entry = named
        found.append((first, noun if not found else last, entry))
        if first == 0 or words[first - 1].text.lower() not in KK_LINKS:
            break
        last = first - 2
    return found if len(found) >= 2 else []


def kazakh_region_ending_at(words: list, last: int) -> tuple[int, Entry] | None:
    for size in range(KK_NAME_WORDS, 0, -1):
        first = last - size + 1
        names = [w.text for w in words[max(first, 0):last + 1]]
        if first < 0 or not all(name[:1].isupper() for name in names):
            continue
        entry = load_gazetteer().lookup(" ".join(names) + " облысы")
        if entry is not None and entry.is_place:
            return first, entry
    return None
