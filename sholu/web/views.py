"""One function per page: it reads the store (on the request's store thread) and returns
a `Page`, the template's context plus the page's lists and chart data, so the same
view serves the HTML, its JSON twin and each chart's CSV."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import analytics
from ..services import reads
from ..services.facets import Facets, store_filters
from ..services.selection import asked_in
from ..services.text import first_words
from ..store.queries import events as event_queries
from ..store.queries import people
from ..store.queries.common import Selection
from ..store.queries.documents import document
from ..topics.taxonomy import themes
from . import data

PAGE_SIZE = 20
MAX_PAGE = 1_000_000        # beyond it an offset would overflow the databases' integers


@dataclass
class Page:
    template: str
    title: str
    context: dict = field(default_factory=dict)
    lists: dict[str, list] = field(default_factory=dict)
    charts: dict[str, dict] = field(default_factory=dict)
    total: int | None = None            # rows in the paged list, for the pager


def page_number(params: dict) -> int:
    try:
        return min(max(1, int(params.get("page") or 1)), MAX_PAGE)
    except ValueError:
        return 1


def paging(params: dict) -> reads.Paging:
    return reads.Paging(PAGE_SIZE, (page_number(params) - 1) * PAGE_SIZE)


def theme_names() -> dict[str, dict]:
    return {t.id: {"ru": t.label_ru, "en": t.label_en or t.label_ru} for t in themes()}


def coverage_chart(rows: list[dict]) -> dict:
    return {"kind": "bar", "stack": True, "x": [r["period"] for r in rows],
            "series": [{"key": "originals", "data": [r["originals"] for r in rows]},
                       {"key": "copies", "data": [r["copies"] for r in rows]}],
            "rows": rows}


def ranking_chart(rows: list[dict], label: str, value: str) -> dict:
    """Bars per row; theme ids are shown by their names in the page's language."""
    return {"kind": "hbar", "x": [r[label] for r in rows], "translate": label == "topic",
            "series": [{"key": value, "data": [r[value] for r in rows]}], "rows": rows}


# -- overview ------------------------------------------------------------------------

def overview(store, params: dict) -> Page:
    """Corpus aggregates, of the period and outlet set when one is chosen; those of
    data.py remember themselves, the others here. The map's event markers are the
    whole corpus's."""
    selection = asked_in(params).resolve(store)
    saved = lambda name, compute: data.corpus_aggregate(store, (name, selection), compute)  # noqa: E731
    people = data.top_people(store, data.TOP, selection)
    scope = selection.scope()
    topics = saved("themes", lambda s: selected_themes(s, selection))
    regions = data.region_coverage(store, selection)
    events = saved("events", lambda s: event_queries.list_events(s, 8, selection=selection))
    return Page("overview.html", "overview",
                context={"summary": saved("summary", lambda s: analytics.summary(s, selection))},
                lists={"people": people, "themes": topics, "events": events,
                       "outlets": data.outlets_covering(store, scope), "regions": regions},
                charts={"coverage": coverage_chart(data.coverage(store, scope, None, selection)),
                        "people": ranking_chart(people, "name", "articles"),
                        "map": {"kind": "map", "regions": regions, "cities": data.event_cities(store),
                                "rows": regions}})


def selected_themes(store, selection: Selection) -> list[dict]:
    """The themes of the overview: every theme's counts, or the selection's."""
    if selection.everything:
        return [row for row in reads.topics(store, reads.Paging(data.TOP, 0))["items"] if row["originals"]]
    return [{"topic": row["topic"], "originals": row["articles"]} for row in data.themes_in(store, selection.scope())]


# -- search ----------------------------------------------------------------------------

SNIPPET_MARKS = ("\x02", "\x03")     # around matches; no article text holds them
FACETS = ("outlet", "date_from", "date_to", "person", "theme", "event", "outlets", "language")


def search(store, params: dict) -> Page:
    q = (params.get("q") or "").strip()
    facets = Facets(**{key: params.get(key) or None for key in FACETS},
                        with_copies=params.get("with_copies") == "true")
    pages = paging(params)
    if q:
        found = reads.search(store, q, facets, pages, marks=SNIPPET_MARKS)
    else:
        found = reads.documents(store, facets, None, pages)
    counts = search_facets(store, q, facets)
    return Page("search.html", "search", context={"q": q, "facets": facets, "counts": counts,
                                                  "all_themes": list(theme_names()),
                                                  "facet_sample": data.FACET_SAMPLE,
                                                  "count_estimated": found.get("count_estimated", False),
                                                  "person_label": person_label(store, facets.person)},
                lists={"results": found["items"], "facet_counts": counts}, total=found["count"])


