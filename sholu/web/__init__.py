"""The analyst's dashboard: server-rendered pages (Jinja2) next to the REST API, on the
same store, with charts and the map drawn by ECharts served from Sholu itself."""
from __future__ import annotations

import gzip
import threading
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response

STATIC = Path(__file__).parent / "static"
CACHE_CONTROL = "public, max-age=86400"        # a day; the ETag revalidates after that
COMPRESSIBLE = (".js", ".css", ".geojson", ".json", ".svg", ".html", ".txt")


class CompressedStatic(StaticFiles):
    """Static files with cache headers, gzip-compressed when the browser accepts it:
    ECharts (1.1 MB) and the map (420 KB) are a fifth of that compressed. Each file is
    compressed once and kept in memory."""

    async def get_response(self, path: str, scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["Cache-Control"] = CACHE_CONTROL
        if (response.status_code != 200 or not isinstance(response, FileResponse)
                or not str(response.path).endswith(COMPRESSIBLE)
                or "gzip" not in Headers(scope=scope).get("accept-encoding", "")):
            return response
        file = Path(response.path)
        headers = {key: value for key, value in response.headers.items()
                   if key in ("etag", "last-modified", "cache-control")}
        return Response(compressed(str(file), file.stat().st_mtime), media_type=response.media_type,
                        headers={**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})


@lru_cache(maxsize=32)
def compressed(path: str, stamp: float) -> bytes:
    """The file gzip-compressed (read again when it changes: `stamp` is its time)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


def mount(app: FastAPI) -> None:
    from .pages import router

    app.include_router(router)
    app.mount("/static", CompressedStatic(directory=STATIC), name="static")
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
