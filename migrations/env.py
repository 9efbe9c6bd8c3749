"""Alembic environment: the database URL comes from the caller or from Settings."""

from alembic import context
from sqlalchemy import Connection
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers every table on SQLModel.metadata)
from app.db import Database
from app.services.migrations import include_name
from app.settings import Settings

config = context.config
target_metadata = SQLModel.metadata


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                raise RuntimeError(f"the migration left rows whose foreign keys point nowhere: {broken[:5]}")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    url = config.attributes.get("database_url") or Settings().database_url
    database = Database(url)
    with database.writer.connect() as connection:
        if connection.dialect.name == "sqlite":
            # SQLite changes a table by rebuilding it, and dropping a table that others reference
            # with ON DELETE CASCADE would empty them: keys are off while migrating, outside the
            # transaction as SQLite requires, and checked before the commit (run_with).
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        run_with(connection)
    database.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run against a database.")
run_migrations_online()
