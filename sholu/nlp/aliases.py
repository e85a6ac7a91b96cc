"""Users' corrections of who is who: an aliases file, read by the link stage on every
run (`$SHOLU_ALIASES`) and applied to a stored corpus by `sholu aliases FILE`, which
rewrites only the documents it touches (nothing is analysed again).

One correction a line, comma-separated, names in the nominative, `#` starts a comment:

    merge,Елбасы,Нурсултан Назарбаев      # this name is that person
    apart,Ахметов,Ерлан Ахметов           # a bare surname is not joined to that person
    block,Дискавери                       # not a person at all (a shuttle)
"""
from __future__ import annotations

import csv
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .people import entity_id, name_key

ACTIONS = ("merge", "apart", "block")


class AliasError(ValueError):
    """A line of the aliases file that cannot be read; the message says which."""


@dataclass
class Aliases:
    merges: dict[str, str] = field(default_factory=dict)             # name key -> full name
    apart: set[tuple[str, str]] = field(default_factory=set)          # (partial key, full key)
    blocked: set[str] = field(default_factory=set)                    # name keys

    def keeps_apart(self, partial: str, full: str) -> bool:
        return (name_key(partial), name_key(full)) in self.apart

    def corrected(self, person: dict) -> dict | None:
        """The person record as the file says it is: renamed, or None when blocked."""
        key = name_key(person["name"])
        if key in self.blocked:
            return None
        target = self.merges.get(key)
        if target is None:
            return person
        return {**person, "name": target, "entity_id": entity_id("person", target)}


def read_aliases(path: str | Path) -> Aliases:
    aliases = Aliases()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, row in enumerate(csv.reader(line.split("#")[0] for line in lines), start=1):
        cells = [cell.strip() for cell in row if cell.strip()]
        if cells:
            add_line(aliases, cells, number)
    return aliases


def add_line(aliases: Aliases, cells: list[str], number: int) -> None:
    action, names = cells[0].lower(), cells[1:]
    wanted = 1 if action == "block" else 2
    if action not in ACTIONS or len(names) != wanted:
        raise AliasError(f"line {number}: expected 'merge,NAME,FULL NAME', 'apart,NAME,FULL NAME' "
                         f"or 'block,NAME', got {','.join(cells)!r}")
    if action == "merge":
        aliases.merges[name_key(names[0])] = names[1]
    elif action == "apart":
        aliases.apart.add((name_key(names[0]), name_key(names[1])))
    else:
        aliases.blocked.add(name_key(names[0]))


def configured_aliases() -> Aliases:
    """The file `$SHOLU_ALIASES` names, or no corrections; a missing or unreadable file
    is said once on stderr and the run goes on without it (bad input never stops a run)."""
    path = os.environ.get("SHOLU_ALIASES")
    if not path:
        return Aliases()
    try:
        return read_aliases(path)
    except (OSError, UnicodeDecodeError, AliasError) as err:
        warnings.warn(f"$SHOLU_ALIASES ({path}) not applied: {err}", stacklevel=2)
        return Aliases()


def correct_people(persons: list[dict], aliases: Aliases) -> tuple[list[dict], dict[str, str | None]]:
    """An article's people as the file says, one record per person (merged records'
    mentions added up), and each changed id's new id (None: blocked)."""
    kept: dict[str, dict] = {}
    moved: dict[str, str | None] = {}
    for person in persons:
        fixed = aliases.corrected(person)
        if fixed is None or fixed["entity_id"] != person["entity_id"]:
            moved[person["entity_id"]] = fixed and fixed["entity_id"]
        if fixed is not None:
            merge_into(kept, fixed)
    return list(kept.values()), moved


def merge_into(kept: dict[str, dict], person: dict) -> None:
    same = kept.get(person["entity_id"])
    if same is None:
        kept[person["entity_id"]] = person
        return
    for key in ("spans", "references", "title_spans"):
        same[key] = sorted(same.get(key, []) + person.get(key, []))
    same["positions"] = same["positions"] + [p for p in person["positions"] if p not in same["positions"]]
    same["mentions"] += person["mentions"]


def correct_quotes(quotes: list[dict], persons: list[dict], moved: dict[str, str | None]) -> None:
    """Quotes follow their speaker to the corrected person (or lose a blocked one)."""
    names = {p["entity_id"]: p["name"] for p in persons}
    for quote in quotes:
        old = quote.get("speaker_entity_id")
        if old in moved:
            quote["speaker_entity_id"] = moved[old]
            quote["speaker"] = names.get(moved[old]) if moved[old] else None
            quote["speaker_type"] = quote["speaker_type"] if moved[old] else "unknown"