def person_label(store, person: str | None) -> str:
    """The person filter as a name: the facet links carry entity ids."""
    entity = people.entity(store, person) if person else None
    return entity["name"] if entity else (person or "")


def search_facets(store, q: str, facets: Facets) -> dict[str, list[dict]]:
    """The search's facets counted over its newest matches, remembered until the store
    changes (the matches are read again for them: a page of results reads only its own)."""
    from ..store.search import parse_query

    filters = store_filters(store, facets)
    return data.corpus_aggregate(
        store, ("search facets", q, repr(sorted(filters.items()))),
        lambda s: data.facet_counts(s, data.facet_sample(s, filters, parse_query(q) if q else None)))


# -- article ---------------------------------------------------------------------------

# a link to the article's version in another language, named in that language
VERSION_NAMES = {"kk": "Қазақша нұсқасы", "ru": "Русская версия", "en": "English version"}

def article(store, params: dict, doc_id: str) -> Page | None:
    doc = document(store, doc_id)
    if doc is None:
        return None
    record = doc.to_record()
    keys = data.event_keys_of(store, doc_id)
    events = [{**event, "key": keys.get(f"{doc_id}:{i}")} for i, event in enumerate(record["events"])]
    heading = record["title"] or first_words(record["text"], 90)
    return Page("article.html", heading,
                context={"doc": record, "heading": heading, "boilerplate": doc.boilerplate,
                         "version_names": VERSION_NAMES,
                         "show_boilerplate": params.get("show") == "boilerplate"},
                lists={"events": events, "themes": record["topics"], "quotes": record["quotes"],
                       "copies": data.copies_of(store, doc_id, record["duplicate_of"]),
                       "persons": record["persons"], "organizations": record["organizations"],
                       "places": record["places"]})


# -- people, organisations -----------------------------------------------------------------

def person(store, params: dict, entity_id: str) -> Page | None:
    entity = people.entity(store, entity_id)
    if entity is None or entity["kind"] != "person":
        return None
    chosen = asked_in(params)
    scope = chosen.resolve(store).narrow(data.naming(entity_id))
    theme = params.get("theme") or None
    pages = paging(params)
    quotes = reads.quotes(store, entity_id, theme, pages, asked=chosen)
    positions = data.positions_over_time(store, entity_id)
    outlets = data.outlets_covering(store, scope)
    return Page("person.html", entity["name"],
                context={"entity": entity, "counts": data.entity_counts(store, entity_id), "chosen_theme": theme,
                         "quote_themes": data.quote_themes(store, entity_id)},
                lists={"positions": positions, "quotes": quotes["items"],
                       "events": data.events_with(store, entity["name"]),
                       "co_mentioned": data.co_mentioned(store, entity_id, limit=data.TOP),
                       "outlets": outlets},
                charts={"coverage": coverage_chart(data.coverage(store, scope)),
                        "outlets": ranking_chart(outlets, "outlet", "articles")},
                total=quotes["count"])


def organization(store, params: dict, entity_id: str) -> Page | None:
    entity = people.entity(store, entity_id)
    if entity is None or entity["kind"] != "organization":
        return None
    scope = asked_in(params).resolve(store).narrow(data.naming(entity_id))
    articles, total = data.articles_in(store, scope, PAGE_SIZE, paging(params).offset)
    outlets = data.outlets_covering(store, scope)
    return Page("organization.html", entity["name"],
                context={"entity": entity, "counts": data.entity_counts(store, entity_id)},
                lists={"articles": articles, "people": data.entities_in(store, scope, "person"),
                       "events": data.events_with(store, entity["name"]), "outlets": outlets,
                       "themes": data.themes_in(store, scope)},
                charts={"coverage": coverage_chart(data.coverage(store, scope)),
                        "outlets": ranking_chart(outlets, "outlet", "articles")},
                total=total)


def persons(store, params: dict) -> Page:
    found = reads.persons(store, paging(params), asked_in(params))
    return Page("entities.html", "persons", context={"kind": "person"},
                lists={"persons": found["items"]}, total=found["count"])


def organizations(store, params: dict) -> Page:
    found = reads.organizations(store, paging(params), asked_in(params))
    return Page("entities.html", "organizations", context={"kind": "organization"},
                lists={"organizations": found["items"]}, total=found["count"])


