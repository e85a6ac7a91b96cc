"""A body named as the speaker in Kazakh: «Министрліктің баспасөз қызметі … хабарлады»,
«Облыс әкімдігінің баспасөз қызметінің хабарлауынша, …». A Kazakh noun phrase ends in its
head, the words before it are its genitives and attributes, and only the head takes the
case: the phrase in the nominative is the head without its case ending. A shorter phrase
(«Баспасөз қызметінің хабарлауынша») means the longer one the article wrote before it,
when it did («облыс әкімдігінің баспасөз қызметіне сілтеме жасап»)."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice

from .morphology import (GENITIVE_ENDINGS, base_forms, has_case_ending, is_common_word, is_speech_verb, stem, strip_case,
                         vocabulary)

# Nouns that head the name of a body (written in the nominative; matched by stem, with or
# without the possessive: министрлігі, қызметі, департаменті).
BODY_NOUNS = frozenset("""қызмет министрлік әкімдік ведомство комиссия комитет агенттік үкімет
    парламент мәжіліс сенат кеңес партия кәсіподақ басқарма департамент прокуратура сот полиция
    штаб елшілік қор ұйым коалиция федерация палата банк компания корпорация кеңсе аппарат
    басылым телеарна академия университет институт мекеме кәсіпорын зауыт комбинат холдинг
    акционерлік серіктестік""".split())
# Words naming a body's level, not a proper name: «облыстық мәслихат» opening a sentence is
# still «облыстық мәслихат»; «облыс әкімдігі» is a region's akimat.
TERRITORIAL_WORDS = frozenset("облыстық қалалық аудандық облыс қала аудан".split())
# Words before a head that belong to the sentence, not the name: when, how, and links.
CIRCUMSTANCES = frozenset("""кеше бүгін ертең биыл былтыр жақында қазір сондай-ақ алайда ал
    осы сол бұл және де да та те мен енді тағы әрі""".split())
MAX_WORDS = 8
TOKEN = re.compile(r"[^\s,;:.!?()]+")
LATIN = re.compile(r"[A-Za-z]")
# Between two words of one phrase there is no punctuation: «… өткізді. Коалиция» is two sentences.
PHRASE_BREAK = re.compile(r"[,;:.!?()\n]")


def body_speaker(text: str, start: int, end: int, bodies: list[tuple[int, int]]) -> str | None:
    """The body whose phrase ends `text[start:end]`, in the nominative, or None when the
    last word is no body (`bodies`: the article's organisation mentions, sorted)."""
    words = list(TOKEN.finditer(text, start, end))
    if not words or not heads_a_body(words[-1], bodies):
        return None
    first = phrase_start(words, len(words) - 1, bodies)
    phrase = words[first:]
    if not any(inside(word, bodies) for word in phrase):
        longer = longer_phrase_before(text, start, [stem_of(w.group()) for w in phrase], bodies)
        if longer:
            return longer
    return in_nominative(text, phrase, bodies)


def heads_a_body(word: re.Match, bodies: list[tuple[int, int]]) -> bool:
    return is_body_noun(word.group()) or inside(word, bodies)


def is_body_noun(word: str) -> bool:
    """«қызметінің», «министрлігі», «департаментінің»: a body noun under its endings."""
    return not base_forms(word).isdisjoint(BODY_NOUNS)


def phrase_start(words: list[re.Match], head: int, bodies: list[tuple[int, int]]) -> int:
    """The index of the phrase's first word: genitives and bare attributes before the head,
    a named body whole; not a word of circumstance, a number, a Latin word or a verb, nor
    one behind a punctuation mark."""
    first = head
    while first > 0 and head - first < MAX_WORDS - 1:
        word = words[first - 1]
        lower = word.group().lower().strip("«»\"")
        body = body_of(word, bodies)
        if body is not None and (body == body_of(words[first], bodies) or lower.endswith(GENITIVE_ENDINGS)):
            first -= 1                 # the same name, or another body's in the genitive
            continue
        if lower in CIRCUMSTANCES or not lower.replace("-", "").isalpha() or LATIN.search(lower) or \
                is_speech_verb(lower) or PHRASE_BREAK.search(word.string, word.end(), words[first].start()):
            break
        if has_case_ending(lower) and not lower.endswith(GENITIVE_ENDINGS):
            break                      # «Астанада», «жиналысқа»: a circumstance, not an attribute
        first -= 1
    return first


def inside(word: re.Match, bodies: list[tuple[int, int]]) -> bool:
    return body_of(word, bodies) is not None


def body_of(word: re.Match, bodies: list[tuple[int, int]]) -> int | None:
    """The index of the organisation mention the word is part of, or None."""
    index = bisect_right(bodies, (word.start(), float("inf"))) - 1
    return index if index >= 0 and bodies[index][0] <= word.start() < bodies[index][1] else None


def in_nominative(text: str, phrase: list[re.Match], bodies: list[tuple[int, int]]) -> str:
    """The phrase as written with its head's case ending cut; a common word opening it
    lower-cased («Баспасөз қызметі» at a sentence's start is «баспасөз қызметі»)."""
    head = phrase[-1].group()
    name = text[phrase[0].start():phrase[-1].start()] + head[:len(strip_case(head.lower(), vocabulary()))]
    if is_common_word(phrase[0].group()) and (not inside(phrase[0], bodies) or is_territorial(phrase[0].group())):
        name = name[:1].lower() + name[1:]
    return name


def is_territorial(word: str) -> bool:
    return not base_forms(word).isdisjoint(TERRITORIAL_WORDS)


def stem_of(word: str) -> str:
    return stem(word.lower().strip("«»\""))


def longer_phrase_before(text: str, start: int, stems: list[str], bodies: list[tuple[int, int]]) -> str | None:
    """The nearest phrase before `start` that ends in the same words (any case) and says
    more: the body the short phrase stands for."""
    words = list(TOKEN.finditer(text, 0, start))
    before = [stem_of(word.group()) for word in words]
    for last in range(len(words) - 1, len(stems) - 2, -1):
        if before[last - len(stems) + 1:last + 1] != stems:
            continue
        first = phrase_start(words, last, bodies)
        if last - first + 1 > len(stems):
            return in_nominative(text, words[first:last + 1], bodies)
    return None


HEAD_REACH = 3               # words after a body's genitive up to the head of its phrase


def head_after(text: str, end: int, limit: int) -> int | None:
    """«Облыстық сотының баспасөз қызметі … хабарлады»: a body's name in the genitive, then
    lower-case attributes and a body noun in the nominative, the head of the phrase (the
    court's press service): where that head ends, or None."""
    if not text[max(0, end - 4):end].lower().endswith(GENITIVE_ENDINGS):
        return None
    for word in islice(TOKEN.finditer(text, end, limit), HEAD_REACH):
        written = word.group()
        if not written.isalpha() or not written.islower() or has_case_ending(written):
            return None
        if is_body_noun(written):
            return word.end()
    return None
