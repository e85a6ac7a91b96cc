"""The REST API (FastAPI): read endpoints under /api/ open to all, writes behind a
bearer token, OpenAPI at /openapi.json.

The dashboard is mounted beside it by `sholu.server`, which imports both:

    uvicorn --factory sholu.server:create_app     # SHOLU_DB, SHOLU_API_TOKEN from the environment
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from importlib.util import find_spec

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .. import __version__
from ..services.session import KeptSessions
from ..store.search import QueryError
from . import reads, writes
from .settings import DEFAULT_MAX_BODY_BYTES, Settings

__all__ = ["create_app"]


def create_app(db: str | None = None, token: str | None = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> FastAPI:
    """The API alone over the store `db` ($SHOLU_DB, else ./sholu.db); writes need
    `token` ($SHOLU_API_TOKEN) and are disabled without one."""
    app = FastAPI(title="Sholu API", version=__version__, lifespan=closing_kept_sessions,
                  description="Russian-language news about Kazakhstan as a structured record: "
                              "documents, people, quotes, events, outlets and themes.")
    app.state.settings = Settings.resolve(db, token, max_body_bytes)
    app.state.kept_sessions = KeptSessions()
    app.state.write_lock = threading.Lock()
    app.add_exception_handler(QueryError, bad_query)
    app.include_router(reads.router)
    app.include_router(writes.router)
    if find_spec("sholu.analytics"):       # written alongside; the API works without it
        from . import analytics
        app.include_router(analytics.router)
    return app


@asynccontextmanager
async def closing_kept_sessions(app: FastAPI):
    """The stores kept open between requests are closed when the app stops."""
    yield
    await app.state.kept_sessions.close()


async def bad_query(request: Request, error: QueryError) -> JSONResponse:
    return JSONResponse(status_code=400, content={"detail": str(error)})
