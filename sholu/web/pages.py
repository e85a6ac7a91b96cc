"""The dashboard's routes. Each page is a view (views.py) rendered one of three ways,
chosen by the query string so every URL stays shareable:

    /persons/per:…                     the HTML page
    /persons/per:…?format=json         its lists as JSON (&list=quotes for one of them)
    /persons/per:…?format=csv&chart=coverage   the data behind one chart
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ..services.selection import ASKED_KEYS, SelectionError, asked_in, groups
from ..services.session import Session
from ..store.search import QueryError
from . import data, i18n, views
from .highlight import highlighted

HERE = Path(__file__).parent
TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                        trim_blocks=True, lstrip_blocks=True)

router = APIRouter(include_in_schema=False)


def marked_snippet(snippet: str) -> Markup:
    """The search snippet escaped, its marked matches (views.SNIPPET_MARKS) as highlights."""
    start, end = views.SNIPPET_MARKS
    return Markup(str(escape(snippet)).replace(start, '<mark class="hit">').replace(end, "</mark>"))


TEMPLATES.filters["snippet"] = marked_snippet


async def show(request: Request, session: Session, view, *args) -> Response:
    params = dict(request.query_params)
    try:
        page = await session.run(view, params, *args)
    except (QueryError, SelectionError) as err:
        return render(request, views.Page("error.html", "bad_query", context={"message": str(err)}), 400)
    if page is None:
        return render(request, views.Page("error.html", "not_found"), 404)
    wanted = params.get("format")
    if wanted == "json":
        return as_json(page, params.get("list"))
    if wanted == "csv":
        return as_csv(page, params.get("chart"))
    return render(request, page, languages=await session.run(data.stored_languages))


def as_json(page: views.Page, name: str | None) -> Response:
    if name:
        if name not in page.lists:
            return JSONResponse({"detail": f"no list {name!r} here; lists: {', '.join(page.lists)}"}, 404)
        return JSONResponse(page.lists[name])
    return JSONResponse({"lists": page.lists, "total": page.total})


def as_csv(page: views.Page, name: str | None) -> Response:
    if name not in page.charts:
        return JSONResponse({"detail": f"no chart {name!r} here; charts: {', '.join(page.charts)}"}, 404)
    rows = page.charts[name]["rows"]
    out = io.StringIO()
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.DictWriter(out, columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: cell(value) for key, value in row.items()})
    # the byte order mark makes Excel read the file as UTF-8 (Cyrillic intact)
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def cell(value):
    """One CSV cell, never a formula a spreadsheet would run."""
    from ..export.csv_tables import safe_cell

    return safe_cell(json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value)


def render(request: Request, page: views.Page, status: int = 200, languages: list[str] = ()) -> HTMLResponse:
    """The page's HTML; `languages`: the stored articles' languages the selection offers."""
    params = dict(request.query_params)
    language = i18n.pick(params.get("lang"))
    helpers = Helpers(request.url.path, params, language)
    chosen = asked_in(params)
    html = TEMPLATES.get_template(page.template).render(
        page=page, **page.context, **page.lists, charts=page.charts, t=helpers.t, lang=language,
        chosen=chosen, chosen_label=describe_asked(chosen), request_path=request.url.path, page_params=params,
        outlet_choices=outlet_choices(), kept_params=kept_params(params),
        language_choices=sorted({*languages, *([chosen.language] if chosen.language else [])}),
        here=helpers.here, link=helpers.link, theme=helpers.theme,
        highlight=lambda record: highlighted(record, helpers.entity_link),
        page_number=views.page_number(params), page_size=views.PAGE_SIZE, labels=helpers.labels())
    return HTMLResponse(html, status_code=status)


SELECTION_KEYS = ASKED_KEYS         # the period, outlet set and language links keep


def describe_asked(chosen) -> str:
    if not chosen.params():
        return ""
    period = f"{chosen.date_from or '…'} — {chosen.date_to or '…'}"
    return (period + (f" · {chosen.outlets}" if chosen.outlets else "")
            + (f" · {chosen.language}" if chosen.language else ""))


def outlet_choices() -> list[str]:
    """The group names of the groups file, offered in the outlet field."""
    try:
        return list(groups().outlets)
    except SelectionError:
        return []


def kept_params(params: dict) -> dict:
    """What the selection form keeps of the page's query: all but the selection and the page."""
    return {k: v for k, v in params.items() if k not in (*SELECTION_KEYS, "page", "format", "list", "chart")}


class Helpers:
    """What templates need to build links that keep the language and the filters."""

    def __init__(self, path: str, params: dict, language: str):
        self.path, self.params, self.language = path, params, language
        self.t = i18n.translator(language)
        self.names = views.theme_names()

    def link(self, path: str, **params) -> str:
        """A link to another page, keeping the language and the period and outlet set."""
        if self.language != i18n.DEFAULT:
            params["lang"] = self.language
        params = {**{key: self.params[key] for key in SELECTION_KEYS if self.params.get(key)}, **params}
        params = {k: v for k, v in params.items() if v not in (None, "")}
        return path + ("?" + urlencode(params) if params else "")

    def here(self, **changes) -> str:
        """This page's URL with some parameters changed (None removes one)."""
        params = {**self.params, **changes}
        if "page" not in changes and set(changes) - {"lang", "format", "list", "chart"}:
            params.pop("page", None)         # a new filter starts from the first page
        params = {k: v for k, v in params.items() if v not in (None, "")}
        return self.path + ("?" + urlencode(params) if params else "")

    def labels(self) -> dict[str, str]:
        """Every interface string and theme name, for the charts drawn in the browser."""
        return {**{key: self.t(key) for key in i18n.TEXTS}, **{topic: self.theme(topic) for topic in self.names}}

    def theme(self, topic: str) -> str:
        names = self.names.get(topic)
        return names["en" if self.language == "en" else "ru"] if names else topic

    def entity_link(self, field: str, entity: dict) -> str | None:
        if field == "persons" and entity.get("entity_id"):
            return self.link(f"/persons/{entity['entity_id']}")
        if field == "organizations" and entity.get("entity_id"):
            return self.link(f"/organizations/{entity['entity_id']}")
        return self.link("/search", q=f'"{entity["name"]}"')


# -- routes ----------------------------------------------------------------------------
# (path, view); a view of a single record takes its key from the path.

PAGES = [
    ("/", views.overview), ("/search", views.search), ("/documents/{key}", views.article),
    ("/persons", views.persons), ("/persons/{key}", views.person),
    ("/organizations", views.organizations), ("/organizations/{key}", views.organization),
    ("/outlets", views.outlets), ("/outlets/{key:path}", views.outlet),      # names may hold "/"
    ("/themes", views.topics), ("/themes/{key}", views.topic),
    ("/events", views.events), ("/events/{key:path}", views.event),      # keys may hold "/"
    ("/problems", views.problems),
    ("/shares", views.shares), ("/quotes", views.quotes), ("/reprints/{key}", views.reprint),
]


def endpoint(view, keyed: bool):
    if keyed:
        async def record_page(request: Request, session: Session, key: str):
            return await show(request, session, view, key)
        return record_page

    async def list_page(request: Request, session: Session):
        return await show(request, session, view)
    return list_page


for path, view in PAGES:
    router.add_api_route(path, endpoint(view, "{key" in path), methods=["GET"], response_class=HTMLResponse,
                         name=view.__name__)
