"""Person names to the nominative «Имя Фамилия», Kazakh and Russian alike.

The case and gender of each word come from Natasha's morphology tagger (context);
the nominative comes from declension rules for the surname and first-name endings of
the region, with pymorphy for Russian first names whose stem changes (Павла → Павел).
pymorphy alone misreads many Kazakh names as common nouns or adjectives.
"""
from __future__ import annotations

import re

from .models import parses
from .normalise import match_case

SURNAME_SUFFIX = re.compile(r"(ов|ев|ёв|ин|ын)$", re.IGNORECASE)
ADJECTIVAL_SURNAME = re.compile(r"(ск|цк)(ий|ого|ому|им|ом|ая|ой|ую)$", re.IGNORECASE)
PATRONYMIC = re.compile(r"(вич|вн|ичн|улы|уулу|кызы|қызы)\w{0,3}$", re.IGNORECASE)
INDECLINABLE_SURNAME = re.compile(r"(дзе|швили|енко|ко|их|ых|аго|яго|ово|ски|улы|ұлы|уулу|кызы|қызы)$",
                                  re.IGNORECASE)
HUSHING = "жшчщц"
# A man's name of the -а declension (Хасэгава, Окуджава) in the instrumental or
# genitive: forms no consonant-stem name takes.
A_STEM_OBLIQUE = re.compile(r"(?<=[бвгдзклмнпрстфхжшчщц])(ой|ы)$")
VOWELS = set("аеёиоуыэюяaeiou")
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Nom": "nomn"}


def normalise_person(words: list[str], cases: list[str | None], gender: str | None) -> str:
    """Nominative «Имя Фамилия»; `cases` are Natasha's Case feats per word, `gender`
    'Masc' or 'Fem' (None when unknown). A patronymic is left out."""
    words, cases = same_script(words, cases)
    roles = name_roles(words)
    if womans_name_as_written(words, roles):
        cases = [None] * len(words)
    normal = [normalise_word(w, c, gender, r) for w, c, r in zip(words, cases, roles)]
    kept = [keep_yo(n, w) for n, w, r in zip(normal, words, roles) if r != "patronymic"]
    return " ".join(kept)


OBLIQUE_FIRST_NAME_ENDINGS = "аяуюыиоё"     # a man's first name in another case than the nominative


def womans_name_as_written(words: list[str], roles: list[str]) -> bool:
    """«Айгерим Нурланова:» read as a genitive by the tagger: a man's genitive would
    decline the first name too (Ерлана Нурланова, Исы Ямадаева, Ильи Петрова), so after a
    first name with no such ending, an -ова/-ина surname is a woman's nominative
    (Айгерим, Сауле)."""
    if len(words) < 2 or roles[0] != "first" or roles[-1] != "surname":
        return False
    first, surname = words[0].lower(), words[-1].lower()
    # an initial («Э. Чернова») tells nothing
    return (len(first) > 2 and first.isalpha() and first[-1] not in OBLIQUE_FIRST_NAME_ENDINGS
            and surname.endswith("а") and bool(SURNAME_SUFFIX.search(surname[:-1])))


def same_script(words: list[str], cases: list) -> tuple[list[str], list]:
    """«Джошуа Вольф (Joshua Wolf)»: the words in the first word's script only."""
    latin = [bool(re.match(r"[A-Za-z]", w)) for w in words]
    pairs = [(w, c) for w, c, l in zip(words, cases, latin) if l == latin[0]]
    return [w for w, _ in pairs], [c for _, c in pairs]


def name_roles(words: list[str]) -> list[str]:
    if len(words) == 1:
        return ["surname"]
    last = len(words) - 1
    return ["first" if i == 0 else "patronymic" if i < last and PATRONYMIC.search(w) else "surname"
            for i, w in enumerate(words)]


def normalise_word(word: str, case: str | None, gender: str | None, role: str) -> str:
    """Each part of a hyphenated name declines on its own (Касым-Жомарта); of a name
    with an apostrophe, the part after it (О’Коннора)."""
    if case in (None, "Nom") or not word[:1].isalpha():
        return word
    written, apostrophe, declined = word.rpartition("’")
    if apostrophe:
        return written + apostrophe + normalise_word(declined, case, gender, role)
    parts = word.split("-")
    return "-".join(normalise_part(p, case, gender, role) if is_name_part(p) else p for p in parts)


def is_name_part(part: str) -> bool:
    return len(part) > 1 and part[:1].isupper()


def normalise_part(part: str, case: str, gender: str | None, role: str) -> str:
    if role == "surname":
        found = surname_nominative(part, gender)
    elif role == "patronymic":
        found = patronymic_nominative(part, gender)
    else:
        found = dictionary_name(part, case, gender) or first_name_nominative(part, gender, case)
    return match_case(found, part)


