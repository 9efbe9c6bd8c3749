"""Many concurrent writers, threads and processes: nothing lost or duplicated, never "database is locked"."""

import asyncio
import multiprocessing
import random
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, func, select

from app.db import Database
from app.models import Article, Quote, Speaker
from app.schemas.facts import EntityIn, FactsIn, MentionIn, QuoteIn, SpeakerIn
from app.schemas.filters import SearchFilters
from app.services import search as search_service
from app.services.bulk import BulkLoader
from app.services.ingest import ArticleIn, store_or_get
from app.settings import Settings

ARTICLES = 30
THREADS = 16


def article(n: int) -> tuple[ArticleIn, FactsIn]:
    quote = f"we will pay {n} dollars"
    text = f'Report {n}: the Minister of Finance said "{quote}" in Baghdad.'
    start = text.index(quote)
    facts = FactsIn(
        speakers=[SpeakerIn(name="Minister of Finance", aliases=["the Minister"])],
        quotes=[
            QuoteIn(
                speaker="Minister of Finance", kind="direct", text=quote, start=start, end=start + len(quote)
            )
        ],
        places=[
            EntityIn(
                name="Baghdad",
                mentions=[
                    MentionIn(text="Baghdad", start=text.index("Baghdad"), end=text.index("Baghdad") + 7)
                ],
            )
        ],
    )
    return ArticleIn(text=text, language="en"), facts


def test_concurrent_ingest_stores_each_article_once(application: FastAPI) -> None:
    database = application.state.database
    # Every article is sent twice, by different threads, at about the same time.
    jobs = [n for n in range(ARTICLES) for _ in range(2)]

    def ingest(n: int) -> bool:
        with database.session(write=True) as session:
            stored = store_or_get(session, *article(n))
            session.commit()
            return stored.created

    with ThreadPoolExecutor(THREADS) as pool:
        created = list(pool.map(ingest, jobs))
    assert sum(created) == ARTICLES
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Article)).scalar_one() == ARTICLES
        assert session.execute(select(func.count()).select_from(Quote)).scalar_one() == ARTICLES
        assert session.execute(select(func.count()).select_from(Speaker)).scalar_one() == 1


def ingest_in_process(database_url: str, numbers: list[int]) -> int:
    """One client process: its own engine and connections, as a separate server worker would have."""
    database = Database(database_url)
    created = 0
    try:
        for n in numbers:
            with database.session(write=True) as session:
                created += store_or_get(session, *article(n)).created
                session.commit()
    finally:
        database.dispose()
    return created


