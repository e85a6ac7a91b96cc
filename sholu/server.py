"""The server: the REST API at /api/ and the dashboard at / side by side, on one
store. The one module that imports both, so that neither imports the other.

    uvicorn --factory sholu.server:create_app     # SHOLU_DB, SHOLU_API_TOKEN, SHOLU_AUTH from the environment
"""
from __future__ import annotations

from fastapi import FastAPI

from .access import Guard, ReadAuth
from .api import create_app as create_api
from .api.settings import DEFAULT_MAX_BODY_BYTES
from .web import mount


def create_app(db: str | None = None, token: str | None = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, auth: str | None = None) -> FastAPI:
    """The API over the store `db` ($SHOLU_DB, else ./sholu.db) with the dashboard's
    pages mounted at /; writes need `token` ($SHOLU_API_TOKEN); with `auth` ($SHOLU_AUTH,
    see sholu.access) reading needs it too. Every response carries security headers."""
    app = create_api(db, token, max_body_bytes)
    mount(app)
    app.add_middleware(Guard, auth=ReadAuth.parse(auth), write_token=app.state.settings.token)
    return app