# -- outlets, themes ------------------------------------------------------------------------

OUTLETS_CHARTED = 20       # bars on the outlets chart; the rest are one bar


def outlets(store, params: dict) -> Page:
    """Every outlet of the selection, a page of the table at a time, sorted as asked;
    the chart shows the top outlets and the rest as one bar."""
    selection = asked_in(params).resolve(store)
    rows = data.corpus_aggregate(store, ("outlet analytics", selection), lambda s: analytics.outlets(s, selection))
    order = params.get("sort") if params.get("sort") in OUTLET_SORTS else "articles"
    column = OUTLET_SORTS[order]
    ordered = sorted(rows, key=lambda row: (row[column] is not None, row[column] or 0), reverse=order != "name")
    charted = rows[:OUTLETS_CHARTED] + ([others_row(rows[OUTLETS_CHARTED:])] if rows[OUTLETS_CHARTED:] else [])
    pages = paging(params)
    return Page("outlets.html", "outlets", context={"sort": order},
                lists={"outlets": ordered[pages.offset:pages.offset + pages.limit]},
                charts={"outlets": {"kind": "hbar", "stack": True, "x": [r["outlet"] or "—" for r in charted],
                                    "series": [{"key": "originals", "data": [r["originals"] for r in charted]},
                                               {"key": "copies", "data": [r["copies"] for r in charted]}],
                                    "rows": rows}},
                total=len(rows))


# the column each sort reads: names A to Z, the rest largest or latest first (ties keep
# the order of most articles first)
OUTLET_SORTS = {"articles": "articles", "originals": "originals", "copies": "copies",
                "reprinted": "originals_reprinted_elsewhere", "name": "outlet", "last_date": "last_date"}


def others_row(rows: list[dict]) -> dict:
    return {"outlet": f"… +{len(rows)}", "originals": sum(r["originals"] for r in rows),
            "copies": sum(r["copies"] for r in rows)}


def outlet(store, params: dict, name: str) -> Page | None:
    if not data.articles_in(store, data.from_outlet(name), 1)[1]:
        return None             # no such outlet; one with nothing in the period shows empty
    scope = asked_in(params).resolve(store).narrow(data.from_outlet(name))
    articles, total = data.articles_in(store, scope, PAGE_SIZE, paging(params).offset)
    every = scope.with_copies()
    themes = data.themes_in(store, every)
    return Page("outlet.html", name,
                context={"outlet": name, "coverage_total": total},
                lists={"articles": articles, "people": data.entities_in(store, every, "person"),
                       "speakers": data.speakers_in(store, every), "themes": themes},
                charts={"coverage": coverage_chart(data.coverage(store, scope)),
                        "themes": ranking_chart(themes, "topic", "articles")},
                total=total)


def topics(store, params: dict) -> Page:
    chosen = asked_in(params)
    rows = data.corpus_aggregate(store, ("all themes", chosen),
                                 lambda s: reads.topics(s, reads.Paging(200, 0), chosen)["items"])
    return Page("themes.html", "themes", lists={"themes": rows},
                charts={"themes": ranking_chart(rows, "topic", "originals")})


def topic(store, params: dict, topic_id: str) -> Page | None:
    if topic_id not in theme_names():
        return None
    chosen = asked_in(params)
    scope = chosen.resolve(store).narrow(data.on_theme(topic_id))
    pages = paging(params)
    quotes = data.corpus_aggregate(store, ("theme quotes", topic_id, pages, chosen),
                                   lambda s: reads.quotes(s, None, topic_id, pages, asked=chosen))
    return Page("theme.html", topic_id, context={"topic": topic_id},
                lists={"quotes": quotes["items"], "speakers": data.speakers_on(store, topic_id),
                       "people": data.entities_in(store, scope, "person"),
                       "outlets": data.outlets_covering(store, scope),
                       "articles": data.articles_in(store, scope, PAGE_SIZE)[0]},
                charts={"coverage": coverage_chart(data.coverage(store, scope))},
                total=quotes["count"])


# -- events ---------------------------------------------------------------------------------

