"""The analyst's dashboard: server-rendered pages (Jinja2) next to the REST API, on the
same store, with charts and the map drawn by ECharts served from Sholu itself."""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def mount(app: FastAPI) -> None:
    from .pages import router

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    threading.Thread(target=warm_up, name="sholu-web-warm-up", daemon=True).start()


def warm_up() -> None:
    """Read the gazetteer and the taxonomy (about a second) before the first visitor
    asks for a page, not while they wait."""
    from . import data, views

    data.gazetteer_places()
    views.theme_names()
