"""Kazakhstan's places and institutions, found in text in every case form.

The gazetteer is two CSV files shipped in `sholu/data/gazetteer/` (see the README there),
plus any CSV files with the same columns in the folder named by $SHOLU_GAZETTEER_DIR, which
take precedence. Every name and variant is expanded to its Russian case forms once, at load;
`find()` then scans a text's words once, looking each word up in a dict of the forms that
start with it, so its cost does not grow with the size of the gazetteer.
"""
from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .inflect import case_forms

PLACE_KINDS = frozenset({"station", "continent", "country", "region", "city", "town", "village"})
# When two entries share a form, the earlier kind wins: «Актау» is the city, not the village.
KIND_ORDER = ("station", "continent", "country", "region", "city", "state_body", "party", "union", "ngo", "employer",
              "outlet", "town", "village")
TOKEN = re.compile(r"\w+")
SPACES = re.compile(r"\s+")
# Typographic variants that must not stop a match: quotes, hyphens, ё.
PUNCTUATION_VARIANTS = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
                                      "‘": "'", "’": "'", "\u2010": "-", "\u2011": "-",
                                      "\u00ad": ""})
YO = str.maketrans("ёЁ", "еЕ")


@dataclass(frozen=True)
class Entry:
    name: str                      # canonical nominative name
    kind: str                      # station|continent|country|region|city|town|village or state_body|party|…
    lat: float | None = None
    lon: float | None = None
    region: str | None = None      # Russian region name; None for organisations
    variants: tuple[str, ...] = ()

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS


@dataclass(frozen=True)
class Match:
    start: int                     # character offsets into the text searched
    end: int
    kind: str                      # "place" | "organization"
    entry: Entry
    variant: str = ""              # the name or variant that matched, in the nominative


@dataclass(frozen=True)
class Form:
    """One written form of a name, split the way texts are split into words."""
    words: tuple[str, ...]         # with ё as е
    gaps: tuple[str, ...]          # normalised separators between the words
    prefix: str                    # punctuation required before: the « of «Республика»
    suffix: str                    # and after: the » of «Республика», the dot of «обл.»
    entry: Entry
    variant: str                   # the nominative name or variant it is a form of

    @property
    def size(self) -> tuple[int, int]:
        return len(self.words), sum(map(len, self.words)) + len(self.prefix + self.suffix)


class Gazetteer:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._forms: dict[str, list[Form]] = {}
        self._by_name: dict[str, Entry] = {}
        self._by_form: dict[str, Entry] = {}
        self._known: set[tuple] = set()
        for entry in entries:
            self._add(entry)
        for forms in self._forms.values():
            forms.sort(key=lambda f: f.size, reverse=True)  # longest first; stable on ties

    def find(self, text: str) -> list[Match]:
        """Every gazetteer name in the text, longest first, not overlapping, in text order."""
        # ё → е keeps every word's bounds (\w holds both), so the text is folded once
        words = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text.translate(YO))]
        matches, i = [], 0
        while i < len(words):
            form = self._form_at(text, words, i)
            if form is None:
                i += 1
                continue
            last = i + len(form.words) - 1
            start, end = span_of(form, words[i][0], words[last][1])
            kind = "place" if form.entry.is_place else "organization"
            matches.append(Match(start, end, kind, form.entry, form.variant))
            i = last + 1
        return matches

    def lookup(self, name: str) -> Entry | None:
        """The entry for a name or variant (any case form as a fallback), ignoring letter
        case, ё/е, quotes and spacing."""
        key = lookup_key(name)
        return self._by_name.get(key) or self._by_form.get(key)

    # ---------------------------------------------------------------- building

    def _add(self, entry: Entry) -> None:
        for name in (entry.name, *entry.variants):
            self._by_name.setdefault(lookup_key(name), entry)
            for written in case_forms(name):
                self._by_form.setdefault(lookup_key(written), entry)
                for spelling in spellings(written):
                    self._add_form(spelling, entry, name)

    def _add_form(self, written: str, entry: Entry, variant: str) -> None:
        form = parse_form(written, entry, variant)
        if form is None:
            return
        key = (form.words, form.gaps, form.prefix, form.suffix)
        if key not in self._known:  # entries come in priority order: the first one keeps it
            self._known.add(key)
            self._forms.setdefault(form.words[0], []).append(form)

    # ---------------------------------------------------------------- matching

    def _form_at(self, text: str, words: list, i: int) -> Form | None:
        for form in self._forms.get(words[i][2], ()):
            if form_fits(form, text, words, i):
                return form
        return None


def form_fits(form: Form, text: str, words: list, i: int) -> bool:
    last = i + len(form.words) - 1
    if last >= len(words):
        return False
    for k in range(1, len(form.words)):
        if words[i + k][2] != form.words[k]:
            return False
        if normal_gap(text[words[i + k - 1][1]:words[i + k][0]]) != form.gaps[k - 1]:
            return False
    start, end = words[i][0], words[last][1]
    return (not in_latin_brand(form, text, words, i, last)
            and not is_surname(form, text, words, i)
            and affix_fits(text[max(0, start - len(form.prefix)):start], form.prefix)
            and affix_fits(text[end:end + len(form.suffix)], form.suffix)
            and not glued(text, start - len(form.prefix), end + len(form.suffix)))


