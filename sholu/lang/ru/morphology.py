"""Russian morphology (pymorphy): the one tokeniser, lemmas, and putting a short noun
phrase as written in a sentence («с трудовым коллективом», «в цехе») back into the
nominative («трудовой коллектив», «цех»). pymorphy loads on the first word analysed."""
from __future__ import annotations

import re
from functools import lru_cache
from os.path import commonprefix

# A word: letters or digits, hyphenated parts kept together («Усть-Каменогорск», «1-го»).
WORD = re.compile(r"\w+(?:-\w+)*")
# A word of letters only, for comparing meanings (numbers and codes carry no theme).
LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
NOUN_TAGS = ("NOUN",)
ADJECTIVE_TAGS = ("ADJF", "PRTF")


@lru_cache(maxsize=1)
def morph():
    """pymorphy's analyser, for lemmas and inflection, over the Russian dictionary named
    by its path: pymorphy looking for installed dictionaries imports pkg_resources and
    scans every package's entry points (half a second of each start)."""
    import pymorphy2
    import pymorphy2_dicts_ru

    fit_pymorphy_to_python_311()
    return pymorphy2.MorphAnalyzer(path=pymorphy2_dicts_ru.get_path(), lang="ru")


def fit_pymorphy_to_python_311() -> None:
    """pymorphy2 0.9 reads its units' parameters with `inspect.getargspec`, gone since
    Python 3.11; Natasha's yargy replaces that reader when imported, and a process that
    lemmatises without Natasha (`sholu search`) must do the same."""
    from inspect import getfullargspec

    from pymorphy2.units.base import BaseAnalyzerUnit

    def parameter_names(unit) -> list[str]:
        return [] if unit.__init__ is object.__init__ else sorted(getfullargspec(unit.__init__).args[1:])

    BaseAnalyzerUnit._get_param_names = classmethod(parameter_names)


@lru_cache(maxsize=300_000)
def parses(word: str) -> tuple:
    """pymorphy's readings of a word, remembered: the same words come back in every
    article, and parsing was most of the nlp stage's time."""
    return tuple(morph().parse(word))


@lru_cache(maxsize=100_000)
def inflect(parse, grammemes: frozenset):
    """pymorphy's inflection of a reading, remembered: names come back in every article,
    and building a word's lexeme to inflect it is slow."""
    return parse.inflect(grammemes)


@lru_cache(maxsize=None)
def noun_stems(nouns: frozenset[str]) -> tuple[str, ...]:
    """What every form of each noun begins with («област» of «область»): pymorphy reads
    a word as a form of one of them only if it begins so, so a rule looking for them
    asks pymorphy of those words alone, not of every word of an article."""
    return tuple(commonprefix([form.word for reading in parses(noun)
                               if reading.tag.POS == "NOUN" and reading.normal_form == noun
                               for form in reading.lexeme]) for noun in sorted(nouns))


def fold_yo(text: str) -> str:
    return text.replace("ё", "е")


def dictionary_form(word: str) -> str:
    """The likeliest reading's dictionary form, ё as the dictionary writes it."""
    return parses(word.lower())[0].normal_form


def lemma(word: str) -> str:
    """The dictionary form with ё as е, the form words are compared in."""
    return fold_yo(dictionary_form(word))


def word_count(text: str) -> int:
    """Words, each part of a hyphenated word counted («Усть-Каменогорск» is two)."""
    return sum(match.group().count("-") + 1 for match in WORD.finditer(text))


# --- nouns and adjectives ----------------------------------------------------------------

def noun_parse(word: str, cases: tuple[str, ...] = ()):
    """The word's noun reading, preferring one in the given cases."""
    readings = [p for p in parses(word.lower()) if is_noun(p)]
    preferred = [p for p in readings if p.tag.case in cases]
    return (preferred or readings or [None])[0]


def is_noun(parse) -> bool:
    """A noun, or an adjective used as one («служащие», «рабочие»)."""
    return parse.tag.POS in NOUN_TAGS or (parse.tag.POS == "ADJF" and "Subx" in parse.tag)


def is_adjective(word: str) -> bool:
    return any(p.tag.POS in ADJECTIVE_TAGS for p in parses(word.lower()))


def agreeing_adjective(word: str, head):
    """The word's adjective reading that agrees with the head noun, if it has one."""
    for parse in parses(word.lower()):
        if (parse.tag.POS in ADJECTIVE_TAGS and parse.tag.case == head.tag.case
                and parse.tag.number == head.tag.number
                and (head.tag.number == "plur" or parse.tag.gender in (None, head.tag.gender))):
            return parse
    return None


def nominative(parse, head) -> str:
    wanted = {"nomn", head.tag.number or "sing"}
    if parse.tag.POS in ADJECTIVE_TAGS and head.tag.number != "plur" and head.tag.gender:
        wanted.add(head.tag.gender)
    inflected = parse.inflect(wanted)
    return inflected.word if inflected else parse.word


def nominative_phrase(words: list[str], cases: tuple[str, ...] = ()) -> str | None:
    """Adjectives then a head noun (the last word) in the nominative; None when the last
    word is not a noun."""
    head = noun_parse(words[-1], cases) if words else None
    if head is None:
        return None
    adjectives = [agreeing_adjective(word, head) for word in words[:-1]]
    if any(a is None for a in adjectives):
        return None
    return " ".join([nominative(a, head) for a in adjectives] + [nominative(head, head)])
