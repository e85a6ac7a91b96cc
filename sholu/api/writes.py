"""The write endpoint: articles in, through the whole pipeline, into the store.

The token and the size limit are checked by the route class, before FastAPI reads
and parses the body: a request that may not write is refused without taking its
megabytes, and an unauthorised one is told so even when its JSON is broken.
"""
from __future__ import annotations

import secrets
import threading

from fastapi import APIRouter, HTTPException, Request, Response, Security
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer

from ..pipeline import run_records
from .schemas import DocumentsIn, IngestResult
from ..services.session import Session
from .settings import TOKEN_VARIABLE

WRITE_ERRORS = {
    401: {"description": "Missing or wrong `Authorization: Bearer <token>` header."},
    403: {"description": f"Writes are disabled: the server has no {TOKEN_VARIABLE}."},
    413: {"description": "The body is larger than the server's limit."},
}


def check_token(expected: str | None, header: str | None) -> None:
    if expected is None:
        raise HTTPException(status_code=403, detail=f"writes are disabled: set {TOKEN_VARIABLE}")
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


def size_limited(request: Request, limit: int) -> Request:
    """The request with its body capped at `limit` bytes: the declared length is
    checked at once, the bytes actually sent as they arrive (a client may lie or
    send no length at all)."""
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise HTTPException(status_code=400, detail="invalid Content-Length header")
    if declared is not None and int(declared) > limit:
        raise too_large(limit)
    received = 0

    async def receive():
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise too_large(limit)
        return message

    return Request(request.scope, receive)


def too_large(limit: int) -> HTTPException:
    return HTTPException(status_code=413, detail=f"request body over {limit} bytes")


class GuardedWriteRoute(APIRoute):
    def get_route_handler(self):
        handle = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            settings = request.app.state.settings
            check_token(settings.token, request.headers.get("authorization"))
            return await handle(size_limited(request, settings.max_body_bytes))

        return guarded


router = APIRouter(prefix="/api", route_class=GuardedWriteRoute)
# Only describes the scheme in OpenAPI; GuardedWriteRoute does the checking.
bearer_scheme = HTTPBearer(auto_error=False, description=f"The server's {TOKEN_VARIABLE}.")


@router.post("/documents", response_model=IngestResult, tags=["documents"],
             responses=WRITE_ERRORS, dependencies=[Security(bearer_scheme)])
async def add_documents(body: DocumentsIn, session: Session, request: Request):
    """Run articles (text or HTML, optional url, title, published, outlet) through every
    pipeline stage and store them; problems with single articles are listed, not fatal."""
    rows = [doc.model_dump(exclude_none=True) for doc in body.documents]
    return await session.run(ingest, rows, request.app.state.write_lock)


def ingest(store, rows: list[dict], lock: threading.Lock) -> dict:
    # One API write at a time: run_records keeps its transaction open while it processes
    # the whole request, so a second writer would only wait on SQLite's lock and may time out.
    with lock:
        summary, stored = run_records(rows, store, origin="api")
    result = summary.as_dict()
    return {"stored": stored, "errors": result.pop("errors"), "summary": result}