def test_concurrent_ingest_from_many_processes(application: FastAPI, settings: Settings) -> None:
    # Four processes send the same 25 articles, each in its own order.
    orders = [random.Random(seed).sample(range(25), 25) for seed in range(4)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(4, mp_context=context) as pool:
        created = sum(pool.map(ingest_in_process, [settings.database_url] * 4, orders))
    assert created == 25
    with application.state.database.session() as session:
        assert session.execute(select(func.count()).select_from(Article)).scalar_one() == 25
        assert session.execute(select(func.count()).select_from(Quote)).scalar_one() == 25


@pytest.mark.anyio
async def test_concurrent_corrections_are_all_kept(
    client: httpx.AsyncClient, auth: dict[str, str], seeded: int
) -> None:
    async def correct(n: int) -> httpx.Response:
        return await client.patch(f"/v1/pledges/{n % 3 + 1}", json={"amount": n}, headers=auth)

    # Sync handlers run in a thread pool, so these PATCHes really do race in the database.
    responses = await asyncio.gather(*(correct(n) for n in range(60)))
    assert [r.status_code for r in responses] == [200] * 60, {
        r.text for r in responses if r.status_code != 200
    }
    amounts: list[int] = []
    for pledge_id in (1, 2, 3):
        page = (await client.get(f"/v1/pledges/{pledge_id}/history?limit=500")).json()["items"]
        amounts += [event["after"]["amount"] for event in page]
        # Each entry's before is the previous entry's after: no change slipped between them.
        for earlier, later in zip(page, page[1:], strict=False):
            assert later["before"]["amount"] == earlier["after"]["amount"]
    assert sorted(amounts) == list(range(60))


@pytest.mark.parametrize("inline", [False, True])
def test_a_read_sees_one_snapshot(application: FastAPI, seeded: int, inline: bool) -> None:
    """A write committed while a read runs is seen by the next read, not by the rest of this one:
    through the pool, and on the connection kept for inline reads."""
    database: Database = application.state.database
    read = database.read_inline if inline else database.read
    count = select(func.count()).select_from(Quote)

    def read_around_a_write(connection: Connection) -> tuple[int, int]:
        before = connection.execute(count).scalar_one()
        with database.session(write=True) as session:
            session.delete(session.scalars(select(Quote).limit(1)).one())
            session.commit()
        return before, connection.execute(count).scalar_one()

    before, during = read(read_around_a_write)
    assert during == before
    assert read(lambda connection: connection.execute(count).scalar_one()) == before - 1


def test_inline_reads_end_their_transaction_whatever_happens(application: FastAPI, seeded: int) -> None:
    database: Database = application.state.database
    count = select(func.count()).select_from(Quote)

    def fails(connection: Connection) -> None:
        connection.execute(count).scalar_one()
        raise LookupError

    with pytest.raises(LookupError):
        database.read_inline(fails)
    database.read_inline(lambda connection: None)  # no statement at all
    with database.session(write=True) as session:
        session.delete(session.scalars(select(Quote).limit(1)).one())
        session.commit()
    fresh = database.read(lambda connection: connection.execute(count).scalar_one())
    assert database.read_inline(lambda connection: connection.execute(count).scalar_one()) == fresh
    # A connection lost (as to a disk error) is opened again by SQLAlchemy on the next read.
    database.read_inline(lambda connection: connection.invalidate())
    assert database.read_inline(lambda connection: connection.execute(count).scalar_one()) == fresh
    with ThreadPoolExecutor(4) as pool:  # other threads read through the pool, side by side
        counted = pool.map(lambda _: database.read_inline(lambda c: c.execute(count).scalar_one()), range(8))
        assert set(counted) == {fresh}


@pytest.mark.anyio
async def test_a_search_does_not_hold_up_quick_reads(
    client: httpx.AsyncClient, seeded: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking every match of a common word takes a while: the search runs off the event loop, and
    a quote by id is answered meanwhile."""
    started, release = threading.Event(), threading.Event()
    search = search_service.search

    def slow_search(connection: Connection, filters: SearchFilters) -> Any:
        started.set()
        release.wait(10)
        return search(connection, filters)

    monkeypatch.setattr(search_service, "search", slow_search)
    searching = asyncio.ensure_future(client.get("/v1/search", params={"q": "بلينكن"}))
    assert await anyio.to_thread.run_sync(started.wait, 10)
    quick = await client.get("/v1/quotes/1")
    assert quick.status_code == 200
    assert not searching.done()
    release.set()
    answered = await searching
    assert answered.status_code == 200 and answered.json()["items"]


def test_bulk_batches_beside_other_writers_store_each_article_once(application: FastAPI) -> None:
    database = application.state.database
    rounds, per_round = 5, 60

    def bulk(numbers: list[int], size: int) -> int:
        loader = BulkLoader(database)
        return sum(
            loader.store_batch([article(n) for n in numbers[start : start + size]]).stored
            for start in range(0, len(numbers), size)
        )

    def one_by_one(numbers: list[int]) -> int:
        created = 0
        for n in numbers:
            with database.session(write=True) as session:
                created += store_or_get(session, *article(n)).created
                session.commit()
        return created

    stored = 0
    for first in range(0, rounds * per_round, per_round):
        numbers = list(range(first, first + per_round))
        # Two loaders with the same articles in opposite orders, in one batch each, beside a
        # loader in small batches of its own order and a writer of one article at a time.
        with ThreadPoolExecutor(4) as pool:
            jobs = [
                pool.submit(bulk, numbers, per_round),
                pool.submit(bulk, numbers[::-1], per_round),
                pool.submit(bulk, random.Random(first).sample(numbers, per_round), 7),
                pool.submit(one_by_one, numbers),
            ]
            stored += sum(job.result() for job in jobs)
    assert stored == rounds * per_round
    with database.session() as session:
        for model, count in ((Article, rounds * per_round), (Quote, rounds * per_round), (Speaker, 1)):
            assert session.execute(select(func.count()).select_from(model)).scalar_one() == count
