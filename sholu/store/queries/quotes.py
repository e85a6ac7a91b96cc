"""Who said what: quotes with their speakers, and speakers by number of quotes."""
from __future__ import annotations

import json
import math

from dataclasses import dataclass

from .common import ALL_TIME, EVERYTHING, Scope, Selection, marks, newest_first, one, rows

TOP = 10
INDEXED_WORDS = 3       # the shortest words an index of trigrams can look up
COUNTED_WORDS = 1000    # quotes of words counted one by one; past that, estimated
QUOTE_KEYS = ("quote_id", "speaker", "speaker_entity_id", "speaker_type", "kind", "text", "verb",
              "topics", "repeat_of", "document_id", "published", "outlet", "duplicate_of", "times_said",
              "speaker_tone")


@dataclass(frozen=True)
class QuoteSearch:
    """What the quote explorer narrows quotes by, besides speakers and theme: words of
    the quote, its tone (-1/0/1) and the period and outlet set."""
    words: str | None = None
    tone: int | None = None
    selection: Selection = ALL_TIME


ANY_QUOTE = QuoteSearch()


def quote_filters(store, speaker_ids: list[str] | None, topic: str | None,
                  search: QuoteSearch = ANY_QUOTE, walked: bool = False) -> tuple[str, list]:
    """SQL conditions for quotes by speakers (entity ids), theme, words, tone, period
    and outlets. A theme is looked up quote by quote where the quotes are `walked`
    (or a speaker's are read), else its quotes are listed first. Words are looked up
    in the store's index of the quotes' text where it keeps one apart (three letters
    or more: trigrams), the substring rule kept on top so the answer stays the same."""
    where, args = ["1=1"], []
    if speaker_ids is not None:
        where.append(f"q.speaker_entity_id IN ({marks(speaker_ids)})")
        args += speaker_ids
    if topic:
        where.append("EXISTS (SELECT 1 FROM quote_topics t WHERE t.quote_id = q.quote_id AND t.topic = ?)"
                     if walked or speaker_ids is not None else
                     "q.quote_id IN (SELECT quote_id FROM quote_topics WHERE topic = ?)")
        args.append(topic)
    if search.words:
        pattern = f"%{search.words.lower()}%"
        if indexed_words(store, search) and not walked:     # a walk stops early: it reads no index
            where.append(f"q.quote_id IN ({store.QUOTE_WORDS_SEARCH})")
            args.append(pattern)
        where.append(f"{store.LOWERED_QUOTE} LIKE ?")
        args.append(pattern)
    if search.tone is not None:
        where.append("q.speaker_tone = ?")
        args.append(search.tone)
    condition, selected = search.selection.condition()
    return " AND ".join([*where, condition]), [*args, *selected]


# The columns of QUOTE_KEYS, from quotes q joined with their documents d; the times a
# line was said read from the kept sums (store/aggregates.py), not counted per row.
QUOTE_COLUMNS = ("q.quote_id, q.speaker, q.speaker_entity_id, q.speaker_type, q.kind, q.text, "
                 "q.verb, q.topics, q.repeat_of, d.id, d.published, d.outlet, d.duplicate_of, "
                 "1 + COALESCE((SELECT r.repeats FROM quote_repeats r "
                 "WHERE r.quote_id = COALESCE(q.repeat_of, q.quote_id)), 0), "
                 "q.speaker_tone")


def quote_dict(row: tuple) -> dict:
    return {**dict(zip(QUOTE_KEYS, row)), "topics": json.loads(row[7])}


