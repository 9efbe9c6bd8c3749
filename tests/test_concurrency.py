"""Many concurrent writers, in one process: nothing lost, nothing duplicated, never "database is locked"."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.models import Article, Quote, Speaker
from app.schemas.facts import EntityIn, FactsIn, MentionIn, QuoteIn, SpeakerIn
from app.services.ingest import ArticleIn, store_or_get

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
