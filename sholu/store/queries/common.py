"""What every query module shares: running one query, placeholders, and the `Scope`
of articles a count is over."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta


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


def newest_first(store, found: int, wanted: int, table: str) -> str:
    """The FROM of documents d and `table`, rows of which name their document, for
    the newest `wanted` of `found` rows: for a frequent entity, documents walked newest
    first (documents_newest; about wanted * documents / found of them), otherwise all
    `found` rows sorted, so neither way reads more than about sqrt(wanted * documents).
    CROSS JOIN keeps SQLite's join order as written (PostgreSQL plans both alike)."""
    documents = one(store, "SELECT COALESCE(MAX(seq), 0) FROM documents")
    walk = found * found > wanted * documents
    return f"documents d CROSS JOIN {table}" if walk else f"{table} CROSS JOIN documents d"


def ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass(frozen=True)
class Rows:
    """The rows naming a scope's documents, one per document (`table` w, `key` picking
    them with `args`), and the scope's other conditions on `documents d` (`rest`): a
    page of the documents can walk them newest first and count them from an index."""
    table: str
    key: str
    args: tuple
    rest: str = "1=1"
    rest_args: tuple = ()


@dataclass(frozen=True)
class Scope:
    """A condition on `documents d` with its arguments; originals only unless `copies`;
    `rows`, when the condition is one on a table of rows naming documents."""
    condition: str = "1=1"
    args: tuple = ()
    copies: bool = False
    rows: Rows | None = None

    def where(self) -> str:
        return self.condition if self.copies else f"d.duplicate_of IS NULL AND {self.condition}"

    def with_copies(self) -> "Scope":
        return Scope(self.condition, self.args, True, self.rows)


EVERYTHING = Scope()


def naming(entity_id: str) -> Scope:
    return Scope("d.id IN (SELECT document_id FROM entity_mentions WHERE entity_id = ?)", (entity_id,),
                 rows=Rows("entity_mentions w", "w.entity_id = ?", (entity_id,)))


def from_outlet(outlet: str) -> Scope:
    return Scope("d.outlet = ?", (outlet,)) if outlet != "—" else Scope("d.outlet IS NULL")


def on_theme(topic: str) -> Scope:
    return Scope("d.id IN (SELECT document_id FROM document_topics WHERE topic = ?)", (topic,),
                 rows=Rows("document_topics w", "w.topic = ?", (topic,)))


@dataclass(frozen=True)
class Selection:
    """A period, a set of outlets and the articles' language: the one filter every
    aggregate, list, export and report takes. Empty fields select everything;
    `outlets` are names as stored, `language` an ISO 639-1 code (documents.language)."""
    date_from: str | None = None
    date_to: str | None = None
    outlets: tuple[str, ...] | None = None
    language: str | None = None

    @property
    def everything(self) -> bool:
        return not (self.date_from or self.date_to or self.outlets is not None or self.language)

    def condition(self) -> tuple[str, tuple]:
        """A condition on `documents d` and its arguments."""
        clauses, args = ["1=1"], []
        if self.date_from:
            clauses.append("d.published >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("SUBSTR(d.published, 1, 10) <= ?")     # the whole last day
            args.append(self.date_to)
        self.outlets_and_language(clauses, args, "d.")
        return " AND ".join(clauses), tuple(args)

    def on_sums(self) -> tuple[str, tuple]:
        """The same condition on an aggregate's `published`, `outlet` and `language`
        keys (store/aggregates.py), in a form their indexes serve: the last day is taken
        whole by comparing with the day after it; '' (undated) is in no period."""
        clauses, args = ["1=1"], []
        if self.date_from:
            clauses.append("published >= ?")
            args.append(self.date_from)
        if self.date_to:
            clauses.append("published <> '' AND published < ?")
            args.append(day_after(self.date_to))
        self.outlets_and_language(clauses, args)
        return " AND ".join(clauses), tuple(args)

    def sums(self, daily: str, all_days: str) -> str:
        """Of a table of sums per day and its twin with every day together (the same
        keys less the day), the one this selection reads: the days only for a period."""
        return daily if self.date_from or self.date_to else all_days

    def outlets_and_language(self, clauses: list, args: list, on: str = "") -> None:
        """The outlet set and language conditions, alike on the documents (`on` "d.") and
        on the sums' keys."""
        if self.outlets is not None:
            clauses.append(f"{on}outlet IN ({marks(self.outlets)})")
            args += self.outlets
        if self.language:
            clauses.append(f"{on}language = ?")
            args.append(self.language)

    def scope(self, copies: bool = False) -> Scope:
        condition, args = self.condition()
        return Scope(condition, args, copies)

    def narrow(self, scope: Scope) -> Scope:
        """`scope` within this period, outlet set and language."""
        if self.everything:
            return scope
        condition, args = self.condition()
        named = scope.rows and replace(scope.rows, rest=f"({scope.rows.rest}) AND {condition}",
                                       rest_args=(*scope.rows.rest_args, *args))
        return Scope(f"({scope.condition}) AND {condition}", (*scope.args, *args), scope.copies, named)


ALL_TIME = Selection()


def day_after(day: str) -> str:
    """The next day of a YYYY-MM-DD date; anything else past every date that starts
    with it (the published dates are ISO strings)."""
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return day + "\uffff"
