"""Russian case forms of place and organisation names, generated from the nominative.

News text says «в Актобе», «из Семея», «в Министерстве труда …», «депутаты Мажилиса»; to find
a gazetteer name in every case we generate its singular forms instead of lemmatising the text.
pymorphy2 guesses Kazakh toponyms badly (it reads «Семей» as a form of «семья» and «Конаев» as
a surname), so single-word names are declined by their ending with the rules below; pymorphy2
is asked only about common nouns it really knows («суд», «область», «министерство»).

    >>> sorted(case_forms("Семей"))
    ['Семее', 'Семеем', 'Семей', 'Семею', 'Семея']
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files
from itertools import product

from .models import morph as shared_morph
from .models import parses

FORMS_FILE = "forms.json"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
Paradigm = dict[str, tuple[str, ...]]  # case -> the forms of that case (usually one)

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
HUSHING = frozenset("жшчщц")          # -ом/-ем, -ой/-ей depend on stress after these
VELAR_OR_HUSHING = frozenset("гкхжшчщ")  # spelling rule: -ы becomes -и after these
ADJECTIVE_ENDINGS = ("ая", "яя", "ый", "ий", "ой", "ое", "ее", "ые", "ие")
# pymorphy2 tags that mark a name rather than a common noun: such words get our rules.
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Fixd", "Abbr"})


def case_forms(name: str) -> set[str]:
    """The nominative and the five oblique singular forms of a proper name."""
    words = name.split()
    if not words:
        return set()
    shipped = shipped_forms().get(" ".join(words))
    return set(shipped if shipped is not None else _phrase_forms(tuple(words)))


@lru_cache(maxsize=1)
def shipped_forms() -> dict[str, list[str]]:
    """The forms of the shipped gazetteer's names and of the extra titles, as
    bench/build_gazetteer_forms.py wrote them: declining them all at every start took
    most of a second."""
    path = files("sholu.data").joinpath("gazetteer", FORMS_FILE)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def decline(name: str) -> list[str]:
    """The forms the rules below give, never read from the shipped table (which
    sholu/nlp/forms_table.py builds with this)."""
    return list(_phrase_forms(tuple(name.split())))


@lru_cache(maxsize=None)
def _phrase_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    head = head_index(words)
    # A capitalised unknown word heading a phrase is a foreign name («Ак жол»): keep it.
    keep_unknown = head == 0 and len(words) > 1
    paradigms = [word_paradigm(w, keep_unknown) if i <= head else fixed(w)
                 for i, w in enumerate(words)]
    forms = []
    for case in CASES:
        forms.extend(" ".join(combo) for combo in product(*(p[case] for p in paradigms)))
    return tuple(dict.fromkeys(forms))


def head_index(words: tuple[str, ...]) -> int:
    """The head noun: the first word that is not an agreeing adjective. Words after it are
    dependents («Министерство труда …», «Республики Казахстан») and stay as written."""
    for i, word in enumerate(words):
        if not is_adjective(word):
            return i
    return len(words) - 1


# ------------------------------------------------------------------ word classes

def is_fixed_word(word: str) -> bool:
    """Acronyms, Latin and Kazakh spellings, quoted names, abbreviations and numbers are
    not declined in Russian text: «ЦИК», «AMANAT», «Өскемен», «обл.», «Хабар 24»."""
    if not CYRILLIC_WORD.fullmatch(word) or set(word) & KAZAKH_LETTERS:
        return True
    letters = word.replace("-", "")
    return len(letters) > 1 and letters.isupper()


def is_adjective(word: str) -> bool:
    last = last_part(word).lower()
    if is_fixed_word(word) or len(last) < 4 or not last.endswith(ADJECTIVE_ENDINGS):
        return False
    if last.endswith(("ий", "ой")):  # also noun endings («Кий», «Строй»): ask the dictionary
        return any(p.tag.POS == "ADJF" for p in parses(last))
    return True


def last_part(word: str) -> str:
    return word.rsplit("-", 1)[-1]


def is_frozen_genitive(word: str) -> bool:
    """«Минтруда», «Минобороны»: a clipped «министерство» plus a noun in the genitive."""
    rest = word[3:].lower()
    return word.startswith("Мин") and len(rest) > 3 and \
        any("gent" in p.tag and p.normal_form != rest for p in parses(rest))


# ------------------------------------------------------------------ paradigms

def fixed(word: str) -> Paradigm:
    return {case: (word,) for case in CASES}


def word_paradigm(word: str, keep_unknown: bool = False) -> Paradigm:
    if is_fixed_word(word) or is_frozen_genitive(word):
        return fixed(word)
    if "-" in word:
        return hyphenated_paradigm(word)
    if is_adjective(word):
        return adjective_paradigm(word)
    common = common_noun_paradigm(word)
    if common:
        return common
    if keep_unknown and word[0].isupper():
        return fixed(word)
    return toponym_paradigm(word)


def hyphenated_paradigm(word: str) -> Paradigm:
    """Only the last part declines: «Усть-Каменогорска», «Западно-Казахстанской»."""
    prefix, last = word.rsplit("-", 1)
    paradigm = word_paradigm(last)
    return {case: tuple(f"{prefix}-{form}" for form in forms) for case, forms in paradigm.items()}


def common_noun_paradigm(word: str) -> Paradigm | None:
    """Forms from pymorphy2 for a common noun it knows («суд», «Правительство»), else None."""
    lower = word.lower()
    morph = shared_morph()
    if not morph.word_is_known(lower):
        return None
    for parse in morph.parse(lower):
        tag = parse.tag
        if tag.POS == "NOUN" and {"nomn", "sing"} <= tag.grammemes and \
                not tag.grammemes & NAME_TAGS and parse.normal_form == lower:
            return pymorphy_paradigm(parse, word)
    return None


def pymorphy_paradigm(parse, template: str) -> Paradigm | None:
    from pymorphy2.analyzer import Parse  # the plain method: Natasha's subclass wants UD tags

    paradigm = {"nomn": (template,)}
    for case in CASES[1:]:
        inflected = Parse.inflect(parse, {case})
        if inflected is None:
            return None
        paradigm[case] = (same_case_as(template, inflected.word),)
    return paradigm


def same_case_as(template: str, word: str) -> str:
    if template.isupper():
        return word.upper()
    return word[0].upper() + word[1:] if template[0].isupper() else word


def adjective_paradigm(word: str) -> Paradigm:
    """Full adjectives by their nominative ending; the gender comes from the ending itself.
    Masculine accusative = nominative: the names we decline are of inanimate things."""
    stem, ending = word[:-2], word[-2:].lower()
    last = stem[-1:].lower()
    i = "и" if last in VELAR_OR_HUSHING else "ы"
    o = "е" if ending in ("ий", "ее") and last not in "гкх" else "о"
    # After ж ш ч щ ц the feminine ending is -ой when stressed (Большой), -ей when not.
    oy = ("ой", "ей") if last in HUSHING else "ой"
    endings = {
        "ый": ("ого", "ому", "ый", "ым", "ом"), "ой": ("ого", "ому", "ой", i + "м", "ом"),
        "ий": (o + "го", o + "му", "ий", "им", o + "м"),
        "ое": ("ого", "ому", "ое", i + "м", "ом"), "ее": ("его", "ему", "ее", "им", "ем"),
        "ая": (oy, oy, "ую", oy, oy), "яя": ("ей", "ей", "юю", "ей", "ей"),
        "ые": ("ых", "ым", "ые", "ыми", "ых"), "ие": ("их", "им", "ие", "ими", "их"),
    }[ending]
    return {"nomn": (word,), **noun_endings(stem, *endings)}


def toponym_paradigm(word: str) -> Paradigm:
    """Declension of a single-word name by its ending (see the module docstring)."""
    lower = word.lower()
    for test, decline in TOPONYM_RULES:
        if test(lower):
            return {"nomn": (word,), **decline(word)}
    return fixed(word)  # -е, -о, -и, -у, -ы, -ю, -э: Актобе, Алматы, Атырау


def noun_endings(stem: str, gent, datv, accs, ablt, loct) -> dict[str, tuple[str, ...]]:
    """Forms from a stem and per-case endings (a tuple of endings gives alternatives)."""
    def forms(endings):
        return tuple(stem + e for e in (endings if isinstance(endings, tuple) else (endings,)))
    return dict(zip(CASES[1:], map(forms, (gent, datv, accs, ablt, loct))))


def masculine(word: str) -> dict:
    """Риддер -> Риддера, Риддеру, Риддер, Риддером, Риддере."""
    ablt = ("ом", "ем") if word[-1].lower() in HUSHING else "ом"
    return noun_endings(word, "а", "у", "", ablt, "е")


def masculine_soft(word: str) -> dict:
    """Семей -> Семея, Семею, Семеем, Семее; Есиль -> Есиля …; Кий-like -ий -> -ия …."""
    loct = "и" if word.lower().endswith("ий") else "е"
    return noun_endings(word[:-1], "я", "ю", word[-1], "ем", loct)


def feminine_soft(word: str) -> dict:
    """Сарань -> Сарани, Сарани, Сарань, Саранью, Сарани."""
    return noun_endings(word[:-1], "и", "и", "ь", "ью", "и")


def feminine(word: str) -> dict:
    """Кызылорда -> Кызылорды, Кызылорде, Кызылорду, Кызылордой, Кызылорде."""
    stem = word[:-1]
    gent = "и" if stem[-1].lower() in VELAR_OR_HUSHING else "ы"
    ablt = ("ой", "ей") if stem[-1].lower() in HUSHING else "ой"
    return noun_endings(stem, gent, "е", "у", ablt, "е")


def feminine_ya(word: str) -> dict:
    """Шалкия -> Шалкии …; other -я: Земля-like -> -и, -е, -ю, -ей, -е."""
    stem = word[:-1]
    if word.lower().endswith("ия"):
        return noun_endings(stem, "и", "и", "ю", "ей", "и")
    return noun_endings(stem, "и", "е", "ю", "ей", "е")


def neuter_ye(word: str) -> dict:
    """Запорожье -> Запорожья, Запорожью, Запорожье, Запорожьем, Запорожье."""
    return noun_endings(word[:-1], "я", "ю", "е", "ем", "е")


def slavic_o(word: str) -> dict:
    """Смирново: declined in standard Russian (в Смирнове), often not in Kazakh media."""
    declined = noun_endings(word[:-1], "а", "у", "о", "ом", "е")
    return {case: (word,) + forms for case, forms in declined.items()}


TOPONYM_RULES = (
    (lambda w: w[-1] in CONSONANTS, masculine),
    (lambda w: w.endswith("й"), masculine_soft),
    (lambda w: w.endswith(("ль", "рь")), masculine_soft),
    (lambda w: w.endswith("ь"), feminine_soft),
    (lambda w: w.endswith("а"), feminine),
    (lambda w: w.endswith("я"), feminine_ya),
    (lambda w: w.endswith("ье"), neuter_ye),
    (lambda w: w.endswith(("ово", "ево", "ино", "ыно")), slavic_o),
)
