"""What the API needs to know: the database, the write token, the request size limit.
Arguments win; the environment fills in what is not given, so `uvicorn --factory
sholu.server:create_app` works with SHOLU_DB and SHOLU_API_TOKEN alone."""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..store import default_target

TOKEN_VARIABLE = "SHOLU_API_TOKEN"
DEFAULT_MAX_BODY_BYTES = 5_000_000


@dataclass(frozen=True)
class Settings:
    db: str
    token: str | None          # None: writes are disabled
    max_body_bytes: int

    @classmethod
    def resolve(cls, db: str | None, token: str | None, max_body_bytes: int) -> Settings:
        token = token if token is not None else os.environ.get(TOKEN_VARIABLE)
        return cls(db=db or default_target(), token=token or None, max_body_bytes=max_body_bytes)
