"""`fetch` runs reads straight on the driver: its rows are SQLAlchemy's, and every read answers
byte for byte as it does when SQLAlchemy executes the same statements. SQLite reads through a
memory map."""

from datetime import UTC, date
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import bindparam, select

from app import db
from app.db import Database, fetch
from app.models import Article, Speaker
from app.settings import Settings

pytestmark = pytest.mark.anyio

FIRST_PAGES = [
    "/v1/quotes?limit=3",
    "/v1/quotes?limit=2&speaker=بلينكن",
    "/v1/quotes?limit=2&kind=indirect&sort=-id",
    "/v1/pledges?limit=1&sort=-amount",
    "/v1/pledges?limit=2&min_amount=100000000&currency=USD",
    "/v1/dates?limit=4&sort=-starts_on",
    "/v1/dates?from=2019-01-01&to=2025-12-31&limit=3",
    "/v1/articles?published_from=2024-01-01&limit=1",
    "/v1/speakers?limit=1",
    "/v1/organizations?limit=2",
    "/v1/places?limit=2",
    "/v1/timeline?limit=3",
    "/v1/search?q=الإرهاب&limit=2",
    "/v1/search?q=داعش&kind=quote&limit=1",
    "/v1/quotes?limit=2&count=true",
]
SINGLES = [
    "/v1/quotes/1",
    "/v1/quotes/999",
    "/v1/pledges/2",
    "/v1/dates/3",
    "/v1/articles/1",
    "/v1/articles/1/facts",
    "/v1/speakers/1",
    "/v1/organizations/1",
    "/v1/places/1",
    "/v1/pledges/summary",
    "/v1/pledges/summary?currency=USD",
    "/v1/pledges/summary?min_amount=150000000",
]


async def answers(client: httpx.AsyncClient) -> list[tuple[str, int, bytes]]:
    """Every single read, and every list page by page to its end."""
    found = []
    for path in SINGLES:
        response = await client.get(path)
        found.append((path, response.status_code, response.content))
    for first in FIRST_PAGES:
        path: str | None = first
        while path is not None:
            response = await client.get(path)
            found.append((path, response.status_code, response.content))
            link = response.links.get("next")
            path = link["url"].removeprefix("http://facts.test") if link else None
    return found


async def test_reads_answer_as_when_sqlalchemy_executes_them(
    client: httpx.AsyncClient, seeded: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared = db._prepared
    on_driver = []

    def counted(*args: object) -> object:
        found = prepared(*args)
        on_driver.append(found is not None)
        return found

    monkeypatch.setattr(db, "_prepared", counted)
    ours = await answers(client)
    assert sum(on_driver) > 50
    monkeypatch.setattr(db, "_prepared", lambda *args: None)
    theirs = await answers(client)
    assert len(ours) > len(SINGLES) + len(FIRST_PAGES)
    assert {status for _, status, _ in ours} == {200, 404}
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine == reference, mine[0]


def test_values_are_converted_both_ways(application: FastAPI, seeded: int) -> None:
    """Parameters and columns with a type that converts (dates as text on SQLite, UTC datetimes)
    come out as SQLAlchemy gives them."""
    statement = select(Article.id, Article.published_on, Article.created_at).where(
        Article.published_on >= bindparam("since")
    )
    with application.state.database.reading() as connection:
        rows = fetch(connection, statement, {"since": date(2024, 1, 1)})
        expected = connection.execute(statement, {"since": date(2024, 1, 1)}).all()
        assert fetch(connection, statement, {"since": date(2030, 1, 1)}) == []
    assert [tuple(row) for row in rows] == [tuple(row) for row in expected]
    assert rows[0].published_on == date(2024, 9, 30)
    assert rows[0].created_at.tzinfo is UTC
    assert rows[0]._fields == ("id", "published_on", "created_at")


def test_expanding_lists_are_left_to_sqlalchemy(application: FastAPI, seeded: int) -> None:
    statement = select(Speaker.id, Speaker.name).where(Speaker.id.in_(bindparam("ids", expanding=True)))
    with application.state.database.reading() as connection:
        assert db._prepared(statement, connection.dialect) is None
        rows = fetch(connection, statement, {"ids": [1, 999]})
    assert [tuple(row) for row in rows] == [(1, "أنتوني بلينكن")]
    assert rows[0].name == "أنتوني بلينكن"


@pytest.mark.parametrize("size", [0, 64 * 2**20])
def test_sqlite_reads_through_a_memory_map_of_the_configured_size(tmp_path: Path, size: int) -> None:
    """On SQLite whatever the suite's database: the map is SQLite's own."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'facts.db'}", sqlite_mmap_bytes=size)
    database = Database.configured(settings)
    try:
        for engine in (database.reader, database.writer):
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA mmap_size").scalar_one() == size
    finally:
        database.dispose()
