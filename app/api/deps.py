"""Dependencies shared by the routers, and how handlers read."""

import os
from collections.abc import Callable, Iterator
from functools import partial
from typing import Annotated, Concatenate, ParamSpec, TypeVar

import anyio
from fastapi import Depends, Request
from sqlalchemy import Connection
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.db import Database
from app.settings import Settings

P = ParamSpec("P")
T = TypeVar("T")


# Dependencies that do no blocking I/O are `async def`: FastAPI runs a plain `def` dependency in
# the thread pool, and that hop costs more than the lookup itself.


async def get_database(request: Request) -> Database:
    return request.app.state.database


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def write_session(database: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    """The handler commits before it answers, so that an acknowledged write is durable, and
    runs nothing on this session after the commit: on SQLite a new statement would take the write
    lock again and keep it until the session is closed, in another thread, after the handler."""
    with database.session(write=True) as session:
        yield session


async def read(
    request: Request, work: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run blocking read work on a read connection from an `async def` handler.

    On SQLite it runs inline, on the connection the event loop keeps: an indexed read takes tens of
    microseconds and waits on no network, so the hop to the thread pool and back (and the GIL
    hand-offs it costs) would take longer than the read itself. A server database's driver blocks
    on each round trip, so there the work, connection checkout and return included, runs in the
    thread pool and the event loop keeps serving other requests meanwhile."""
    database: Database = request.app.state.database
    if database.backend == "sqlite":
        return database.read_inline(work, *args, **kwargs)
    return await run_in_threadpool(database.read, work, *args, **kwargs)


async def read_scanning(
    request: Request, work: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """`read` for work whose cost grows with the rows it matches rather than with the page it
    answers: ranking full-text matches, aggregating, counting. It runs in the thread pool on every
    backend, so that the event loop, and every other request, does not wait for it; SQLite lets go
    of the GIL while it steps through rows, so another core can serve the other requests meanwhile."""
    database: Database = request.app.state.database
    limiter = _SQLITE_SCANS if database.backend == "sqlite" else None
    return await anyio.to_thread.run_sync(partial(database.read, work, *args, **kwargs), limiter=limiter)


# SQLite scans on this process's own cores: more scans at once than there are cores would only take
# turns at them and at the GIL, each holding a connection; the others wait on the event loop.
_SQLITE_SCANS = anyio.CapacityLimiter(
    len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
)


WriteSessionDep = Annotated[Session, Depends(write_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