def list_quotes(store, speaker_ids: list[str] | None, topic: str | None, limit: int,
                search: QuoteSearch = ANY_QUOTE, offset: int = 0) -> list[dict]:
    """Quotes newest first, each with how many times its line was said in all."""
    tables = quotes_and_documents(store, speaker_ids, topic, search, limit + offset)
    where, args = quote_filters(store, speaker_ids, topic, search, walked=tables.startswith("documents"))
    newest = "ORDER BY COALESCE(d.published, '') DESC, d.seq, q.start"
    # the page's quotes are chosen first, so only they count their repeats
    page = f"SELECT q.quote_id FROM {tables} WHERE q.document_id = d.id AND {where} {newest} LIMIT ? OFFSET ?"
    found = rows(store, f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.document_id "
                        f"WHERE q.quote_id IN ({page}) {newest}", (*args, limit, offset))
    return [quote_dict(row) for row in found]


def quotes_and_documents(store, speaker_ids: list[str] | None, topic: str | None, search: QuoteSearch,
                         wanted: int) -> str:
    """The FROM of quotes q and documents d: the newest quotes of a frequent speaker or
    theme, or of any (most articles have some), are found walking the documents newest
    first (documents_day_first, then quotes_document_speaker or quotes_document), not by
    sorting all of them; words
    or a tone only make the walk longer, never longer than reading every quote."""
    if not search.selection.everything:
        return "quotes q, documents d"        # the planner's choice
    if speaker_ids is not None:       # the speakers' quotes (on the theme), from the kept sums
        return newest_first(store, count_quotes(store, speaker_ids, topic), wanted, "quotes q")
    if topic:
        return newest_first(store, count_quotes(store, None, topic, QuoteSearch(search.words)), wanted, "quotes q")
    if indexed_words(store, search):      # the trigrams' count, at least the matches: enough to choose
        documents = one(store, "SELECT COALESCE(MAX(seq), 0) FROM documents")
        enough = math.isqrt(wanted * documents) + 1      # as many as newest_first needs to walk
        found = one(store, store.QUOTE_WORDS_ESTIMATE, ('"' + search.words.replace('"', '""') + '"', enough))
        return newest_first(store, found, wanted, "quotes q")
    if search.words and store.planner_estimates:
        return "quotes q, documents d"        # the planner's choice, from the text index's statistics
    return "documents d CROSS JOIN quotes q"


def indexed_words(store, search: QuoteSearch) -> bool:
    """Whether the words are looked up in the index the store keeps apart."""
    return bool(store.QUOTE_WORDS_SEARCH and len(search.words or "") >= INDEXED_WORDS)


def count_quotes(store, speaker_ids: list[str] | None, topic: str | None, search: QuoteSearch = ANY_QUOTE) -> int:
    """How many rows list_quotes would give without a limit (every quote has its
    document, so without a period or outlet set the quotes alone are counted)."""
    if not topic and speaker_ids is None and search == QuoteSearch(search.words) and indexed_words(store, search):
        # the index holds each quote's text lowered, so `text LIKE` there is the rule itself
        return one(store, f"SELECT COUNT(*) FROM ({store.QUOTE_WORDS_SEARCH}) w", (f"%{search.words.lower()}%",))
    if topic and speaker_ids is None and search == QuoteSearch(selection=search.selection):
        condition, args = search.selection.on_sums()        # a theme's quotes: summed per day and outlet
        return one(store, f"SELECT COALESCE(SUM(quotes), 0) FROM daily_quote_topics WHERE topic = ? AND {condition}",
                   (topic, *args))
    if topic and speaker_ids and search == QuoteSearch():       # the speakers' quotes on it, summed
        return one(store, "SELECT COALESCE(SUM(quotes), 0) FROM topic_speakers WHERE topic = ? "
                          f"AND speaker_entity_id IN ({marks(speaker_ids)})", (topic, *speaker_ids))
    if speaker_ids is not None and not topic and search == QuoteSearch():
        return sum(quotes_of(store, speaker_ids).values())
    where, args = quote_filters(store, speaker_ids, topic, search)
    joined = "" if search.selection.everything else " JOIN documents d ON d.id = q.document_id"
    return one(store, f"SELECT COUNT(*) FROM quotes q{joined} WHERE {where}", args)


