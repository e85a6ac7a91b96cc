"""The SQLite store: one file, WAL, FTS5 over lemmas; the default, nothing to start."""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager

from .base import Ranking, RunLocked, SqlStore
from .schema import render

MIGRATIONS = render(
    auto_id="INTEGER PRIMARY KEY AUTOINCREMENT",
    blob="BLOB",
    search_index="""CREATE VIRTUAL TABLE search_index USING fts5(
        document_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0'
    )""",
)


def lowered(text: str | None) -> str | None:
    return None if text is None else text.lower()


class SQLiteStore(SqlStore):
    migrations = MIGRATIONS
    errors = (sqlite3.Error,)
    # FTS5 finds a row fast only by rowid: the index row of a document is its seq
    SEARCH_DELETE = "DELETE FROM search_index WHERE rowid = (SELECT seq FROM documents WHERE id = ?)"
    SEARCH_KEYS = ("rowid", "seq")       # the index's row of a document is its seq
    # each match's filter columns read from an index of them, not from its row, where
    # they lie past the text in overflow pages (a filtered search walking 25,000 matches:
    # 211 -> 39 ms at 100,000 articles); named, as the planner does not see the rows' width
    SEARCHED_DOCUMENTS = "documents d INDEXED BY documents_search_filters"
    SEARCH_INSERT = ("INSERT INTO search_index (rowid, document_id, title, body) "
                     "VALUES ((SELECT seq FROM documents WHERE id = ?1), ?1, ?2, ?3)")

    # a quote's row in the trigram index is its document's seq × 2^20 + its number there
    # (FTS5 finds rows fast only by rowid), the document's quotes a range of them
    QUOTE_ROWS = "(SELECT seq FROM documents WHERE id = ?1) * 1048576"
    QUOTE_WORDS_WRITES = (f"DELETE FROM quote_words WHERE rowid BETWEEN {QUOTE_ROWS} AND {QUOTE_ROWS} + 1048575",
                          f"INSERT INTO quote_words (rowid, quote_id, text) VALUES ({QUOTE_ROWS} + ?2, ?3, lowered(?4))")
    # the index holds the text lowered: `text LIKE` the lowered words there is the rule itself
    QUOTE_WORDS_SEARCH = "SELECT quote_id FROM quote_words WHERE text LIKE ?"
    # counted up to a limit: at least how many quotes have the words (their trigrams in order)
    QUOTE_WORDS_ESTIMATE = "SELECT COUNT(*) FROM (SELECT rowid FROM quote_words WHERE quote_words MATCH ? LIMIT ?) m"
    # the first matches (up to a limit), found in rowid order, and the document seq they reached
    QUOTE_WORDS_REACHED = ("SELECT COUNT(*), COALESCE(MAX(rowid), 0) / 1048576 FROM "
                           "(SELECT rowid FROM quote_words WHERE text LIKE ? LIMIT ?) w")
    LOWERED_QUOTE = "lowered(q.text)"

    def __init__(self, path: str):
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        # SQLite's LOWER folds only ASCII letters: quotes are searched lowered as Python lowers
        self.db.create_function("lowered", 1, lowered, deterministic=True)
        self.migrate()

    def index_search_filters(self) -> None:
        self.db.execute("CREATE INDEX IF NOT EXISTS documents_search_filters ON documents "
                        "(seq, duplicate_of, outlet, published, language, id)")

    def align_search_rows(self) -> None:
        """A store indexed before an index row took its document's seq as rowid is
        indexed again: search joins on it, and a wrong join would be silently stale."""
        misaligned = self.db.execute(
            "SELECT 1 FROM search_index s LEFT JOIN documents d ON d.seq = s.rowid "
            "WHERE d.id IS NOT s.document_id LIMIT 1").fetchone()
        if misaligned:
            self.db.execute("DELETE FROM search_index")
            self.backfill_search()

    def index_quote_words(self) -> None:
        """The trigram index of the quotes' text, filled from the stored quotes (emptied
        first: run again, it gives the same)."""
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS quote_words USING fts5("
                        "quote_id UNINDEXED, text, tokenize = 'trigram')")
        self.db.execute("DELETE FROM quote_words")
        self.db.execute("INSERT INTO quote_words (rowid, quote_id, text) "
                        "SELECT d.seq * 1048576 + CAST(substr(q.quote_id, length(d.id) + 2) AS INTEGER), "
                        "q.quote_id, lowered(q.text) FROM quotes q JOIN documents d ON d.id = q.document_id")

    def reusable(self) -> bool:
        """Kept open for a server's next request while in no transaction: a connection
        opened afresh starts with an empty page cache and reads the schema and the
        index pages a search walks again (SQLite sees other writers' changes at each
        statement all the same)."""
        return not self.db.in_transaction

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, number: int) -> None:
        self.db.execute(f"PRAGMA user_version={int(number)}")

    @contextmanager
    def transaction(self):
        self.db.execute("BEGIN IMMEDIATE")     # one writer at a time, from the start
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    batch = transaction

    @contextmanager
    def run_lock(self, wait: bool = False):
        """One run writing this file at a time: an OS lock on a file beside it (the
        system drops it when the process ends, however it ends). Without `wait`, a
        second run is refused with RunLocked naming the pid holding it."""
        import fcntl

        with open(f"{self.path}-run.lock", "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                handle.seek(0)
                raise RunLocked(f"{self.path} is being written by another `sholu run` "
                                f"(pid {handle.read().strip() or '?'})") from None
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def concat(self, expression: str, separator: str, distinct: bool = False) -> str:
        if distinct:        # SQLite's DISTINCT form takes no separator: a comma it is
            return f"GROUP_CONCAT(DISTINCT {expression})"
        return f"GROUP_CONCAT({expression}, '{separator}')"

    def match_sql(self) -> Ranking:
        """bm25 (lower is better) is FTS5's own, computed beside the match."""
        return Ranking("search_index MATCH ?", "bm25(search_index, 0, 2.0, 1.0)", "w.ranked", False, "s.rowid")

    def query_text(self, query) -> str:
        return query.fts

    def stream(self, sql: str, params=()):
        return self.db.execute(sql, params)
