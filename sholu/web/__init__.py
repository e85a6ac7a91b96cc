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
    threading.Thread(target=warm_up, args=(app.state.settings.db,), name="sholu-web-warm-up",
                     daemon=True).start()


def warm_up(target: str | None = None) -> None:
    """Read the gazetteer and the taxonomy (about a second) and the overview's corpus
    aggregates (seconds at 100,000 articles) before the first visitor asks, not while
    they wait."""
    from ..store import StoreError, open_store
    from . import data, views

    data.gazetteer_places()
    views.theme_names()
    if target:
        try:
            store = open_store(target)
        except StoreError:
            return          # the pages say what is wrong with the store when asked
        try:
            views.overview(store, {})
        finally:
            store.close()
