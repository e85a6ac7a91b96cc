"""Kazakh morphology without a dictionary: Kazakh glues case, possessive and plural
endings onto an unchanging stem (Астана-да, Тоқаев-қа, Конституция-ның), so stripping
known endings from the right gives a stem good enough to compare words by (search,
names, places) and to feed the NER model. The same tokeniser as Russian."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"\w+(?:-\w+)*")
LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LETTERS = "а-яёәіңғүұқөһА-ЯЁӘІҢҒҮҰҚӨҺ"
KAZAKH_LETTERS = frozenset("әғқңөұүһі")   # letters Russian lacks (lowercase)
# each as Russian spelling writes it (Тоқаев → Токаев, Сәрсенова → Сарсенова)
KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
MIN_STEM = 3                # «Ақ-қа» must not lose its stem: a stem keeps at least this many letters


def longest_first(words: str) -> tuple[str, ...]:
    return tuple(sorted(words.split(), key=len, reverse=True))


# Endings in the order they follow each other on a word (plural, possessive, case),
# longest first inside each group; stripping runs right to left over the groups.
CASE_ENDINGS = longest_first("""
    ның нің дың дің тың тің
    ға ге қа ке
    ны ні ды ді ты ті
    да де та те
    нан нен дан ден тан тен
    мен бен пен менен бенен пенен
    дағы дегі тағы тегі
    """)
GENITIVE_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің")
# After a possessive -ы/-і the case endings start with н (облысы-нда, Тоқаевы-на, облысы-н);
# elsewhere these letters are part of the word (Астана, Ерлан), so they need that vowel.
AFTER_POSSESSIVE = longest_first("на не нда нде ндағы ндегі н")
POSSESSIVE_ENDINGS = longest_first("ымыз іміз мыз міз ыңыз іңіз ңыз ңіз сы сі ы і ым ім ың ің")
PLURAL_ENDINGS = longest_first("лар лер дар дер тар тер")
# A Russian loanword ending in -а or -я takes the possessive -сы (коалиция-сы, палата-сы).
LOANWORD_POSSESSIVES = ("ясы", "ясі", "асы")


# A final к, қ, п turns voiced before a vowel ending (министрлік -> министрлігі, кітап -> кітабы).
VOICED_TO_PLAIN = {"г": "к", "ғ": "қ", "б": "п"}
# A Russian loanword's soft sign goes before a Kazakh ending («слесарь» -> «слесарі»).
VOWELS = frozenset("аәеёиоөуұүыіэюяь")
# Unambiguous endings, stripped even from a word the vocabulary does not know (a name):
# genitive, dative, instrumental, locative and ablative after a consonant or a vowel.
SAFE_ENDINGS = longest_first("""ның нің дың дің тың тің ға ге қа ке мен бен пен
    нда нде дан ден тан тен нан нен да де та те""")
SHORT_SAFE_MIN_STEM = 5      # a two-letter ending is cut from an unknown word of 5 letters or more (Теміртау-да)


_forms_in_use: tuple[str, ...] | None = None     # set by use_word_forms (the NER's cross-validation)


def word_forms() -> tuple[str, ...]:
    """The word forms the stemmer trusts: vocabulary.txt, or those put in use instead."""
    from ..pack import read_word_list

    return _forms_in_use if _forms_in_use is not None else read_word_list(__package__, "vocabulary")


def use_word_forms(forms: list[str] | None) -> None:
    """Stem against these forms instead of the shipped vocabulary.txt (None: back to it),
    without touching the file: a cross-validation fold must not see the held-out words."""
    global _forms_in_use
    _forms_in_use = tuple(forms) if forms is not None else None
    for cached in (vocabulary, proper_names, stem, kazakh_stem, parses, person_nouns):
        cached.cache_clear()


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Kazakh word forms seen in running text (vocabulary.txt, from KazNERD): a stripped
    ending must leave one of them, so «Қазақстан» keeps its -тан and «Қазақстанда» loses -да."""
    return frozenset(word.lower() for word in word_forms())


@lru_cache(maxsize=1)
def proper_names() -> frozenset[str]:
    """The vocabulary's forms written capitalised inside sentences, lowercased."""
    return frozenset(word.lower() for word in word_forms() if word[:1].isupper())