def counted_or_estimated(store, speaker_ids: list[str] | None, topic: str | None,
                         search: QuoteSearch = ANY_QUOTE) -> tuple[int, bool]:
    """(count_quotes, whether it is an estimate). The quotes of words are counted up to
    COUNTED_WORDS and past that estimated: a common word matches tens of thousands of
    quotes, each read again to check it (PostgreSQL's trigram index only narrows them;
    SQLite's checks each candidate's text). SQLite's index gives its matches in stored
    order: the estimate is the first ones' count times the documents over those they
    reached; PostgreSQL's is its planner's."""
    if indexed_words(store, search) and not topic and speaker_ids is None and search == QuoteSearch(search.words):
        counted, reached = rows(store, store.QUOTE_WORDS_REACHED, (f"%{search.words.lower()}%", COUNTED_WORDS))[0]
        if counted < COUNTED_WORDS:
            return counted, False
        documents = one(store, "SELECT COALESCE(MAX(seq), 0) FROM documents")
        return max(round(counted * documents / max(reached, 1)), counted), True
    if not (search.words and store.planner_estimates):
        return count_quotes(store, speaker_ids, topic, search), False
    where, args = quote_filters(store, speaker_ids, topic, search)
    joined = "" if search.selection.everything else " JOIN documents d ON d.id = q.document_id"
    matches = f"SELECT 1 FROM quotes q{joined} WHERE {where}"
    counted = one(store, f"SELECT COUNT(*) FROM ({matches} LIMIT {COUNTED_WORDS}) m", args)
    if counted < COUNTED_WORDS:
        return counted, False
    return max(store.estimated_rows(matches, args), counted), True


def quotes_of(store, ids: list[str]) -> dict[str, int]:
    """Quotes per speaker among `ids`, copies included (kept per speaker: `speaker_quotes`,
    store/aggregates.py)."""
    return dict(rows(store, "SELECT speaker_entity_id, quotes FROM speaker_quotes "
                            f"WHERE speaker_entity_id IN ({marks(ids)})", ids))


def quotes_by(store, ids: list[str], column: str, scope: Scope = EVERYTHING) -> list[tuple]:
    """(speaker_entity_id, `column` of the article, quotes) over original articles."""
    return rows(store, f"SELECT q.speaker_entity_id, {column}, COUNT(*) "
                       "FROM quotes q JOIN documents d ON d.id = q.document_id "
                       f"WHERE q.speaker_entity_id IN ({marks(ids)}) AND {scope.where()} "
                       f"GROUP BY q.speaker_entity_id, {column}", (*ids, *scope.args))


def speakers_in(store, scope: Scope, limit: int = TOP) -> list[dict]:
    found = rows(store, "SELECT q.speaker_entity_id, MIN(q.speaker), COUNT(*) FROM quotes q "
                        "JOIN documents d ON d.id = q.document_id "
                        f"WHERE q.speaker_entity_id IS NOT NULL AND {scope.where()} "
                        "GROUP BY q.speaker_entity_id ORDER BY 3 DESC, 2 LIMIT ?", (*scope.args, limit))
    return [{"entity_id": e, "name": n, "quotes": c} for e, n, c in found]


def speakers_on(store, topic: str, limit: int = TOP) -> list[dict]:
    """Who is quoted on a theme, by number of quotes."""
    found = rows(store, "SELECT speaker_entity_id, MIN(NULLIF(speaker, '')), SUM(quotes) FROM topic_speakers "
                        "WHERE topic = ? GROUP BY speaker_entity_id ORDER BY 3 DESC, 2 LIMIT ?", (topic, limit))
    return [{"entity_id": e, "name": n, "quotes": c} for e, n, c in found]


def quote_themes(store, entity_id: str) -> list[str]:
    """The themes of a person's quotes (over at most 2,000 of them), for the theme filter."""
    found = set()
    for (topics,) in rows(store, "SELECT topics FROM quotes WHERE speaker_entity_id = ? LIMIT 2000", (entity_id,)):
        found.update(json.loads(topics))
    return sorted(found)
