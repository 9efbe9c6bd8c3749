"""Migrations are the only source of schema: they round-trip, and match the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import Database
from app.services import migrations


def table_names(url: str) -> set[str]:
    database = Database(url)
    try:
        with database.reader.connect() as connection:
            names = set(inspect(connection).get_table_names()) - {"alembic_version"}
            return {name for name in names if not migrations.is_search_index(name)}
    finally:
        database.dispose()


def test_upgrade_downgrade_upgrade(make_database) -> None:  # type: ignore[no-untyped-def]
    url = make_database()
    migrations.upgrade(url)
    assert table_names(url) == set(SQLModel.metadata.tables)
    migrations.downgrade(url, "base")
    assert table_names(url) == set()
    migrations.upgrade(url)
    assert table_names(url) == set(SQLModel.metadata.tables)


def test_autogenerate_finds_no_difference(database_url: str) -> None:
    database = Database(database_url)
    try:
        with database.reader.connect() as connection:
            options = {"compare_type": True, "include_name": migrations.include_name}
            context = MigrationContext.configure(connection, opts=options)
            assert compare_metadata(context, SQLModel.metadata) == []
    finally:
        database.dispose()