def strip_one(word: str, endings: tuple[str, ...], known: frozenset[str]) -> str:
    """The word without the longest of `endings` that leaves a known word (or, for an
    unknown word, a safe ending that leaves MIN_STEM letters)."""
    for ending in endings:
        rest = word[: -len(ending)]
        if word.endswith(ending) and len(rest) >= MIN_STEM:
            if rest in known or (word not in known and safe_cut(rest, ending)):
                return rest
    return word


def safe_cut(rest: str, ending: str) -> bool:
    return ending in SAFE_ENDINGS and (len(ending) > 2 or len(rest) >= SHORT_SAFE_MIN_STEM)


def strip_case(word: str, known: frozenset[str]) -> str:
    after_possessive = possessive_case_cut(word, known)
    if after_possessive:
        return after_possessive
    stripped = strip_one(word, CASE_ENDINGS, known)
    if stripped != word:
        return stripped
    stripped = strip_one(word, AFTER_POSSESSIVE, known)
    return stripped if stripped.endswith(("ы", "і")) else word


def possessive_case_cut(word: str, known: frozenset[str]) -> str | None:
    """The word without a case ending that follows a third-person possessive, when what is
    left is the possessive of a known word: қызметі-нде -> қызметі, министрлігі-мен,
    облысы-н. Cutting the locative's -де alone would leave the accusative қызметін."""
    for ending in AFTER_POSSESSIVE:
        rest = word[: -len(ending)]
        if word.endswith(ending) and len(rest) > MIN_STEM and is_possessive_of_known(rest, known):
            return rest
    return None


def is_possessive_of_known(word: str, known: frozenset[str]) -> bool:
    """облысы (облыс), министрлігі (министрлік), коалициясы (a loanword in -а or -я that
    the vocabulary may lack); not тұрғы-н."""
    if not word.endswith(("ы", "і")):
        return False
    if word.endswith(LOANWORD_POSSESSIVES):
        return True
    bases = {word[:-1]} | ({word[:-2]} if word.endswith(("сы", "сі")) else set())
    bases |= {base[:-1] + VOICED_TO_PLAIN[base[-1]] for base in bases if base[-1] in VOICED_TO_PLAIN}
    return any(len(base) >= MIN_STEM and base in known for base in bases)



def base_forms(word: str) -> set[str]:
    """The word's stem and the stem without a possessive ending the stemmer kept
    (департаменті, министрлігі -> министрлік, сайты -> сайт), for looking it up in a list."""
    lower = word.lower().strip("«»\"")
    forms = {stem(lower)} | ({lower[:-1]} if lower.endswith(("ы", "і")) else set())
    forms |= {form[:-cut] for form in tuple(forms) if form.endswith(("ы", "і")) for cut in (1, 2)}
    return forms | {form[:-1] + VOICED_TO_PLAIN[form[-1]] for form in forms if form and form[-1] in "гғ"}