def surname_nominative(word: str, gender: str | None) -> str:
    lower = word.lower()
    adjectival = ADJECTIVAL_SURNAME.search(lower)
    if adjectival:
        return lower[:adjectival.start(2)] + ("ая" if gender == "Fem" else "ий")
    if gender == "Fem":
        return feminine_surname(lower)
    return masculine_surname(lower)


def feminine_surname(lower: str) -> str:
    """Балаевой, Балаеву → Балаева; a surname not of the -ова/-ина type does not decline."""
    for ending in ("ой", "ую", "у"):
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and SURNAME_SUFFIX.search(stem):
            return stem + "а"
    return lower


def masculine_surname(lower: str) -> str:
    """Токаева, Токаеву, Токаевым, Токаеве → Токаев; Акылбая → Акылбай; Ставкина →
    Ставкин; Януковичем → Янукович; Бесселю → Бессель; Гачечиладзе stays."""
    if INDECLINABLE_SURNAME.search(lower):
        return lower
    a_stem = A_STEM_OBLIQUE.search(lower)
    if a_stem and not SURNAME_SUFFIX.search(lower[:a_stem.start()]):
        return lower[:a_stem.start()] + "а"                             # Хасэгавой → Хасэгава
    for ending in ("ым", "ом", "ем", "а", "у", "е", "я", "ю"):
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 2:
            found = masculine_stem(stem, ending)
            if found:
                return found
    return lower


def masculine_stem(stem: str, ending: str) -> str | None:
    if SURNAME_SUFFIX.search(stem):
        return stem if ending in ("ым", "а", "у", "е") else None
    if stem[-1] in "ая":
        return stem + "й" if ending in ("я", "ю", "ем", "е") else None   # Акылбая → Акылбай
    if stem[-1] in VOWELS:
        return None
    if ending in ("а", "у", "ом", "е") or (ending == "ем" and stem[-1] in HUSHING):
        return stem
    return stem + "ь" if ending in ("я", "ю", "ем") else None           # Бесселя → Бессель


# A woman's first name of the -а/-я declension, by case: (ending, nominative ending).
FEMININE_FIRST_NAME_ENDINGS = {
    "Gen": (("ии", "ия"), ("ьи", "ья"), ("ги", "га"), ("ки", "ка"), ("хи", "ха"), ("ы", "а")),
    "Dat": (("ии", "ия"), ("ье", "ья"), ("е", "а")),
    "Acc": (("ю", "я"), ("у", "а")),
    "Ins": (("ей", "я"), ("ой", "а")),
    "Loc": (("ии", "ия"), ("ье", "ья"), ("е", "а")),
}


def first_name_nominative(word: str, gender: str | None, case: str | None = None) -> str:
    """Only the endings of the word's own case come off, so a name whose nominative
    ends like another case's form (Сауле in the genitive) stays as it is."""
    lower = word.lower()
    if gender == "Fem":
        for ending, nominative in FEMININE_FIRST_NAME_ENDINGS.get(case, ()):
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                return lower[: -len(ending)] + nominative
        return lower
    return masculine_surname(lower)


def patronymic_nominative(word: str, gender: str | None) -> str:
    lower = word.lower()
    if lower.endswith(("улы", "уулу", "кызы", "қызы")):
        return lower
    if gender == "Fem":
        return re.sub(r"(вн|чн)(ы|е|у|ой)$", r"\1а", lower)
    return re.sub(r"(ич)(а|у|ем|е)$", r"\1", lower)


def dictionary_name(word: str, case: str, gender: str | None) -> str | None:
    """pymorphy knows Russian first names with irregular stems (Павла, Льва, Петра)."""
    wanted = CASES.get(case)
    readings = [p for p in parses(word) if "Name" in p.tag and "Fixd" not in p.tag
                and gender_fits(p.tag, gender) and p.score > 0.1]
    # the tagger's case first; where it disagrees with the dictionary (Игоре read as a
    # dative), any oblique reading of a known name will do
    for parse in sorted(readings, key=lambda p: p.tag.case != wanted):
        if parse.tag.case != "nomn":
            nominative = parse.inflect({"nomn"})
            if nominative:
                return nominative.word
    return None


def gender_fits(tag, gender: str | None) -> bool:
    return gender is None or tag.gender == {"Masc": "masc", "Fem": "femn"}.get(gender)


def keep_yo(normal: str, written: str) -> str:
    """«ё» only where the text had it: dictionaries add it (Пономарёв) where writers don't."""
    return normal if "ё" in written.lower() else normal.replace("ё", "е").replace("Ё", "Е")


def surname_key(name: str) -> str:
    """What a bare surname mention is compared by: the last word, е for ё, feminine -а off."""
    last = name.split()[-1].lower().replace("ё", "е")
    return last[:-1] if last.endswith("а") and SURNAME_SUFFIX.search(last[:-1]) else last
