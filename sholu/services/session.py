"""A store per request, and the one thread allowed to use it.

sqlite3 refuses a connection from any thread but the one that opened it, and FastAPI
runs sync dependencies and sync endpoints on whichever pool thread is free, so a
connection opened in a dependency fails under concurrent requests. Each request
therefore gets a single-thread executor: the store is opened, queried and closed
there, and the event loop only awaits the results. A store whose opening costs is
kept open, with its thread, for a later request (KeptSessions).
"""
from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Request

from ..store import StoreError, open_store

Result = TypeVar("Result")
KEPT = 2        # open sessions an app keeps for its next requests (KeptSessions)


class StoreSession:
    def __init__(self, target: str):
        self.target = target
        self.store = None
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sholu-api-store")

    async def run(self, work: Callable[..., Result], *args: Any, **kwargs: Any) -> Result:
        """`work(store, *args, **kwargs)` on the store's thread."""
        return await self.on_thread(functools.partial(work, self.store, *args, **kwargs))

    async def on_thread(self, call: Callable[[], Result]) -> Result:
        return await asyncio.get_running_loop().run_in_executor(self.thread, call)

    async def open(self) -> None:
        self.store = await self.on_thread(functools.partial(open_store, self.target))

    async def close(self) -> None:
        try:
            if self.store is not None:
                await self.on_thread(self.store.close)
        finally:
            self.thread.shutdown(wait=False)


class KeptSessions:
    """Sessions left open between requests, a few, each with its own thread as above:
    opening costs (a PostgreSQL connection is a server process whose caches start
    cold, about 20 ms a request on a loaded machine; a SQLite one an empty page cache)."""

    def __init__(self, most: int = KEPT):
        self.most, self.sessions, self.lock = most, [], threading.Lock()

    def take(self) -> StoreSession | None:
        with self.lock:
            return self.sessions.pop() if self.sessions else None

    def keep(self, session: StoreSession) -> bool:
        with self.lock:
            if len(self.sessions) < self.most:
                self.sessions.append(session)
                return True
        return False

    async def close(self) -> None:
        while (session := self.take()) is not None:
            await session.close()


async def store_session(request: Request) -> AsyncIterator[StoreSession]:
    kept = request.app.state.kept_sessions
    session = kept.take()
    if session is None:
        session = StoreSession(request.app.state.settings.db)
        try:
            await session.open()
        except StoreError as err:
            await session.close()
            raise HTTPException(status_code=503, detail=str(err)) from err
    session.store.served += 1          # what a request's remembered state is keyed by (web/data.py)
    try:
        yield session
    finally:
        reusable = await session.on_thread(session.store.reusable)
        if not (reusable and kept.keep(session)):
            await session.close()


Session = Annotated[StoreSession, Depends(store_session)]