def has_case_ending(word: str) -> bool:
    lower = word.lower().strip(".,:;!?»«")
    return strip_case(lower, vocabulary()) != lower


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The lowercased word without its case, possessive and plural endings: the shortest
    cut that leaves a known word form (облысының -> облыс, кепілдіктерін -> кепілдік);
    for a word the vocabulary cannot confirm, only the unambiguous endings go
    (Балаеваның -> балаева). The forms of a word share a stem, not always a word."""
    known = vocabulary()
    lower = word.lower()
    names = proper_names()
    if lower in names:            # a name is cut only to a name: Алматы stays, not алма + -ты
        known = names
    confirmed = [cut for cut in cuts(lower) if cut in known]
    if confirmed:
        return min(confirmed, key=len)
    without_case = strip_case(lower, known)
    return strip_one(strip_one(without_case, POSSESSIVE_ENDINGS, known), PLURAL_ENDINGS, known)


def cuts(word: str) -> set[str]:
    """The word with every combination of a case, a possessive and a plural ending cut."""
    found = {word} | {word[: -len(e)] for e in CASE_ENDINGS if ending_cut(word, e)}
    found |= {word[: -len(e)] for e in AFTER_POSSESSIVE if ending_cut(word, e) and word[: -len(e)].endswith(("ы", "і"))}
    for endings in (POSSESSIVE_ENDINGS, PLURAL_ENDINGS):
        found |= {cut[: -len(e)] for cut in found for e in endings if ending_cut(cut, e)}
    found |= {cut + "ь" for cut in found if cut != word and cut[-1] not in VOWELS}   # слесарі: слесарь
    return found | {cut[:-1] + VOICED_TO_PLAIN[cut[-1]] for cut in found if cut[-1:] in VOICED_TO_PLAIN}


def ending_cut(word: str, ending: str) -> bool:
    return word.endswith(ending) and len(word) - len(ending) >= MIN_STEM


@lru_cache(maxsize=100_000)
def kazakh_stem(word: str) -> str | None:
    """A lowercased word's Kazakh stem when it is a Kazakh word: one with Kazakh letters,
    or one Russian does not know that loses a Kazakh ending to leave a Kazakh word
    («конституцияда»; not «усть-каменогорске», which Russian reads). None otherwise.
    Russian and Kazakh text share one search index and one theme matcher, so both ask."""
    from ..ru.morphology import morph

    if KAZAKH_LETTERS.intersection(word):
        return stem(word)
    if morph().word_is_known(word):          # most words of Russian text: one dictionary look-up
        return None
    stemmed = stem(word)
    return stemmed if stemmed != word and stemmed in vocabulary() else None


def word_count(text: str) -> int:
    return sum(match.group().count("-") + 1 for match in WORD.finditer(text))


# --- readings: what the stages ask of a word (pymorphy's shape, without a dictionary) -----
# Endings of a finite verb or converb after its stem: деді, деп, айтты, айтқан, мәлімдеді.
VERB_ENDINGS = longest_first("""ді ды ті ты п ып іп ген ған кен қан еді ады йді йды атын етін
    ғандай гендей қандай кендей""")


@dataclass(frozen=True)
class Tag:
    POS: str | None = None
    case: str | None = None
    number: str | None = None
    gender: str | None = None
    animate: bool = False

    def __contains__(self, grammeme: str) -> bool:
        return (grammeme == "anim" and self.animate) or (grammeme == "plur" and self.number == "plur")


@dataclass(frozen=True)
class Reading:
    word: str
    normal_form: str
    tag: Tag

    def inflect(self, grammemes) -> None:
        return None            # no generator of Kazakh forms: callers keep the word as written


@lru_cache(maxsize=50_000)
def speech_stem(word: str) -> str | None:
    """The stem of a verb of saying the word is a form of («атап өтті»: its first word), or None."""
    from .words import SPEECH_VERBS

    lower = word.lower().split()[0] if word.strip() else ""
    if lower in SPEECH_VERBS:
        return lower
    for ending in VERB_ENDINGS:
        if lower.endswith(ending) and lower[: -len(ending)] in SPEECH_VERBS:
            return lower[: -len(ending)]
    return None


def is_speech_verb(word: str) -> bool:
    return speech_stem(word) is not None


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Reading, ...]:
    said = speech_stem(word)
    if said:
        return (Reading(word, said, Tag("VERB")),)
    if not word[:1].isalpha():
        return (Reading(word, stem(word), Tag()),)
    base = stem(word)
    return (Reading(word, base, Tag("NOUN", number="plur" if is_plural(word, base) else None,
                                    animate=base in person_nouns())),)


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that name a person (titles, roles, groups' members): «Әкімнің айтуынша» is
    said by the akim the article named, «Тұрғындар айтты» by a group."""
    from ..pack import read_word_list
    from .words import GENERIC_ROLES, GROUP_NOUNS, OTHER_PERSON_NOUNS

    return frozenset(stem(word) for word in (*read_word_list(__package__, "titles"), *GROUP_NOUNS,
                                             *GENERIC_ROLES, *OTHER_PERSON_NOUNS))


def is_person_noun(word: str) -> bool:
    return stem(word) in person_nouns()


def is_common_word(word: str) -> bool:
    """A word the vocabulary knows only in lower case (not a name)."""
    lower = word.lower()
    return lower in vocabulary() and lower not in proper_names()


def is_plural(word: str, base: str) -> bool:
    """A plural ending right after the stem (тұрғын-дар, депутат-тар-дың)."""
    rest = word.lower()[len(base):]
    return base != word.lower() and rest.startswith(PLURAL_ENDINGS)


def lemma(word: str) -> str:
    return parses(word.lower())[0].normal_form


dictionary_form = lemma


def noun_parse(word: str, cases: tuple[str, ...] = ()) -> Reading | None:
    return None                # cases are not told apart: no phrase is put in the nominative


def is_noun(parse) -> bool:
    return parse is not None and parse.tag.POS == "NOUN"


def is_adjective(word: str) -> bool:
    return False


def agreeing_adjective(word: str, head) -> None:
    return None


def nominative(parse, head) -> str:
    return parse.word


def nominative_phrase(words: list[str], cases: tuple[str, ...] = ()) -> str | None:
    return None
