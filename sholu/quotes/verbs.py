"""Words of saying: whether a word is one (a verb, or a stance adjective such as
«уверен»), its dictionary form, and the speaker's gender it shows."""
from __future__ import annotations

from functools import lru_cache

SPEECH_POS = ("VERB", "INFN", "GRND", "PRTS", "ADJS")


@lru_cache(maxsize=20000)
def is_speech_word(word: str, pack) -> bool:
    return any(p.normal_form in pack.speech_verbs and p.tag.POS in SPEECH_POS
               for p in pack.morphology.parses(word.lower()))


@lru_cache(maxsize=20000)
def is_speech_participle(word: str, pack) -> bool:
    """«Директор школы, сообщившая, что …»: an active participle of a verb of saying, whose
    «что» clause is its noun's statement."""
    return any(p.normal_form in pack.speech_verbs and p.tag.POS == "PRTF" and "actv" in p.tag
               for p in pack.morphology.parses(word.lower()))


@lru_cache(maxsize=20000)
def is_intent_verb(word: str, pack) -> bool:
    return any(p.normal_form in pack.intent_verbs and p.tag.POS == "VERB"
               for p in pack.morphology.parses(word.lower()))


@lru_cache(maxsize=20000)
def is_naming_verb(word: str, pack) -> bool:
    """«назвал», «назвав», «считает»: a verb that calls something something, in a form
    that has a subject (not «названа», «называемых», «назвать»)."""
    return any(p.normal_form in pack.naming_verbs and p.tag.POS in ("VERB", "GRND")
               for p in pack.morphology.parses(word.lower()))


@lru_cache(maxsize=20000)
def speech_lemma(word: str, pack) -> str:
    for parse in pack.morphology.parses(word.lower()):
        if parse.normal_form in pack.speech_verbs or parse.normal_form in pack.intent_verbs or \
                parse.normal_form in pack.naming_verbs:
            return parse.normal_form
    return pack.morphology.dictionary_form(word)


def verb_gender(word: str, pack) -> str | None:
    """masc | femn | plur from a past-tense verb or short adjective; None otherwise."""
    for parse in pack.morphology.parses(word.lower()):
        if parse.tag.POS in ("VERB", "ADJS", "PRTS"):
            if "plur" in parse.tag:
                return "plur"
            return str(parse.tag.gender) if parse.tag.gender else None    # a plain str compares safely
    return None


def is_passive(word: str, pack) -> bool:
    """«Было подчеркнуто, что …» names no speaker: not a quote."""
    first = pack.morphology.parses(word.lower())[:1]
    return any(p.tag.POS == "PRTS" and "neut" in p.tag for p in first)


def is_infinitive(word: str, pack) -> bool:
    return pack.morphology.parses(word.lower())[0].tag.POS == "INFN"


def is_first_person(word: str, pack) -> bool:
    """«Напомним, что …»: the author speaking, not a source."""
    return "1per" in pack.morphology.parses(word.lower())[0].tag


def is_future(word: str, pack) -> bool:
    """«Нам ответят, что …», «скажут, что …»: what someone may say, not what was said."""
    verbs = [p for p in pack.morphology.parses(word.lower()) if p.tag.POS == "VERB"]
    return bool(verbs) and all("futr" in p.tag for p in verbs)      # not «считаем» (also present)


def is_finite(word: str, pack) -> bool:
    return pack.morphology.parses(word.lower())[0].tag.POS in ("VERB", "ADJS", "PRTS")
