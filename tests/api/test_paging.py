"""Cursor paging: every row once, in order, with a Link header while there is more."""

import json
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.schemas.filters import QuoteFilters
from app.services.queries import list_quotes
from tests.factories import store_speakers_sharing_a_name

pytestmark = pytest.mark.anyio


async def test_walk_all_pages(client: httpx.AsyncClient, seeded: int) -> None:
    seen: list[int] = []
    url: str | None = "/v1/quotes?limit=3"
    pages = 0
    while url is not None:
        response = await client.get(url)
        body = response.json()
        seen += [q["id"] for q in body["items"]]
        pages += 1
        link = response.headers.get("link")
        if body["next_cursor"] is None:
            assert link is None
            url = None
        else:
            assert link is not None and link.endswith('>; rel="next"')
            url = link[1 : link.index(">")]
            assert f"cursor={body['next_cursor']}" in url and url.count("cursor=") == 1
            assert "limit=3" in url
    assert pages == 4
    assert seen == sorted(seen) and len(set(seen)) == 11


async def test_link_keeps_filters_as_written(client: httpx.AsyncClient, seeded: int) -> None:
    first = await client.get("/v1/quotes", params={"speaker": "بلينكن", "limit": 2, "kind": "direct"})
    link = first.headers["link"]
    url = link[1 : link.index(">")]
    assert url.startswith("http://") and "speaker=%D8%A8%D9%84%D9%8A%D9%86%D9%83%D9%86" in url
    second = (await client.get(url)).json()
    assert second["items"] and all(q["kind"] == "direct" for q in second["items"])
    assert {q["id"] for q in second["items"]}.isdisjoint(q["id"] for q in first.json()["items"])


async def test_cursor_keeps_filters(client: httpx.AsyncClient, seeded: int) -> None:
    first = (await client.get("/v1/quotes?kind=direct&limit=5")).json()
    rest = (await client.get(f"/v1/quotes?kind=direct&limit=5&cursor={first['next_cursor']}")).json()
    assert len(first["items"]) + len(rest["items"]) == 7
    assert all(q["kind"] == "direct" for q in rest["items"])


async def test_bad_cursor_is_400(client: httpx.AsyncClient, seeded: int) -> None:
    for cursor in ("not-base64!", "W10", "WyJ4Il0"):  # garbage, [], ["x"]
        response = await client.get(f"/v1/quotes?cursor={cursor}")
        assert response.status_code == 400, cursor
        assert response.headers["content-type"] == "application/problem+json"


async def walk(client: httpx.AsyncClient, params: dict[str, Any]) -> list[int]:
    seen: list[int] = []
    cursor = None
    while True:
        paged = {**params, "cursor": cursor} if cursor else params
        body = (await client.get("/v1/quotes", params=paged)).json()
        seen += [quote["id"] for quote in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen


async def test_a_name_several_speakers_share_pages_through_all_their_quotes(
    client: httpx.AsyncClient, application: FastAPI
) -> None:
    quotes = store_speakers_sharing_a_name(application)
    shared = sorted(quotes["Amal Hill"] + quotes["Omar Hill"] + quotes["Sara Hill"])
    with application.state.database.reading() as connection:
        listing = list_quotes(connection, QuoteFilters(speaker="the envoy"))
    assert listing.any_of is not None and len(listing.any_of.values) == 3
    for limit in (1, 2, 5, 50):
        assert await walk(client, {"speaker": "the envoy", "limit": limit}) == shared
        assert await walk(client, {"speaker": "the envoy", "limit": limit, "sort": "-id"}) == shared[::-1]
    direct = await walk(client, {"speaker": "the envoy", "limit": 2, "kind": "direct"})
    assert direct == shared[::2]
    counted = (await client.get("/v1/quotes", params={"speaker": "the envoy", "count": "true"})).json()
    assert counted["total"] == len(shared) == 24
    exported = (await client.get("/v1/quotes", params={"speaker": "the envoy", "format": "ndjson"})).text
    assert [json.loads(line)["id"] for line in exported.splitlines()] == shared
    assert await walk(client, {"speaker": "Omar Hill", "limit": 3}) == quotes["Omar Hill"]