def events(store, params: dict) -> Page:
    """Events reported in the period and outlets, newest first, and events per day."""
    pages, chosen = paging(params), asked_in(params)
    found = data.corpus_aggregate(store, ("events page", pages, chosen), lambda s: reads.events(s, pages, chosen))
    per_day = data.events_per_day(store, chosen.resolve(store))
    days = sorted({r["date"] for r in per_day})
    kinds = sorted({r["type"] for r in per_day})
    cells = {(r["date"], r["type"]): r["events"] for r in per_day}
    chart = {"kind": "bar", "stack": True, "x": days, "rows": per_day,
             "series": [{"key": k, "data": [cells.get((d, k), 0) for d in days]} for k in kinds]}
    return Page("events.html", "events", lists={"events": found["items"]},
                charts={"timeline": chart}, total=found["count"])


def event(store, params: dict, key: str) -> Page | None:
    reports, total = data.event_reports(store, key, PAGE_SIZE, paging(params).offset)
    if not total:
        return None
    summary = event_queries.list_events(store, 1, 0, keys=[key])[0]
    people = data.persons_named(store, summary["participants"])
    return Page("event.html", summary["type"], context={"event": summary, "people": people},
                lists={"reports": reports, "participants": summary["participants"],
                       "quotes": event_queries.event_quotes(store, key)}, total=total)


# -- problems --------------------------------------------------------------------------

PROBLEMS_SHOWN = 500


def problems(store, params: dict) -> Page:
    """What runs could not store or stored with a note, newest first."""
    from ..store.queries.problems import list_problems

    severity = params.get("severity") if params.get("severity") in ("error", "note") else None
    rows = list_problems(store, PROBLEMS_SHOWN, severity)
    return Page("problems.html", "problems", lists={"problems": rows}, total=len(rows))


# -- the observer's pages: share of coverage and tone, quotes, press releases -----------------

def shares(store, params: dict) -> Page:
    """Share of coverage and tone per subject and outlet for the period and outlet set:
    the rows of `analytics.shares.subject_table`, laid out as a table per subject."""
    from ..analytics.shares import TOP_OUTLETS, TOP_SUBJECTS, subject_table

    kind = "organization" if params.get("kind") == "organization" else "person"
    selection = asked_in(params).resolve(store)
    tops = (top_number(params, "top_subjects", TOP_SUBJECTS), top_number(params, "top_outlets", TOP_OUTLETS))
    found = data.corpus_aggregate(store, ("shares", kind, selection, tops),
                                  lambda s: subject_table(s, selection, kind, *tops))
    lines: dict[str, dict] = {}
    for row in found["rows"]:
        lines.setdefault((row["line"], row["subject"]), {"row": row, "cells": {}})["cells"][row["outlet"]] = row
    totals = [line["cells"]["all"] for line in lines.values()]
    tone = {"kind": "hbar", "stack": True, "percent": True, "translate": True,     # "others" in the page's language
            "x": [row["subject"] for row in totals],
            "series": [{"key": key, "data": [row[key] for row in totals]} for key in ("positive", "neutral", "negative")],
            "rows": found["rows"]}
    return Page("shares.html", "shares", context={"kind": kind, "columns": found["outlets"],
                                                  "articles": found["articles"]},
                lists={"shares": found["rows"], "lines": list(lines.values())},
                charts={"shares": tone}, total=len(lines))


def top_number(params: dict, name: str, default: int) -> int:
    """How many subjects or outlets a table shows: 1 to 200."""
    try:
        return min(max(1, int(params.get(name) or default)), 200)
    except ValueError:
        return default


TONES = {"positive": 1, "neutral": 0, "negative": -1}


def quotes(store, params: dict) -> Page:
    """The quote explorer: words, speaker, theme, tone, period and outlets; CSV of the page."""
    tone = TONES.get(params.get("tone") or "")
    speaker, theme = params.get("speaker") or None, params.get("theme") or None
    found = reads.quotes(store, speaker, theme, paging(params), (params.get("words") or "").strip() or None,
                         tone, asked_in(params))
    return Page("quotes.html", "quotes", context={"all_themes": list(theme_names()), "tones": list(TONES),
                                                  "count_estimated": found.get("count_estimated", False)},
                lists={"quotes": found["items"]},
                charts={"quotes": {"kind": "table", "rows": found["items"]}}, total=found["count"])


def reprint(store, params: dict, doc_id: str) -> Page | None:
    """A press release and every copy of it, ordered by publication: who published it
    first and how many days later each copy appeared."""
    doc = document(store, doc_id)
    if doc is None:
        return None
    root = doc.duplicate_of or doc.id
    members = data.reprint_group(store, root)
    return Page("reprint.html", "press_release",
                context={"original": members[0], "first": members[0] if members else None},
                lists={"copies": members}, charts={"copies": {"kind": "table", "rows": members}},
                total=len(members))
