"""Dependencies shared by the routers: sessions and load-or-404 lookups."""

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.db import Database
from app.models import Article
from app.services.queries import get_or_404
from app.settings import Settings

P = ParamSpec("P")
T = TypeVar("T")


# Dependencies that do no blocking I/O are `async def`: FastAPI runs a plain `def` dependency in
# the thread pool, and that hop costs more than the lookup itself.


async def get_database(request: Request) -> Database:
    return request.app.state.database


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def read_session(database: Annotated[Database, Depends(get_database)]) -> AsyncIterator[Session]:
    """A session opens no connection until its first query, so it is made on the event loop.
    Closing returns the connection with a rollback: instant on SQLite, a round trip to a database
    server, which is made in the thread pool so as not to stall the event loop."""
    session = database.session_for_reads()
    try:
        yield session
    finally:
        if database.backend == "sqlite":
            session.close()
        else:
            await run_in_threadpool(session.close)


def write_session(database: Annotated[Database, Depends(get_database)]) -> Iterator[Session]:
    """The handler commits before it answers, so that an acknowledged write is durable, and
    runs nothing on this session after the commit: on SQLite a new statement would take the write
    lock again and keep it until the session is closed, in another thread, after the handler."""
    with database.session(write=True) as session:
        yield session


async def run_read(session: Session, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking read work on a read session from an `async def` handler.

    On SQLite it runs inline: an indexed read takes tens of microseconds and waits on no network,
    so the hop to the thread pool and back (and the GIL hand-offs it costs) would take longer
    than the read itself. A server database's driver blocks on each round trip, so there the work
    runs in the thread pool and the event loop keeps serving other requests meanwhile."""
    assert session.bind is not None
    if session.bind.dialect.name == "sqlite":
        return work(*args, **kwargs)
    return await run_in_threadpool(work, *args, **kwargs)


SessionDep = Annotated[Session, Depends(read_session)]
WriteSessionDep = Annotated[Session, Depends(write_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]


async def load_article(article_id: Annotated[int, Path(examples=[1])], session: SessionDep) -> Article:
    return await run_read(session, get_or_404, session, Article, article_id, "article")


ArticleDep = Annotated[Article, Depends(load_article)]
