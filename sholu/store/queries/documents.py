"""Documents: one, all of them, a scope's page of them, reprint groups, and the counts
of the corpus as a whole and per period."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

from ...document import Document
from .common import ALL_TIME, EVERYTHING, Rows, Scope, Selection, newest_first, one, rows
from .periods import parse_day as period_day, period_of

DOCUMENT_COLUMNS = ("id", "source", "url", "outlet", "title", "published", "language",
                    "text", "text_key", "duplicate_of")
SELECT_DOCUMENT = f"SELECT {', '.join(DOCUMENT_COLUMNS)}, boilerplate, annotations FROM documents"


def row_to_document(row) -> Document:
    fields = dict(zip(DOCUMENT_COLUMNS, row))
    doc = Document(fingerprint="", **fields)
    doc.boilerplate = json.loads(row[-2])
    return doc.restore(json.loads(row[-1]))


def documents(store) -> Iterator[Document]:
    for row in store.stream(f"{SELECT_DOCUMENT} ORDER BY seq"):   # streamed: never the corpus in memory
        yield with_quote_links(store, row_to_document(row))


def document(store, doc_id: str) -> Document | None:
    row = store.db.execute(f"{SELECT_DOCUMENT} WHERE id=?", (doc_id,)).fetchone()
    return with_quote_links(store, row_to_document(row)) if row else None


def analysed_by(store, doc_id: str) -> str | None:
    """The pipeline version that analysed a stored document ('' while only reserved)."""
    found = rows(store, "SELECT pipeline_version FROM documents WHERE id=?", (doc_id,))
    return found[0][0] if found else None


def with_quote_links(store, doc: Document) -> Document:
    """Each quote carries its id and, when the line was said before in another
    article, the id of that first appearance; the article, its versions in other
    languages (`translations`)."""
    doc.translations = [{"id": other, "language": language} for other, language in rows(
        store, "SELECT t.translation_id, o.language FROM translations t JOIN documents o ON o.id = t.translation_id "
               "WHERE t.document_id = ? ORDER BY t.translation_id", (doc.id,))]
    links = dict(rows(store, "SELECT quote_id, repeat_of FROM quotes WHERE document_id=?", (doc.id,)))
    for index, quote in enumerate(doc.quotes):
        quote["quote_id"] = f"{doc.id}:{index}"
        quote["repeat_of"] = links.get(quote["quote_id"])
    return doc


# -- counts -----------------------------------------------------------------------------

def totals(store) -> dict:
    documents_, duplicates = rows(store, "SELECT COUNT(*), COUNT(duplicate_of) FROM documents")[0]
    outlets = one(store, "SELECT COUNT(DISTINCT outlet) FROM documents WHERE duplicate_of IS NULL")
    return {"documents": documents_, "duplicates": duplicates,
            "originals": documents_ - duplicates, "outlets": outlets}


def summary(store, selection: Selection = ALL_TIME) -> dict:
    """Documents, originals, copies, outlets (all, and those with originals), the date
    range of all documents and how much was extracted, over the selection's articles;
    the counts summed from the articles per day and outlet (`daily_documents`)."""
    condition, args = selection.on_sums()
    documents_, copies, outlets, original_outlets, first, last, undated = rows(
        store, "SELECT COALESCE(SUM(articles), 0), COALESCE(SUM(copies), 0), "
               "COUNT(DISTINCT NULLIF(outlet, '')), "
               "COUNT(DISTINCT CASE WHEN articles > copies THEN NULLIF(outlet, '') END), "
               "MIN(NULLIF(published, '')), MAX(NULLIF(published, '')), "
               "COALESCE(SUM(CASE WHEN published = '' THEN articles - copies ELSE 0 END), 0) "
               f"FROM daily_documents WHERE {condition}", args)[0]
    return {"documents": documents_, "originals": documents_ - copies, "copies": copies,
            "outlets": outlets, "outlets_with_originals": original_outlets,
            "first_date": first, "last_date": last, "undated_originals": undated,
            **extracted(store, selection.scope(copies=True))}


def extracted(store, every: Scope) -> dict:
    """People, organisations and places named, quotes and events, in the scope."""
    if every.condition == EVERYTHING.condition:     # the whole corpus: the tables themselves
        entities = dict(rows(store, "SELECT kind, COUNT(*) FROM entities GROUP BY kind"))
        quotes = one(store, "SELECT COUNT(*) FROM quotes")          # each has its article
        events = one(store, "SELECT COUNT(*) FROM event_groups")    # kept: a key with reports
    else:
        entities = dict(rows(store, "SELECT em.kind, COUNT(DISTINCT em.entity_id) FROM entity_mentions em "
                                    f"JOIN documents d ON d.id = em.document_id WHERE {every.where()} "
                                    "GROUP BY em.kind", every.args))
        joined = f"JOIN documents d ON d.id = x.document_id WHERE {every.where()}"
        quotes = one(store, f"SELECT COUNT(*) FROM quotes x {joined}", every.args)
        events = one(store, f"SELECT COUNT(DISTINCT x.group_key) FROM events x {joined}", every.args)
    return {"persons": entities.get("person", 0), "organizations": entities.get("organization", 0),
            "places": entities.get("place", 0), "quotes": quotes, "events": events}


def articles_per_day(store, selection: Selection = ALL_TIME) -> list[tuple]:
    """(published or None, articles, copies) of the selection, from `daily_documents`."""
    condition, args = selection.on_sums()
    return [(published or None, articles, copies) for published, articles, copies in rows(
        store, f"SELECT published, SUM(articles), SUM(copies) FROM daily_documents WHERE {condition} "
               "GROUP BY published", args)]


def articles_per_period(store, by: str, scope: Scope = EVERYTHING) -> dict[str | None, list[int]]:
    """period -> [originals, copies] of a scope's articles; period None: undated."""
    cells: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for published, count, copies in rows(
            store, f"SELECT d.published, COUNT(*), COUNT(d.duplicate_of) FROM documents d "
                   f"WHERE {scope.with_copies().where()} GROUP BY d.published", scope.args):
        cell = cells[period_of(published, by)]
        cell[0] += count - copies
        cell[1] += copies
    return cells


