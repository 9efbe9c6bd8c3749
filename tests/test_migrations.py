"""Migrations are the only source of schema: they round-trip, and match the models exactly."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import Database
from app.models import Pledge, Quote
from app.schemas.facts import FactsIn
from app.services import curation, migrations
from app.services.ingest import ArticleIn, store_article
from app.services.search import matches
from app.services.search_text import query_terms
from app.services.seed import seed


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


def _seeded_at(url: str, revision: str, model: type[Quote] | type[Pledge]) -> tuple[Database, int, int]:
    """The database at `url` migrated to `revision`, holding the seed article less its newest row
    of `model`: the database, the article's id and the id deleted."""
    migrations.upgrade(url, revision)
    database = Database(url)
    with database.session(write=True) as session:
        article_id = seed(session).article.id
        session.commit()
        deleted = session.scalars(select(func.max(model.id))).one()
        curation.delete(session, model.__tablename__, deleted, key_id=None)
        session.commit()
    return database, article_id, deleted


def test_ids_never_reused_keeps_every_row_key_index_and_trigger(make_database) -> None:  # type: ignore[no-untyped-def]
    """0007 rebuilds four tables on SQLite (a no-op on PostgreSQL): the rows, the search index, the
    cascades and the pledge totals all work as before, and new ids start above the audit trail's:
    above the id of a quote deleted before the upgrade."""
    url = make_database()
    database, article_id, deleted = _seeded_at(url, "0006", Quote)
    try:
        def state() -> dict[str, object]:
            with database.reader.connect() as connection:
                hits = matches(connection, Quote, query_terms("الإرهاب")).subquery()
                return {
                    "rows": [
                        connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
                        for table in ("article", "quote", "pledge", "date_mention")
                    ],
                    "search": sorted(connection.execute(select(hits.c.id)).scalars()),
                    "totals": connection.execute(text("SELECT sum(total) FROM pledge_rollup")).scalar(),
                }

        before = state()
        assert before["search"] and before["totals"]
        migrations.upgrade(url)
        assert state() == before
        migrations.downgrade(url, "0006")
        assert state() == before
        migrations.upgrade(url)
        assert state() == before
        facts = FactsIn.model_validate({"quotes": [{"kind": "direct", "text": "نعم", "start": 6, "end": 9}]})
        with database.session(write=True) as session:
            stored = store_article(session, ArticleIn(text="قال: «نعم» للإرهاب.", language="ar"), facts)
            session.commit()
            new_quote = session.scalars(select(Quote.id).where(Quote.article_id == stored.article.id)).one()
        assert new_quote > deleted  # SQLite, which takes the largest id plus one, would reuse it
        with database.writer.begin() as connection:
            connection.execute(text("DELETE FROM article WHERE id = :id"), {"id": article_id})
        after = state()
        assert after["totals"] in (0, None)  # the pledge totals' triggers are back
        assert len(after["rows"][1]) == 1  # the seed's quotes went with their article
        assert after["search"] == []  # and out of the search index
    finally:
        database.dispose()


def test_totals_statuses_keep_rows_and_the_id_high_water_mark(make_database) -> None:  # type: ignore[no-untyped-def]
    """0011 admits the statuses cumulative, aggregate and component (rebuilding the pledge table on
    SQLite): the rows, search index and pledge totals are as before, a deleted pledge's id is not
    handed out again, and a downgrade stores the new statuses as new."""
    url = make_database()
    database, article_id, deleted = _seeded_at(url, "0010", Pledge)
    try:
        def state() -> dict[str, object]:
            with database.reader.connect() as connection:
                hits = matches(connection, Pledge, query_terms("دولار")).subquery()
                return {
                    "pledges": connection.execute(text("SELECT * FROM pledge ORDER BY id")).all(),
                    "search": sorted(connection.execute(select(hits.c.id)).scalars()),
                    "totals": connection.execute(
                        text("SELECT status, sum(total) FROM pledge_rollup GROUP BY status ORDER BY status")
                    ).all(),
                }

        before = state()
        assert before["search"] and before["totals"]
        migrations.upgrade(url)
        assert state() == before

        def add(status: str) -> int:
            with database.writer.begin() as connection:
                return connection.execute(
                    text(
                        "INSERT INTO pledge (article_id, amount, currency, status, evidence, start, \"end\") "
                        "VALUES (:article, 900, 'USD', :status, '900', 0, 3) RETURNING id"
                    ),
                    {"article": article_id, "status": status},
                ).scalar_one()

        cumulative = add("cumulative")
        assert cumulative > deleted
        assert ("cumulative", 900) in state()["totals"]
        migrations.downgrade(url, "0010")
        with database.reader.connect() as connection:
            assert connection.execute(
                text("SELECT status FROM pledge WHERE id = :id"), {"id": cumulative}
            ).scalar_one() == "new"
        with pytest.raises(IntegrityError):
            add("aggregate")
        migrations.upgrade(url)
        assert add("aggregate") > cumulative
    finally:
        database.dispose()
