"""Organisation names that hold other names, and what a mention's span covers.

- «Конгресса США», «МЧС России», «Верховный суд Бангладеша»: a body followed by the
  genitive name of its country or city is one organisation; the place stays a place too.
- «правительства Израиля», «власти Таиланда»: a governing body named by its country
  is an organisation, the country a place too.
- «Комитета защиты журналистов (КЗЖ)», «Джоэл Саймон (Joel Simon)»: the name and its
  acronym or Latin spelling in brackets are two mentions, each with its own span (a
  person's Latin spelling is the same person).
- «Овечкин, Фёдоров», «Бахрейн • Барбадос»: a list the tagger read as one name is
  one name each.
- «компания «Газпром»», «ТОО «Казцинк»»: the span is the quoted name, without the
  descriptor or legal form before it and without the quotation marks.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .models import parses
from .parse import Mention, Parsed
from .repair import ACRONYM, CLOSE, OPEN, lemma_in

OWNER_KINDS = ("place", "organization")
LIST_MARKS = frozenset(",;•·")
GOVERNING_NOUNS = frozenset("правительство власть власти администрация руководство парламент "
                            "сборная полиция армия кабмин".split())
EDGE_MARKS = frozenset(",;:•·-–—(")
LATIN_WORD = re.compile(r"^[A-Za-zÀ-ÿ][\w.'-]*$")


def nest_owners(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """Organisations grown over the genitive country, city or body right after them."""
    by_first = {m.first: m for m in mentions if m.kind in OWNER_KINDS}
    for mention in mentions:
        owner = by_first.get(mention.last + 1)
        if mention.kind == "organization" and owner is not None and owns(parsed, mention, owner):
            mention.last, mention.end = owner.last, owner.end
    return mentions


def owns(parsed: Parsed, body: Mention, owner: Mention) -> bool:
    first, last = parsed.tokens[owner.first], parsed.tokens[body.last]
    return (first.sentence == last.sentence and last.text not in CLOSE and first.text not in OPEN
            and (first.case == "Gen" or ACRONYM.match(first.text) is not None)
            and last.pos in ("NOUN", "PROPN"))


def governments(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """«правительство Израиля», «власти Таиланда», «сборная России»: a governing body
    named by its country or city is an organisation (the place stays a place too)."""
    found = []
    for place in mentions:
        before = parsed.tokens[place.first - 1] if place.first > 0 else None
        if place.kind == "place" and before is not None and governs(before, parsed.tokens[place.first]):
            name = f"{nominative(before).capitalize()} {parsed.text[place.start:place.end]}"
            found.append(Mention("organization", before.index, place.last, before.start, place.end,
                                 name=name, source="rule"))
    return mentions + found


def nominative(token) -> str:
    """The noun in the nominative, in the number the tagger read («власти», «правительство»)."""
    number = "plur" if token.feats.get("Number") == "Plur" else "sing"
    reading = next((p for p in parses(token.text.lower()) if p.tag.POS == "NOUN"), None)
    inflected = reading.inflect({"nomn", number}) if reading is not None else None
    return inflected.word if inflected is not None else token.text.lower()


def governs(noun, owner) -> bool:
    return (noun.sentence == owner.sentence and not noun.capitalised and noun.pos == "NOUN"
            and (owner.case == "Gen" or ACRONYM.match(owner.text) is not None)
            and lemma_in(noun.text, GOVERNING_NOUNS))


def split_brackets(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """«Name (ACRONYM)» or «Name (Latin Name)» as two mentions."""
    result = []
    for mention in mentions:
        opening = bracketed_alias(parsed.words(mention))
        if mention.kind == "place" or opening is None:
            result.append(mention)
            continue
        first, last = mention.first + opening + 1, mention.last - 1
        main = replace(mention, last=first - 2, end=parsed.tokens[first - 2].end)
        # a person's bracketed acronym is their organisation («Лонгин Клинский (РПЦ МП)»)
        kind = "organization" if all_acronyms(parsed.tokens[first:last + 1]) else mention.kind
        alias = replace(mention, kind=kind, first=first, last=last, start=parsed.tokens[first].start,
                        end=parsed.tokens[last].end, name="", entry=None, positions=[],
                        same_as=main if kind == "person" else None)
        result += [main, alias]
    return result


def all_acronyms(words) -> bool:
    return all(ACRONYM.match(t.text) for t in words)


def split_lists(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """«Овечкин, Фёдоров», «Бахрейн • Барбадос»: the tagger ran a list of people or
    places into one name; one each."""
    result = []
    for mention in mentions:
        commas = [t.index for t in parsed.words(mention) if t.text in LIST_MARKS]
        if mention.kind == "organization" or not commas:
            result.append(mention)
            continue
        bounds = zip([mention.first] + [c + 1 for c in commas], [c - 1 for c in commas] + [mention.last])
        result += [replace(mention, first=a, last=b, start=parsed.tokens[a].start, end=parsed.tokens[b].end)
                   for a, b in bounds if a <= b]
    return result


def bracketed_alias(words) -> int | None:
    """Where «(» opens an acronym or Latin name closing the words, if it does."""
    if len(words) < 4 or words[-1].text != ")":
        return None
    opening = max((i for i, t in enumerate(words) if t.text == "("), default=0)
    inside = [t.text for t in words[opening + 1:-1]]
    if opening < 1 or not inside or not inside[0][:1].isupper():
        return None
    latin = all(LATIN_WORD.match(word) or word in "-'" for word in inside)
    acronyms = len(inside) <= 2 and all(ACRONYM.match(word) for word in inside)
    return opening if latin or acronyms else None


def name_span(parsed: Parsed, mention: Mention) -> tuple[int, int]:
    """The words that name an organisation: inside its last quotation marks when the
    span ends with them, else the whole span without a bracket or comma at its edges."""
    words = trimmed(parsed.words(mention))
    if not words:
        return mention.start, mention.end
    if mention.kind != "organization" or len(words) < 3 or words[-1].text not in CLOSE:
        return words[0].start, words[-1].end
    opening = max((i for i, t in enumerate(words) if t.text in OPEN), default=None)
    if opening is None or opening == len(words) - 2 or not leads_in(words[:opening]):
        return mention.start, mention.end
    return words[opening + 1].start, words[-2].end


def trimmed(words) -> list:
    """Without unbalanced brackets and list punctuation at either edge («ПАСЕ (»)."""
    words = list(words)
    while words and (words[-1].text in EDGE_MARKS or (words[-1].text == ")" and not any(t.text == "(" for t in words))):
        words.pop()
    while words and (words[0].text in EDGE_MARKS or (words[0].text == "(" and not any(t.text == ")" for t in words))):
        words.pop(0)
    return words


def leads_in(words) -> bool:
    """Only descriptors before the quotes: lowercase words or a legal form (ТОО, АО)."""
    return all(not t.text[:1].isupper() or ACRONYM.match(t.text) for t in words)
