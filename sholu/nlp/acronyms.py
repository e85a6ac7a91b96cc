"""An abbreviation is the body whose full name the article gave: «Бюро по демократическим
институтам и правам человека (БДИПЧ)», then «глава миссии БДИПЧ», or «Гражданский альянс
Казахстана» and later «ГАК». One organisation record, under the full name, holds the
mentions of both: in brackets right after the full name, or made of its initials."""
from __future__ import annotations

import re

from .people import entity_id

ACRONYM_WORD = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}$")
# words an abbreviation skips («по», «и», «в»), Russian and Kazakh
LINK_WORDS = frozenset("по и в во на для при с со о об к от из за под над без между және мен бен пен үшін".split())
MIN_INITIALS = 3            # «АО» and «ГП» are initials of too many names
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def merge_acronyms(records: list[dict], text: str) -> list[dict]:
    """Organisation records with each abbreviation's record merged into its full name's,
    and each ministry's short name («Минтруд») into the ministry's."""
    return merged_into(records, lambda record: full_name_of(record, records, text) if is_acronym(record["name"])
                       else ministry_in_full(record, records))


SHORT_MINISTRY = re.compile(r"^Мин([а-яё]{3,})$")
MINISTRY = "Министерство"
SHARED_OPENING = 4           # letters the short name shares with the remit's first word («труд», «сельхоз»)


def ministry_in_full(record: dict, records: list[dict]) -> dict | None:
    """«Минтруд», «Минфин», «Минэнерго»: «Мин» and the opening of the remit's first word
    name the gazetteer's ministry. The record of that ministry the article names in full,
    else None, the short record renamed to it."""
    found = SHORT_MINISTRY.match(record["name"])
    full = ministry_named(found.group(1)) if found else None
    if full is None:
        return None
    same = next((other for other in records if other is not record and other["name"] == full), None)
    if same is None:
        record["name"], record["entity_id"] = full, entity_id("organization", full)
    return same


def ministry_named(opening: str) -> str | None:
    from .gazetteer import load_gazetteer

    names = [entry.name for entry in load_gazetteer().entries if entry.name.startswith(MINISTRY + " ")
             and shares_opening(opening, entry.name.split()[1].lower())]
    return names[0] if len(names) == 1 else None


def shares_opening(short: str, word: str) -> bool:
    common = next((i for i, (a, b) in enumerate(zip(short, word)) if a != b), min(len(short), len(word)))
    return common >= min(len(short), SHARED_OPENING)


def merged_into(records: list[dict], full_of) -> list[dict]:
    """The records, each one that `full_of` gives a fuller record for merged into it."""
    kept = []
    for record in records:
        full = full_of(record)
        if full is None:
            kept.append(record)
            continue
        full["spans"] = sorted(full["spans"] + record["spans"])
        full["mentions"] += record["mentions"]
    return kept


def is_acronym(name: str) -> bool:
    return bool(name.split()) and all(ACRONYM_WORD.match(word) for word in name.split())


def full_name_of(record: dict, records: list[dict], text: str) -> dict | None:
    names = [other for other in records if other is not record and not is_acronym(other["name"])]
    bracketed = next((other for other in names if in_brackets_after(record, other, text)), None)
    first = record["name"].split()[0]
    return bracketed or next((other for other in names if first in (initials(other["name"]), initials(quoted(other["name"])))), None)


def in_brackets_after(short: dict, full: dict, text: str) -> bool:
    """A span of `short` opens a bracket right after a span of `full` («… человека (БДИПЧ»)."""
    ends = {end for _, end in full["spans"]}
    for start, _ in short["spans"]:
        before = text[:start].rstrip()
        if before.endswith("(") and len(before[:-1].rstrip()) in ends:
            return True
    return False


def quoted(name: str) -> str:
    """The quoted part of «Общественное объединение «Союз молодых юристов»», else the name."""
    found = QUOTED.search(name)
    return found.group(1) if found else name


QUOTED = re.compile(r"[«\"“]([^«»\"“”]+)[»\"”]")


def initials(name: str) -> str | None:
    """The capitals of the name's words, link words left out («ГАК»), or None when too short."""
    letters = "".join(word[0] for word in WORD.findall(name) if word.lower() not in LINK_WORDS).upper()
    return letters if len(letters) >= MIN_INITIALS else None


NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


def is_unit(word: str, before: str | None) -> bool:
    """«100 АЕК», «200 МРП»: an abbreviation right after a number is a unit (the monthly
    calculation index), not an organisation."""
    return before is not None and NUMBER.match(before) is not None and ACRONYM_WORD.match(word) is not None
