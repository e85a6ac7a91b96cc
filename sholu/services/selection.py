"""The period, outlet set and language a user chooses, from what they type: two
dates, a list of outlet names and group names, and a language code. Groups (and the
political sides the report adds up) are defined in a TOML file users edit:
$SHOLU_GROUPS, else the shipped example `sholu/data/groups.toml`."""
from __future__ import annotations

import os
import tomllib
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..store.queries.common import ALL_TIME, Selection
from ..store.queries.outlets import outlet_names
from ..store.queries.periods import parse_day

GROUPS_VARIABLE = "SHOLU_GROUPS"


class SelectionError(ValueError):
    """A date that is not YYYY-MM-DD, or a group file that cannot be read."""


@dataclass(frozen=True)
class Groups:
    outlets: dict[str, tuple[str, ...]] = field(default_factory=dict)    # group -> outlets
    sides: dict[str, tuple[str, ...]] = field(default_factory=dict)      # side -> subject names


def groups() -> Groups:
    path = os.environ.get(GROUPS_VARIABLE) or ""
    stamp = Path(path).stat().st_mtime if path and Path(path).exists() else 0.0
    return read_groups(path, stamp)


@lru_cache(maxsize=4)
def read_groups(path: str, stamp: float) -> Groups:
    """The groups file (read again when it changes: `stamp` is its time)."""
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("sholu.data").joinpath("groups.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise SelectionError(f"groups file {path or 'groups.toml'}: {err}") from err
    return Groups(names_of(data.get("outlets")), names_of(data.get("sides")))


def names_of(table) -> dict[str, tuple[str, ...]]:
    """A table of name -> list of strings; anything else in it is left out."""
    if not isinstance(table, dict):
        return {}
    return {str(name): tuple(str(item) for item in items) for name, items in table.items()
            if isinstance(items, list)}


def checked_day(value: str | None, name: str) -> str | None:
    value = (value or "").strip() or None
    if value is not None and (parse_day(value) is None or len(value) != 10):
        raise SelectionError(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
    return value


def checked_language(value: str | None) -> str | None:
    """A language code as documents.language holds it (ISO 639-1, lower case)."""
    value = (value or "").strip().lower() or None
    if value is not None and not (value.isascii() and value.isalpha() and 2 <= len(value) <= 3):
        raise SelectionError(f"language: {value!r} is not a language code (ru, kk, …)")
    return value


def asked_outlets(outlets) -> list[str]:
    """Outlet and group names from a comma-separated text or a list of texts."""
    items = [outlets] if isinstance(outlets, str) else list(outlets or [])
    return [name.strip() for item in items for name in item.split(",") if name.strip()]


def choose(store, date_from: str | None = None, date_to: str | None = None, outlets=None,
           language: str | None = None) -> Selection:
    """The selection a user asked for. A group name stands for its outlets; an outlet
    name is matched to the stored one whatever its case; an unknown name selects
    nothing rather than everything."""
    date_from, date_to = checked_day(date_from, "from"), checked_day(date_to, "to")
    language = checked_language(language)
    names = asked_outlets(outlets)
    if not names:
        return Selection(date_from, date_to, None, language) if (date_from or date_to or language) else ALL_TIME
    named_groups = {name.casefold(): members for name, members in groups().outlets.items()}
    stored = {name.casefold(): name for name in outlet_names(store)}
    chosen: dict[str, None] = {}
    for name in names:
        for member in named_groups.get(name.casefold(), (name,)):
            chosen[stored.get(member.casefold(), member)] = None
    return Selection(date_from, date_to, tuple(chosen), language)


@dataclass(frozen=True)
class Asked:
    """A period, outlet set and language as a front end receives them (outlets: names
    and group names, comma-separated); `resolve` makes the store's Selection of them."""
    date_from: str | None = None
    date_to: str | None = None
    outlets: str | None = None
    language: str | None = None

    def resolve(self, store) -> Selection:
        return choose(store, self.date_from, self.date_to, self.outlets, self.language)

    def params(self) -> dict:
        """As query-string parameters, for links that keep the selection."""
        return {key: value for key, value in zip(ASKED_KEYS, astuple(self)) if value}


ASKED_KEYS = ("date_from", "date_to", "outlets", "language")    # Asked's fields, as query parameters


ASKED_NOTHING = Asked()


def asked_in(params: dict) -> Asked:
    """The selection of a web page's query string: date_from, date_to, outlets, language."""
    return Asked(*((params.get(key) or "").strip() or None for key in ASKED_KEYS))


def describe(selection: Selection) -> str:
    """The selection in words, for the pages and the report that show it."""
    period = f"{selection.date_from or '…'} — {selection.date_to or '…'}"
    outlets = ", ".join(selection.outlets) if selection.outlets is not None else "*"
    return f"{period} · {outlets}" + (f" · {selection.language}" if selection.language else "")