# -- pages of documents ------------------------------------------------------------------

def articles_in(store, scope: Scope, limit: int, offset: int = 0) -> tuple[list[dict], int]:
    """A page of a scope's articles, newest first, copies included and marked."""
    if scope.rows:
        return named_articles(store, scope.rows, limit, offset)
    every = scope.with_copies()
    total = one(store, f"SELECT COUNT(*) FROM documents d WHERE {every.where()}", scope.args)
    found = rows(store, "SELECT d.id, d.outlet, d.published, d.title, d.duplicate_of, substr(d.text, 1, 120) "
                        f"FROM documents d WHERE {every.where()} "
                        "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT ? OFFSET ?",
                 (*scope.args, limit, offset))
    keys = ("id", "outlet", "published", "title", "duplicate_of", "opening")
    return [dict(zip(keys, row)) for row in found], total


def named_articles(store, named: Rows, limit: int, offset: int) -> tuple[list[dict], int]:
    """articles_in for the documents that rows name: counted from the rows' index
    alone when nothing else narrows them, and a page of a frequent one found walking
    the documents newest first (newest_first), only the page's rows read whole."""
    narrowed = named.rest != "1=1"
    total = one(store, f"SELECT COUNT(*) FROM {named.table}" + (" JOIN documents d ON d.id = w.document_id"
                                                               if narrowed else "")
                + f" WHERE {named.key} AND {named.rest}", (*named.args, *named.rest_args))
    newest = "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC"
    page = (f"SELECT d.seq FROM {newest_first(store, total, limit + offset, named.table)} WHERE "
            f"w.document_id = d.id AND {named.key} AND {named.rest} {newest} LIMIT ? OFFSET ?")
    found = rows(store, "SELECT d.id, d.outlet, d.published, d.title, d.duplicate_of, substr(d.text, 1, 120) "
                        f"FROM documents d WHERE d.seq IN ({page}) {newest}",
                 (*named.args, *named.rest_args, limit, offset))
    keys = ("id", "outlet", "published", "title", "duplicate_of", "opening")
    return [dict(zip(keys, row)) for row in found], total


def copies_of(store, doc_id: str, original: str | None) -> list[dict]:
    """The other members of the article's reprint group, the original first."""
    root = original or doc_id
    found = rows(store, "SELECT id, outlet, published, title, duplicate_of FROM documents "
                        "WHERE (id = ? OR duplicate_of = ?) AND id <> ? "
                        "ORDER BY duplicate_of IS NOT NULL, COALESCE(published, ''), seq",
                 (root, root, doc_id))
    return [dict(zip(("id", "outlet", "published", "title", "duplicate_of"), row)) for row in found]



def stored_languages(store) -> list[str]:
    """The languages of the stored articles (from the per day sums: a few rows)."""
    return [code for (code,) in rows(store, "SELECT DISTINCT language FROM daily_documents WHERE articles > 0 "
                                            "ORDER BY 1")]


def dated_originals(store) -> list[tuple[str, str, str, str]]:
    """(id, language, outlet, published) of every stored original with an outlet and a
    date: what the translations backfill pairs by."""
    return rows(store, "SELECT id, language, outlet, published FROM documents WHERE duplicate_of IS NULL "
                       "AND outlet IS NOT NULL AND published IS NOT NULL AND pipeline_version <> '' ORDER BY seq")


def translation_links(store) -> list[tuple[str, str]]:
    """Every stored (article, its version in another language), both ways round."""
    return rows(store, "SELECT document_id, translation_id FROM translations")


def reprint_group(store, root: str) -> list[dict]:
    """Every member of a reprint group (the original `root` and its copies), earliest
    published first (undated last), with the days each came after the first."""
    found = rows(store, "SELECT id, outlet, published, title, duplicate_of, url, substr(text, 1, 120) FROM documents "
                        "WHERE id = ? OR duplicate_of = ? ORDER BY COALESCE(published, '9999'), seq", (root, root))
    members = [dict(zip(("id", "outlet", "published", "title", "duplicate_of", "url", "opening"), row))
               for row in found]
    first = period_day(members[0]["published"]) if members else None
    for member in members:
        day = period_day(member["published"])
        member["days_after_first"] = (day - first).days if day and first else None
    return members
