"""What every query module shares: running one query, placeholders, and the `Scope`
of articles a count is over."""
from __future__ import annotations

from dataclasses import dataclass


def rows(store, sql: str, args: tuple | list = ()) -> list[tuple]:
    """Rows of one query, `?` placeholders as in sqlite3 (the PostgreSQL store's
    connection translates them)."""
    return store.db.execute(sql, tuple(args)).fetchall()


def one(store, sql: str, args: tuple | list = ()):
    """The first column of the first row."""
    return store.db.execute(sql, tuple(args)).fetchone()[0]


def marks(values) -> str:
    """Placeholders for an IN (...) list; NULL keeps an empty list valid SQL."""
    return ",".join("?" * len(values)) or "NULL"


def ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass(frozen=True)
class Scope:
    """A condition on `documents d` with its arguments; originals only unless `copies`."""
    condition: str = "1=1"
    args: tuple = ()
    copies: bool = False

    def where(self) -> str:
        return self.condition if self.copies else f"d.duplicate_of IS NULL AND {self.condition}"

    def with_copies(self) -> "Scope":
        return Scope(self.condition, self.args, True)


EVERYTHING = Scope()


def naming(entity_id: str) -> Scope:
    return Scope("d.id IN (SELECT document_id FROM entity_mentions WHERE entity_id = ?)", (entity_id,))


def from_outlet(outlet: str) -> Scope:
    return Scope("d.outlet = ?", (outlet,)) if outlet != "—" else Scope("d.outlet IS NULL")


def on_theme(topic: str) -> Scope:
    return Scope("d.id IN (SELECT document_id FROM document_topics WHERE topic = ?)", (topic,))
