"""Database engines and sessions, tuned per backend."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

SQLITE_BUSY_TIMEOUT_MS = 30_000
P = ParamSpec("P")
T = TypeVar("T")


def _sqlite_engine(database_url: str, begin: str | None = None) -> Engine:
    engine = create_engine(
        database_url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from pysqlite so that BEGIN is ours to choose.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL lets readers run beside the one writer; NORMAL sync in WAL mode survives a
        # killed process, which is what an acknowledged write must survive.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    if begin is not None:

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            # Straight to the driver: through Connection.exec_driver_sql, this one statement would
            # cost as much as the query that follows.
            connection.connection.driver_connection.execute(begin)

    return engine


class Database:
    """A reader and a writer engine. On SQLite the writer begins IMMEDIATE, so that concurrent
    writers queue on the busy timeout instead of failing with "database is locked" when a read
    transaction tries to become a write transaction."""

    def __init__(self, database_url: str, *, pool_size: int = 10, max_overflow: int = 20) -> None:
        self.url = make_url(database_url)
        self._inline: tuple[int, Connection] | None = None
        if self.url.get_backend_name() == "sqlite":
            # Readers begin in `reading`: a begin event costs as much as a one-row query.
            self.reader = _sqlite_engine(database_url)
            self.writer = _sqlite_engine(database_url, "BEGIN IMMEDIATE")
        else:
            self.writer = create_engine(
                self.url, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow
            )
            # The same pool; psycopg names the level in its BEGIN, so this costs no round trip.
            self.reader = self.writer.execution_options(isolation_level="REPEATABLE READ")

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session on the writer, or on a reading connection; the caller commits, and whatever
        it leaves uncommitted is rolled back."""
        if write:
            with Session(self.writer, expire_on_commit=False) as session:
                yield session
            return
        with self.reading() as connection, Session(bind=connection, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection of the reader in one transaction, whose queries see one snapshot: SQLite's
        transactions do, and PostgreSQL's at REPEATABLE READ. On SQLite the BEGIN goes straight to
        the driver, and the pool's rollback on return ends it."""
        with self.reader.connect() as connection:
            self._begin_on_sqlite(connection)
            yield connection

    def _begin_on_sqlite(self, connection: Connection) -> None:
        if self.backend == "sqlite":
            connection.connection.driver_connection.execute("BEGIN")  # type: ignore[union-attr]

    def read(self, work: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run `work` on a reading connection. Reads go through Core, not the ORM, whose unit of
        work they do not need."""
        with self.reading() as connection:
            return work(connection, *args, **kwargs)

    def read_inline(
        self, work: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """`read` for the event loop's own SQLite reads, on one connection kept for its thread
        (as Datasette keeps one per thread): checking a connection out of the pool and back cost
        about 16 µs, as much as a one-row query. The connection is kept for the first thread that
        calls this; any other thread, and PostgreSQL, read through the pool."""
        here = threading.get_ident()
        if self.backend != "sqlite" or (self._inline is not None and self._inline[0] != here):
            return self.read(work, *args, **kwargs)
        if self._inline is None:
            self._inline = (here, self.reader.connect())
        connection = self._inline[1]
        # SQLAlchemy's transaction, so that its rollback always reaches the driver, ends ours.
        transaction = connection.begin()
        try:
            self._begin_on_sqlite(connection)
            return work(connection, *args, **kwargs)
        finally:
            transaction.rollback()

    def dispose(self) -> None:
        if self._inline is not None:
            self._inline[1].close()
            self._inline = None
        self.writer.dispose()
        if self.backend == "sqlite":
            self.reader.dispose()
