"""Run Alembic migrations from code: the schema's only source."""

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from app.settings import PROJECT_DIR

# Full-text index objects that the migrations create beside the tables and that the models cannot
# describe: FTS5 tables and their shadow tables on SQLite, tsvector columns and GIN indexes on
# PostgreSQL. Autogenerate leaves them alone.
SEARCH_INDEX_OBJECTS = re.compile(r"\w+_fts(_\w+)?|search_vector|ix_\w+_search_vector")


def is_search_index(name: str | None) -> bool:
    return name is not None and SEARCH_INDEX_OBJECTS.fullmatch(name) is not None


def include_name(name: str | None, _type: str, _parents: Mapping[str, str | None]) -> bool:
    """Alembic's include_name hook: compare everything but the full-text index objects."""
    return not is_search_index(name)


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(PROJECT_DIR / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(database_url), revision)


@cache
def head_revisions() -> frozenset[str]:
    """The newest revisions the code knows; read once, since the code does not change while serving."""
    return frozenset(ScriptDirectory.from_config(alembic_config("")).get_heads())


def current_revisions(connection: Connection) -> frozenset[str]:
    return frozenset(MigrationContext.configure(connection).get_current_heads())


def substituted(pattern: str, replacement: str, sql: str) -> str:
    changed, count = re.subn(pattern, replacement, sql)
    if count != 1:
        raise RuntimeError(f"expected one {pattern!r} in {sql!r}")
    return changed


def rebuild_sqlite_tables(
    connection: Connection, tables: Iterable[str], rewrite: Callable[[str, str], str]
) -> None:
    """Rebuild SQLite tables from their stored definitions as `rewrite` (table, sql) changes them, for
    what ALTER TABLE cannot change (a key, a CHECK constraint), as SQLite's documentation describes:
    each is created anew, copied with its ids (so the search index still points at the same rows),
    dropped and renamed. Indexes and triggers are put back as they were, and each table's
    AUTOINCREMENT high-water mark is kept. Foreign keys are off while migrating (migrations/env.py)
    and checked before the commit."""
    schema = connection.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master").all()
    marks = (
        dict(connection.exec_driver_sql("SELECT name, seq FROM sqlite_sequence").all())
        if inspect(connection).has_table("sqlite_sequence")
        else {}
    )
    # Every trigger goes while tables are swapped: a trigger naming a dropped table (the pledge
    # totals read article) would make the rename fail.
    triggers = [row.sql for row in schema if row.type == "trigger"]
    for row in schema:
        if row.type == "trigger":
            connection.exec_driver_sql(f"DROP TRIGGER {row.name}")
    for table in tables:
        (sql,) = [row.sql for row in schema if row.type == "table" and row.name == table]
        indexes = [row.sql for row in schema if row.type == "index" and row.tbl_name == table and row.sql]
        # A renamed table's definition names it in quotes.
        created = substituted(rf'^CREATE TABLE "?{table}"? \(', f"CREATE TABLE {table}_rebuilt (", sql)
        connection.exec_driver_sql(rewrite(table, created))
        connection.exec_driver_sql(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")
        connection.exec_driver_sql(f"DROP TABLE {table}")
        connection.exec_driver_sql(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
        for index in indexes:
            connection.exec_driver_sql(index)
        if table in marks:
            connection.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
            connection.exec_driver_sql(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, marks[table])
            )
    for trigger in triggers:
        connection.exec_driver_sql(trigger)