def span_of(form: Form, start: int, end: int) -> tuple[int, int]:
    """The matched text, with an abbreviation's dot but without the quotes around a name
    that must be quoted («Республика»)."""
    if form.prefix and form.suffix and form.prefix + form.suffix == '""':
        return start, end
    return start - len(form.prefix), end + len(form.suffix)


def in_latin_brand(form: Form, text: str, words: list, i: int, last: int) -> bool:
    """«Astana Hub», «Almaty Marathon»: a Latin place name next to another capitalised Latin
    word names a company or an event, not the place."""
    if not form.entry.is_place or not form.words[0].isascii():
        return False
    before = words[i - 1] if i > 0 else None
    after = words[last + 1] if last + 1 < len(words) else None
    return ((is_latin_name(before) and text[before[1]:words[i][0]] == " ")
            or (is_latin_name(after) and text[words[last][1]:after[0]] == " "))


def is_surname(form: Form, text: str, words: list, i: int) -> bool:
    """Many places share a name with a person: «Каныш Сатпаев», «Тарас Шевченко»,
    «К. Сатпаев». After a given name or an initial, a one-word place name is a surname."""
    if not form.entry.is_place or len(form.words) > 1 or i == 0 or form.prefix:
        return False
    before, gap = words[i - 1][2], text[words[i - 1][1]:words[i][0]]
    if len(before) == 1 and before.isupper() and gap.strip() == ".":
        return True
    return gap == " " and before[:1].isupper() and is_given_name(before)


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """A first name, not a title the dictionary also lists as one («Аким Тараза»: the
    town's akim, not a man called Аким)."""
    from .models import parses
    from .titles import is_extra_title

    return any("Name" in parse.tag for parse in parses(word.lower())) and not is_extra_title(word)


def is_latin_name(word: tuple | None) -> bool:
    return word is not None and word[2][:1].isupper() and word[2].isascii()


def affix_fits(found: str, wanted: str) -> bool:
    return normal_gap(found) == wanted


def glued(text: str, start: int, end: int) -> bool:
    """A match hyphenated to a lower-case word or a number is part of a compound:
    «Казахстан-2050», «Семей-то». Capitalised neighbours are routes: «Алматы-Бишкек»."""
    before = start >= 2 and text[start - 1] == "-" and is_compound_part(text[start - 2])
    after = end + 1 < len(text) and text[end] == "-" and is_compound_part(text[end + 1])
    return before or after


def is_compound_part(char: str) -> bool:
    return char.isdigit() or char.islower()


# -------------------------------------------------------------------- forms and keys

def spellings(form: str) -> list[str]:
    """The form as generated, capitalised when it starts a sentence («Акимат Алматы»), and in
    capitals for headlines («AMANAT», «КАЗЦИНК»; short words like «Шу» would hit acronyms)."""
    result = [form]
    if form[:1].islower():
        result.append(form[0].upper() + form[1:])
    if len(form) >= 5 and form.upper() != form:
        result.append(form.upper())
    return result


def parse_form(written: str, entry: Entry, variant: str) -> Form | None:
    found = list(TOKEN.finditer(written))
    if not found:
        return None
    words = tuple(m.group().translate(YO) for m in found)
    gaps = tuple(normal_gap(written[a.end():b.start()]) for a, b in zip(found, found[1:]))
    prefix = normal_gap(written[:found[0].start()])
    suffix = normal_gap(written[found[-1].end():])
    return Form(words, gaps, prefix, suffix, entry, variant)


def normal_gap(text: str) -> str:
    return SPACES.sub(" ", text.translate(PUNCTUATION_VARIANTS))


def lookup_key(name: str) -> str:
    key = name.translate(PUNCTUATION_VARIANTS).translate(YO).replace('"', " ").casefold()
    return SPACES.sub(" ", key).strip()


# -------------------------------------------------------------------- loading

@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer with the user's files from $SHOLU_GAZETTEER_DIR on top."""
    return Gazetteer(user_entries() + ordered(shipped_entries()))


def shipped_entries() -> list[Entry]:
    folder = files("sholu.data").joinpath("gazetteer")
    return (read_entries(folder.joinpath("places.csv").read_text(encoding="utf-8"))
            + read_entries(folder.joinpath("organizations.csv").read_text(encoding="utf-8")))


def user_entries() -> list[Entry]:
    folder = os.environ.get("SHOLU_GAZETTEER_DIR")
    if not folder:
        return []
    paths = sorted(Path(folder).glob("*.csv"))
    return [e for path in paths for e in read_entries(path.read_text(encoding="utf-8-sig"))]


def ordered(entries: list[Entry]) -> list[Entry]:
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(entries, key=lambda e: rank.get(e.kind, len(rank)))


def read_entries(csv_text: str) -> list[Entry]:
    """Rows of a places file (name,kind,lat,lon,region,variants) or an organisations file
    (name,kind,variants); variants are separated by «;»."""
    return [entry_from_row(row) for row in csv.DictReader(io.StringIO(csv_text))
            if (row.get("name") or "").strip()]


def entry_from_row(row: dict) -> Entry:
    variants = tuple(v.strip() for v in (row.get("variants") or "").split(";") if v.strip())
    return Entry(name=row["name"].strip(), kind=(row.get("kind") or "").strip(),
                 lat=number(row.get("lat")), lon=number(row.get("lon")),
                 region=(row.get("region") or "").strip() or None, variants=variants)


def number(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None
