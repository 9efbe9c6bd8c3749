"""Migrations are the only source of schema: they round-trip, and match the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import Database
from app.models import Quote
from app.services import migrations
from app.services.search import matches
from app.services.search_text import query_terms


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


def test_upgrade_indexes_rows_already_stored(make_database) -> None:  # type: ignore[no-untyped-def]
    """Rows stored before the search index existed are searchable after the upgrade."""
    url = make_database()
    migrations.upgrade(url, "0001")
    database = Database(url)
    try:
        with database.writer.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO article (id, language, text, content_hash, created_at) "
                    "VALUES (1, 'ar', 'قال الوزير إنّ الحكومة ستواصل جهودها', :hash, CURRENT_TIMESTAMP)"
                ),
                {"hash": "c" * 64},
            )
            connection.execute(
                text(
                    'INSERT INTO quote (id, article_id, kind, text, start, "end") '
                    "VALUES (7, 1, 'direct', 'الحكومة ستواصل جهودها', 15, 36)"
                )
            )
        migrations.upgrade(url)
        with database.reader.connect() as connection:
            hits = matches(connection, Quote, query_terms("حكومه")).subquery()
            assert connection.execute(select(hits.c.id)).scalars().all() == [7]
            assert "حكومه" in connection.execute(select(Quote.search_text)).scalar_one().split()
    finally:
        database.dispose()
