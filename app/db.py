"""Database engines and sessions, tuned per backend."""

import threading
from collections import namedtuple
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, Dialect, Engine, Select, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from app.settings import Settings

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Pages are read through a memory map rather than a read() each: a list page visits dozens of
# pages spread over a large file, and the system calls cost a tenth of the request. SQLite caps the
# map at 2 GiB on common builds; beyond it, pages are read as usual.
SQLITE_MMAP_BYTES = 2**31
P = ParamSpec("P")
T = TypeVar("T")


def _sqlite_engine(database_url: str, mmap_bytes: int, begin: str | None = None) -> Engine:
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
        cursor.execute(f"PRAGMA mmap_size={mmap_bytes}")
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

    def __init__(
        self,
        database_url: str,
        *,
        pool_size: int = 10,
        max_overflow: int = 20,
        sqlite_mmap_bytes: int = SQLITE_MMAP_BYTES,
    ) -> None:
        self.url = make_url(database_url)
        self._inline: tuple[int, Connection] | None = None
        if self.url.get_backend_name() == "sqlite":
            # Readers begin in `reading`: a begin event costs as much as a one-row query.
            self.reader = _sqlite_engine(database_url, sqlite_mmap_bytes)
            self.writer = _sqlite_engine(database_url, sqlite_mmap_bytes, "BEGIN IMMEDIATE")
        else:
            self.writer = create_engine(
                self.url, pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow
            )
            # The same pool; psycopg names the level in its BEGIN, so this costs no round trip.
            self.reader = self.writer.execution_options(isolation_level="REPEATABLE READ")

    @classmethod
    def configured(cls, settings: "Settings") -> "Database":
        """The database the settings name, with their pool and memory-map sizes."""
        return cls(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            sqlite_mmap_bytes=settings.sqlite_mmap_bytes,
        )

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
        # Our transaction is begun and ended on the driver: a SQLAlchemy Transaction around it cost 4%
        # of the instructions of a quote by id. A statement SQLAlchemy runs itself (an expanding IN
        # list) begins one of its own, whose rollback reaches the driver and so ends ours too.
        driver = connection.connection.driver_connection
        driver.execute("BEGIN")  # type: ignore[union-attr]
        try:
            return work(connection, *args, **kwargs)
        finally:
            if connection.in_transaction():
                connection.rollback()
            elif not connection.invalidated:  # a lost connection is opened again on the next read
                driver.execute("ROLLBACK")  # type: ignore[union-attr]

    def dispose(self) -> None:
        if self._inline is not None:
            self._inline[1].close()
            self._inline = None
        self.writer.dispose()
        if self.backend == "sqlite":
            self.reader.dispose()


# Reads straight on the driver's cursor.
#
# Executing a statement through SQLAlchemy (its execution context, result metadata and Row
# objects) took about 27 µs, where the driver ran the same indexed query and returned its row in
# 5: most of a one-row read. `fetch` compiles each statement once per dialect and runs it on the
# driver, converting parameters and values with the same processors SQLAlchemy would apply.


@dataclass
class _Prepared:
    dialect: Dialect
    sql: str
    positional: tuple[str, ...] | None  # parameter order for a positional paramstyle
    defaults: dict[str, Any]  # values bound in the statement itself
    binds: dict[str, Callable[[Any], Any]]  # parameter -> conversion for the driver
    row: type  # a named tuple: attributes, _fields and _asdict(), as SQLAlchemy's Row
    types: list[Any]  # each column's type, for this dialect
    # Column index -> conversion; set on the first run, from the column types the driver reports.
    results: list[tuple[int, Callable[[Any], Any]]] | None = None

    def converted(self, rows: list[Any], description: Any) -> list[Any]:
        if self.results is None:
            self.results = [
                (index, process)
                for index, (kind, column) in enumerate(zip(self.types, description, strict=True))
                if (process := kind.result_processor(self.dialect, column[1])) is not None
            ]
        if not self.results:
            return rows
        converted = []
        for row in rows:
            values = list(row)
            for index, process in self.results:
                values[index] = process(values[index])
            converted.append(values)
        return converted


@lru_cache(maxsize=2048)
def _prepared(statement: Select[Any], dialect: Dialect) -> _Prepared | None:
    """The statement compiled for the driver, or None where its SQL depends on the values
    (expanding IN lists) or its columns cannot be named tuple fields; SQLAlchemy then runs it."""
    compiled = statement.compile(dialect=dialect)
    sql = str(compiled)
    names = list(statement.selected_columns.keys())
    if "POSTCOMPILE" in sql or len(set(names)) != len(names):
        return None
    try:
        row = namedtuple("Row", names)  # type: ignore[misc]
    except ValueError:  # a column name that cannot be an attribute
        return None
    binds = {}
    for name, bind in compiled.binds.items():
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            binds[name] = process
    positional = tuple(compiled.positiontup) if compiled.positional else None  # type: ignore[arg-type]
    types = [column.type.dialect_impl(dialect) for column in statement.selected_columns]
    return _Prepared(dialect, sql, positional, dict(compiled.params), binds, row, types)


def fetch(
    connection: Connection,
    statement: Select[Any],
    params: Mapping[str, Any] | None = None,
    *,
    named: bool = True,
) -> list[Any]:
    """The rows of a SELECT, each a named tuple (or, not `named`, a plain tuple), read on the
    connection's driver (see above). The statement should be built once (a module constant, or
    cached): it is compiled once."""
    prepared = _prepared(statement, connection.dialect)
    if prepared is None:
        return list(connection.execute(statement, params))
    values = {**prepared.defaults, **(params or {})}
    for name, process in prepared.binds.items():
        values[name] = process(values[name])
    bound: Any = values if prepared.positional is None else [values[n] for n in prepared.positional]
    driver = connection.connection.driver_connection
    cursor = driver.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(prepared.sql, bound)
        rows = prepared.converted(cursor.fetchall(), cursor.description)
    except connection.dialect.loaded_dbapi.Error as error:
        # As SQLAlchemy reports a driver's error: in its own classes (DataError, ...), and with a
        # lost connection invalidated, so that the pool opens another.
        if connection.dialect.is_disconnect(error, driver, cursor):
            connection.invalidate(error)
        raise DBAPIError.instance(
            prepared.sql, bound, error, connection.dialect.loaded_dbapi.Error, dialect=connection.dialect
        ) from error
    finally:
        cursor.close()
    return list(map(prepared.row._make, rows)) if named else rows
