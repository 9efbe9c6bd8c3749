"""Sorting with keyset cursors: ties, both directions, nullable keys, foreign cursors, totals."""

from datetime import date

import httpx
import pytest
from fastapi import FastAPI

from tests.factories import add_article

pytestmark = pytest.mark.anyio

AMOUNTS = [500, 100, 300, 100, 500, 200, 100, 300, 500, 100, 700]


@pytest.fixture
def pledges(application: FastAPI) -> int:
    text = " ".join(f"pledge-{i:02d}" for i in range(len(AMOUNTS)))
    return add_article(
        application,
        text,
        language="en",
        pledges=[
            {"evidence": f"pledge-{i:02d}", "amount": amount, "currency": "EUR" if i % 3 else "USD"}
            for i, amount in enumerate(AMOUNTS)
        ],
    )


async def walk(client: httpx.AsyncClient, path: str, **params: object) -> list[dict[str, object]]:
    """Every item of a listing, page by page through next_cursor."""
    items: list[dict[str, object]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(path, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


@pytest.mark.parametrize("limit", [1, 2, 3, 50])
async def test_sort_by_amount_with_ties(client: httpx.AsyncClient, pledges: int, limit: int) -> None:
    ascending = await walk(client, "/v1/pledges", sort="amount", limit=limit)
    assert [(p["amount"], p["id"]) for p in ascending] == sorted((p["amount"], p["id"]) for p in ascending)
    assert len(ascending) == len(AMOUNTS)
    descending = await walk(client, "/v1/pledges", sort="-amount", limit=limit)
    assert [(p["amount"], p["id"]) for p in descending] == sorted(
        ((p["amount"], p["id"]) for p in descending), reverse=True
    )
    assert {p["id"] for p in descending} == {p["id"] for p in ascending}


async def test_sort_with_filters(client: httpx.AsyncClient, pledges: int) -> None:
    items = await walk(client, "/v1/pledges", sort="-amount", currency="EUR", min_amount=150, limit=2)
    expected = sorted(((a, i + 1) for i, a in enumerate(AMOUNTS) if i % 3 and a >= 150), reverse=True)
    assert [(p["amount"], p["id"]) for p in items] == expected


async def test_descending_id(client: httpx.AsyncClient, pledges: int) -> None:
    items = await walk(client, "/v1/pledges", sort="-id", limit=4)
    assert [p["id"] for p in items] == list(range(len(AMOUNTS), 0, -1))


async def test_nullable_sort_puts_missing_last_both_ways(
    client: httpx.AsyncClient, application: FastAPI
) -> None:
    days = [date(2024, 5, 1), None, date(2023, 1, 1), date(2024, 5, 1), None, date(2025, 2, 2)]
    for n, day in enumerate(days):
        add_article(application, f"مقال رقم {n}", published_on=day)
    for sort in ("published_on", "-published_on"):
        for limit in (1, 2, 4):
            items = await walk(client, "/v1/articles", sort=sort, limit=limit)
            dated = [(a["published_on"], a["id"]) for a in items if a["published_on"] is not None]
            undated = [a["id"] for a in items if a["published_on"] is None]
            assert dated == sorted(dated, reverse=sort.startswith("-"))
            assert undated == sorted(undated, reverse=sort.startswith("-"))
            assert [a["published_on"] for a in items[-2:]] == [None, None]
            assert len(items) == len(days)


async def test_dates_sort_by_start(client: httpx.AsyncClient, application: FastAPI) -> None:
    text = "في 2019 ثم في مارس 2021 وفي يوم ما ثم 2020"
    add_article(
        application,
        text,
        dates=[
            {"evidence": "2019", "value": "2019", "grain": "year"},
            {"evidence": "مارس 2021", "value": "2021-03", "grain": "month"},
            {"evidence": "يوم ما", "grain": "day"},
            {"evidence": "2020", "value": "2020", "grain": "year"},
        ],
    )
    items = await walk(client, "/v1/dates", sort="-starts_on", limit=1)
    assert [d["expression"] for d in items] == ["مارس 2021", "2020", "2019", "يوم ما"]


async def test_cursor_from_another_sort_is_400(client: httpx.AsyncClient, pledges: int) -> None:
    cursor = (await client.get("/v1/pledges", params={"sort": "amount", "limit": 2})).json()["next_cursor"]
    assert cursor is not None
    response = await client.get("/v1/pledges", params={"sort": "-amount", "cursor": cursor})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert "sort=amount" in response.json()["detail"]
    response = await client.get("/v1/quotes", params={"cursor": cursor})
    assert response.status_code == 400


async def test_unknown_sort_is_422(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/pledges", params={"sort": "purpose"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "sort"]


async def test_count_adds_total(client: httpx.AsyncClient, pledges: int) -> None:
    plain = (await client.get("/v1/pledges", params={"limit": 2})).json()
    assert plain["total"] is None
    counted = (
        await client.get("/v1/pledges", params={"limit": 2, "count": "true", "currency": "USD"})
    ).json()
    assert counted["total"] == len([i for i in range(len(AMOUNTS)) if i % 3 == 0])
    assert len(counted["items"]) == 2
    later = await client.get(
        "/v1/pledges",
        params={"limit": 2, "count": "true", "currency": "USD", "cursor": counted["next_cursor"]},
    )
    assert later.json()["total"] == counted["total"]
