"""API keys, rate limits, body size and CORS: every write route refuses a caller without a key."""

import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.main import create_app
from app.models import ApiKey, RateLimitCounter
from app.services import keys, rate_limit
from app.settings import Settings

pytestmark = pytest.mark.anyio

WRITE_METHODS = ("post", "put", "patch", "delete")
# Fixed windows start at multiples of their length: one this long will not roll over mid-test.
LONG_WINDOW = 10**9


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


def write_operations(application: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) the OpenAPI document lists as a write, ids filled in."""
    return [
        (method.upper(), re.sub(r"\{\w+\}", "1", path))
        for path, item in application.openapi()["paths"].items()
        for method in item
        if method in WRITE_METHODS
    ]


@asynccontextmanager
async def client_with(settings: Settings, **changes: Any) -> AsyncIterator[httpx.AsyncClient]:
    application = create_app(settings.model_copy(update=changes))
    transport = httpx.ASGITransport(app=application)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://facts.test") as client:
            yield client
    finally:
        application.state.database.dispose()


async def test_every_write_route_needs_a_key(client: httpx.AsyncClient, application: FastAPI) -> None:
    operations = write_operations(application)
    assert len(operations) >= 8
    for method, path in operations:
        response = await client.request(method, path, json={"amount": 1})
        body = assert_problem(response, 401)
        assert response.headers["www-authenticate"] == "Bearer", (method, path)
        assert "API key" in str(body["detail"])


async def test_every_write_route_refuses_a_bad_key(client: httpx.AsyncClient, application: FastAPI) -> None:
    for method, path in write_operations(application):
        for headers in ({"Authorization": "Bearer facts_not-a-key"}, {"X-API-Key": "wrong"}):
            response = await client.request(method, path, json={"amount": 1}, headers=headers)
            assert_problem(response, 403)


async def test_a_revoked_key_is_refused(client: httpx.AsyncClient, application: FastAPI, seeded: int) -> None:
    with application.state.database.session(write=True) as session:
        api_key, key = keys.create_key(session, "soon revoked")
        session.commit()
    headers = {"X-API-Key": key}
    assert (await client.patch("/v1/pledges/1", json={"amount": 5}, headers=headers)).status_code == 200
    with application.state.database.session(write=True) as session:
        assert api_key.id is not None
        keys.revoke_key(session, api_key.id)
        session.commit()
    assert_problem(await client.patch("/v1/pledges/1", json={"amount": 6}, headers=headers), 403)


async def test_both_headers_carry_a_key(client: httpx.AsyncClient, api_key: str, seeded: int) -> None:
    for headers in (
        {"Authorization": f"Bearer {api_key}"},
        {"Authorization": f"bearer  {api_key} "},
        {"X-API-Key": api_key},
    ):
        response = await client.patch("/v1/pledges/1", json={"amount": 7}, headers=headers)
        assert response.status_code == 200, (headers, response.text)
    assert_problem(
        await client.patch(
            "/v1/pledges/1", json={"amount": 7}, headers={"Authorization": f"Basic {api_key}"}
        ),
        401,
    )


def test_only_a_hash_of_the_key_is_stored(application: FastAPI, api_key: str) -> None:
    with application.state.database.session() as session:
        [row] = session.execute(select(ApiKey)).scalars().all()
    assert api_key not in str(row.model_dump())
    assert row.key_hash == keys.hash_key(api_key) and len(row.key_hash) == 64
    assert api_key.startswith(row.prefix)


async def test_reads_are_public_unless_configured(
    client: httpx.AsyncClient, settings: Settings, api_key: str
) -> None:
    assert (await client.get("/v1/quotes")).status_code == 200
    async with client_with(settings, read_requires_key=True) as keyed:
        assert_problem(await keyed.get("/v1/quotes"), 401)
        assert_problem(await keyed.get("/v1/quotes", headers={"X-API-Key": "nope"}), 403)
        assert (await keyed.get("/v1/quotes", headers={"X-API-Key": api_key})).status_code == 200
        assert (await keyed.get("/health")).status_code == 200
        assert (await keyed.get("/openapi.json")).status_code == 200
        assert_problem(await keyed.get("/v1/no-such-thing"), 401)
    preflight = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    async with client_with(settings, read_requires_key=True, cors_origins=["https://example.org"]) as browser:
        assert (await browser.options("/v1/quotes", headers=preflight)).status_code == 200
        refused = await browser.get("/v1/quotes", headers={"Origin": "https://example.org"})
        assert_problem(refused, 401)
        assert refused.headers["access-control-allow-origin"] == "https://example.org"


async def test_rate_limit_per_key(
    settings: Settings, application: FastAPI, auth: dict[str, str], seeded: int
) -> None:
    async with client_with(settings, rate_limit_per_key=2, rate_limit_window_seconds=LONG_WINDOW) as client:
        statuses = [
            (await client.patch("/v1/pledges/1", json={"amount": n}, headers=auth)).status_code
            for n in range(3)
        ]
        assert statuses == [200, 200, 429]
        response = await client.patch("/v1/pledges/1", json={"amount": 9}, headers=auth)
        assert_problem(response, 429)
        assert 1 <= int(response.headers["retry-after"]) <= LONG_WINDOW
        # Reads are not metered by default.
        assert (await client.get("/v1/pledges/1")).status_code == 200


async def test_rate_limit_per_address_counts_attempts_without_a_key(
    settings: Settings, application: FastAPI
) -> None:
    async with client_with(settings, rate_limit_per_address=3, rate_limit_window_seconds=LONG_WINDOW) as client:
        statuses = [(await client.delete("/v1/quotes/1")).status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 429, 429]


async def test_read_rate_limit_per_address(settings: Settings, application: FastAPI) -> None:
    async with client_with(settings, read_rate_limit_per_address=2, rate_limit_window_seconds=LONG_WINDOW) as client:
        statuses = [(await client.get("/v1/quotes")).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        assert (await client.get("/health")).status_code == 200


def test_rate_limit_counters_are_shared_and_windowed(settings: Settings, application: FastAPI) -> None:
    """Two Database objects stand for two workers: they count in the same rows."""
    from app.db import Database

    workers = [Database(settings.database_url), Database(settings.database_url)]
    try:
        verdicts = []
        for n in range(4):
            with workers[n % 2].session(write=True) as session:
                verdicts.append(rate_limit.hit(session, "key:1", 3, 60, now=1000.0 + n))
                session.commit()
        assert [v.allowed for v in verdicts] == [True, True, True, False]
        assert verdicts[-1].retry_after == 17  # the window 960..1020 ends 17 s after t=1003
        with workers[0].session(write=True) as session:
            assert rate_limit.hit(session, "key:1", 3, 60, now=1020.0).allowed  # a new window
            session.commit()
    finally:
        for database in workers:
            database.dispose()


async def test_a_trusted_proxy_forwards_the_client(
    settings: Settings, application: FastAPI, seeded: int
) -> None:
    """The test client's peer is 127.0.0.1. Behind it as a trusted proxy, each forwarded client has
    its own rate limit and the links name the forwarded scheme; otherwise the headers count for
    nothing."""

    def via(client: str) -> dict[str, str]:
        return {"X-Forwarded-For": client, "X-Forwarded-Proto": "https"}

    for proxies, expected in ([["127.0.0.0/8"], [401, 401, 429]], [[], [401, 429, 429]]):
        async with client_with(
            settings, trusted_proxies=proxies, rate_limit_per_address=1, rate_limit_window_seconds=LONG_WINDOW
        ) as client:
            statuses = [
                (await client.delete("/v1/quotes/1", headers=via(address))).status_code
                for address in ("203.0.113.7", "203.0.113.8", "203.0.113.7")
            ]
            link = (await client.get("/v1/quotes?limit=1", headers=via("203.0.113.9"))).headers["link"]
        assert statuses == expected, proxies
        assert link.startswith("<https://" if proxies else "<http://"), link


def test_trusted_proxies_must_be_addresses() -> None:
    assert Settings(trusted_proxies="10.0.0.1, 192.168.0.0/16,::1").trusted_proxies == [
        "10.0.0.1",
        "192.168.0.0/16",
        "::1",
    ]
    assert Settings(trusted_proxies="*").trusted_proxies == ["*"]
    for wrong in ("proxy.local", "10.0.0.1/8", "10.0.0"):
        with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6|has host bits set"):
            Settings(trusted_proxies=wrong)


def counter_buckets(application: FastAPI) -> set[str]:
    with application.state.database.session() as session:
        return set(session.scalars(select(RateLimitCounter.bucket)))


def test_counters_of_ended_windows_are_deleted_once_a_window(application: FastAPI) -> None:
    limits = rate_limit.RateLimits(application.state.database, 60)
    limits.meter([("address:a", 5)], now=1000.0)  # the window 960..1020
    limits.meter([("address:a", 5), ("address:b", 5)], now=1019.0)
    assert counter_buckets(application) == {"address:a", "address:b"}
    limits.meter([("address:b", 5)], now=1030.0)  # a new window: a's counter has ended
    assert counter_buckets(application) == {"address:b"}
    with application.state.database.session(write=True) as session:
        rate_limit.hit(session, "address:c", 5, 60, now=1000.0)
        session.commit()
    limits.meter([("address:d", 5)], now=1040.0)  # pruned already in this window
    assert counter_buckets(application) == {"address:b", "address:c", "address:d"}
    verdicts = limits.meter([("address:b", 1), ("address:d", 1)], now=1085.0)
    assert [verdict.allowed for verdict in verdicts] == [True, True]  # counting starts again
    assert counter_buckets(application) == {"address:b", "address:d"}


def test_pruning_leaves_a_counter_being_counted(application: FastAPI) -> None:
    """A prune while a request's transaction holds an ended counter: the counter survives, the
    others go, nothing fails, and on PostgreSQL the prune does not wait for the request."""
    database = application.state.database
    with database.session(write=True) as session:
        for bucket in ("address:held", "address:idle"):
            rate_limit.hit(session, bucket, 5, 60, now=1000.0)
        session.commit()
    done = threading.Event()

    def prune() -> None:
        with database.session(write=True) as session:
            rate_limit.prune(session, 60, now=1030.0)
            session.commit()
        done.set()

    with database.session(write=True) as request:
        rate_limit.hit(request, "address:held", 5, 60, now=1030.0)
        pruner = threading.Thread(target=prune)
        pruner.start()
        if database.backend == "postgresql":
            assert done.wait(5), "the prune waited for the request's transaction"
        request.commit()
    pruner.join(10)
    assert done.is_set()
    assert counter_buckets(application) == {"address:held"}


async def test_request_body_size_is_limited(
    settings: Settings, application: FastAPI, auth: dict[str, str], seeded: int
) -> None:
    async with client_with(settings, max_request_bytes=200) as client:
        big = {"purpose": "x" * 500}
        assert_problem(await client.patch("/v1/pledges/1", json=big, headers=auth), 413)
        assert (await client.patch("/v1/pledges/1", json={"purpose": "x"}, headers=auth)).status_code == 200


async def test_cors_is_closed_by_default(client: httpx.AsyncClient, settings: Settings) -> None:
    preflight = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    response = await client.get("/v1/quotes", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers
    async with client_with(settings, cors_origins=["https://example.org"]) as open_client:
        response = await open_client.options("/v1/quotes", headers=preflight)
        assert response.headers["access-control-allow-origin"] == "https://example.org"
        other = await open_client.get("/v1/quotes", headers={"Origin": "https://evil.test"})
        assert "access-control-allow-origin" not in other.headers
        # Caches learn every header the answer depends on, CORS's Origin among them.
        allowed = await open_client.get("/v1/quotes", headers={"Origin": "https://example.org"})
        varies = {name.strip() for name in allowed.headers["vary"].split(",")}
        assert {"Origin", "Accept", "Accept-Encoding"} <= varies


def test_cors_origins_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTS_CORS_ORIGINS", "https://a.test, https://b.test")
    assert Settings().cors_origins == ["https://a.test", "https://b.test"]


async def test_a_chunked_body_is_counted_too(
    settings: Settings, application: FastAPI, auth: dict[str, str], seeded: int
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"purpose": "'
        for _ in range(10):
            yield b"x" * 50
        yield b'"}'

    async with client_with(settings, max_request_bytes=200) as client:
        headers = {**auth, "Content-Type": "application/json"}
        response = await client.patch("/v1/pledges/1", content=chunks(), headers=headers)
        assert_problem(response, 413)


async def test_public_reads_write_nothing(client: httpx.AsyncClient, application: FastAPI, seeded: int) -> None:
    for path in ("/v1/quotes", "/v1/quotes/1", "/v1/pledges", f"/v1/articles/{seeded}/facts"):
        assert (await client.get(path)).status_code == 200
    with application.state.database.session() as session:
        assert session.execute(select(func.count()).select_from(RateLimitCounter)).scalar_one() == 0
