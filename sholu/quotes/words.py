"""What a word can be in a speaker phrase, read from its pymorphy readings: a head noun,
an adjective before it, a dependent after it, a preposition's object; and the phrase put
in the nominative («делегации ОБСЕ» -> «делегация ОБСЕ»)."""
from __future__ import annotations

import re

from ..lang import LanguagePack


def head_noun(word: str, pack: LanguagePack, subject: bool):
    """The noun reading of `word` (nominative when it must be a subject), a person's
    reading first («политика»: a politician, not politics), or None."""
    fitting = [p for p in pack.morphology.parses(word.lower())[:3]
               if (p.tag.POS == "NOUN" or (p.tag.POS in ("ADJF", "PRTF") and "Subx" in p.tag and "Apro" not in p.tag)
                   or (p.tag.POS == "ADJF" and "Apro" in p.tag and "plur" in p.tag and "Anph" not in p.tag))
               and (not subject or p.tag.case == "nomn") and "Name" not in p.tag and "Surn" not in p.tag]
    animate = [p for p in fitting if "anim" in p.tag or "Apro" in p.tag]
    return (animate or fitting or [None])[0]


def only_instrumental(word: str, pack: LanguagePack) -> bool:
    """A word that can be an instrumental and cannot be a nominative («убийцей», «хорошей»):
    the predicate of «назвать X чем», not the first word of a name."""
    cases = {parse.tag.case for parse in pack.morphology.parses(word.lower())}
    return "ablt" in cases and "nomn" not in cases


def names_someone(phrase: str) -> bool:
    """«пользователь ЖЖ zyalt», «представитель Минздрава»: a role tied to a name or a body
    («ветеран футбола», «глава российского государства» describe a person named before)."""
    return any(word[:1].isupper() or re.search(r"[A-Za-z]", word) for word in phrase.split()[1:])


def is_body(word: str, pack: LanguagePack) -> bool:
    """What «источник в …», «наблюдатели от …» attach: an organisation or a name."""
    return word[:1].isupper() or pack.morphology.lemma(word) in pack.organization_nouns


def noun_gender(parse) -> str | None:
    gender = parse.tag.gender
    return str(gender) if gender in ("masc", "femn") else None


def governed(word: str, pack: LanguagePack) -> bool:
    """Whether a word after a preposition may be its object: any word but a noun or an
    adjective that can only be nominative («Вместе с тем глава …»: «глава» is not)."""
    readings = [p for p in pack.morphology.parses(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO")]
    return not readings or any(p.tag.case != "nomn" for p in readings)


def is_plain_noun(word: str, pack: LanguagePack) -> bool:
    return word[:1].isupper() or pack.morphology.parses(word)[0].tag.POS == "NOUN"


def is_preposition(word: str, pack: LanguagePack) -> bool:
    return pack.morphology.parses(word)[0].tag.POS == "PREP"


def is_nominative(word: str, pack: LanguagePack) -> bool:
    return pack.morphology.parses(word.lower())[0].tag.case == "nomn"


def may_be_nominative(word: str, pack: LanguagePack) -> bool:
    """«США», «ООН»: an indeclinable name is every case, the nominative among them."""
    return any(p.tag.case == "nomn" for p in pack.morphology.parses(word.lower()))


def is_first_name(word: str, pack: LanguagePack) -> bool:
    """«Марк рассказал …»: a capitalised first name in the nominative."""
    parse = pack.morphology.parses(word.lower())[0]
    return word[:1].isupper() and "Name" in parse.tag and parse.tag.case == "nomn"


def is_adjective_before(word: str, pack: LanguagePack) -> bool:
    parse = pack.morphology.parses(word.lower())[0]
    return parse.tag.POS in ("ADJF", "PRTF") and "Subx" not in parse.tag


def is_dependent(word: str, pack: LanguagePack) -> bool:
    """A word that belongs to the phrase before it: a genitive, a name, a Latin word."""
    if word[:1].isupper() or re.fullmatch(r"[A-Za-z0-9-]+", word):
        return True
    parse = pack.morphology.parses(word.lower())[0]
    return parse.tag.POS in ("NOUN", "ADJF", "PRTF") and parse.tag.case in ("gent", "loct", "datv")


def phrase_in_nominative(words: list[str], pack: LanguagePack, head_index: int = 0, head=None) -> str:
    """The head noun and the adjectives before it in the nominative, the words after it
    as written: «российских СМИ» -> «российские СМИ», «делегации ОБСЕ» -> «делегация ОБСЕ»."""
    if not words:
        return ""
    head = head or pack.morphology.noun_parse(words[head_index])
    lead = words[:head_index + 1]
    if head is not None and not (words[head_index][1:2].isupper()):
        inflected = (pack.morphology.nominative_phrase(lead, (head.tag.case,)) or " ".join(lead)).split()
        lead = [proper_case(w, was, pack) for w, was in zip(inflected, lead)] if len(inflected) == len(lead) \
            else inflected
    elif head is None or words[head_index][1:2].isupper():
        lead = [inflect_adjective(w, pack) for w in lead[:-1]] + [lead[-1]]
    return " ".join(lead + words[head_index + 1:])


def proper_case(word: str, written: str, pack: LanguagePack) -> str:
    """A proper name keeps its capital in the nominative («Минск», «Южная Корея»); a
    common noun that opened a sentence does not («Эксперты» -> «эксперты»)."""
    if not written[:1].isupper():
        return word
    tags = pack.morphology.parses(written.lower())[0].tag
    proper = any(mark in tags for mark in ("Geox", "Orgn", "Name", "Surn", "Patr", "Abbr"))
    return word[:1].upper() + word[1:] if proper else word


def inflect_adjective(word: str, pack: LanguagePack) -> str:
    """An adjective before an acronym («российских СМИ»): nominative, its number kept."""
    parse = pack.morphology.parses(word.lower())[0]
    wanted = {"nomn"} | ({"plur"} if "plur" in parse.tag else set())
    inflected = parse.inflect(wanted)
    return inflected.word if inflected else word


def person_gender(name: str, masculine_names_in_a: tuple[str, ...]) -> str:
    lower = name.lower()
    first = lower.split()[0]
    if re.search(r"(ова|ева|ёва|ина|ына|ая)$", lower) and " " in lower:
        return "femn"
    if first.endswith(("а", "я")) and first not in masculine_names_in_a and " " in lower:
        return "femn"
    return "masc"
