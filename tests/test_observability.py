"""Request ids, JSON logs without secrets, Prometheus metrics, liveness and readiness."""

import io
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY

from app.main import create_app
from app.observability import JsonFormatter
from app.services import migrations
from app.settings import Settings

pytestmark = pytest.mark.anyio


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """Whatever the app logs, as the JSON lines `facts serve` would print."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("app")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def entries(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


async def test_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    given = await client.get("/health", headers={"X-Request-ID": "abc-123.trace:7"})
    assert given.headers["x-request-id"] == "abc-123.trace:7"
    made = await client.get("/health")
    assert len(made.headers["x-request-id"]) == 32
    others = {(await client.get("/health")).headers["x-request-id"] for _ in range(3)}
    assert len(others | {made.headers["x-request-id"]}) == 4
    for insane in ("x" * 200, "a b", '{"forged": 1}'):
        response = await client.get("/health", headers={"X-Request-ID": insane})
        assert response.headers["x-request-id"] != insane
    errors = await client.get("/v1/quotes/999")
    assert errors.status_code == 404 and errors.headers["x-request-id"]


async def test_access_log_is_json_without_secrets(
    client: httpx.AsyncClient, log_lines: io.StringIO, api_key: str, seeded: int
) -> None:
    text = (await client.get(f"/v1/articles/{seeded}")).json()["text"]
    response = await client.patch(
        f"/v1/pledges/1?api_key={api_key}",
        json={"purpose": "schools"},
        headers={"Authorization": f"Bearer {api_key}", "X-Request-ID": "req-42"},
    )
    assert response.status_code == 200
    logged = log_lines.getvalue()
    assert api_key not in logged and "Bearer" not in logged
    assert text[:40] not in logged and "schools" not in logged
    patch = [e for e in entries(log_lines) if e.get("request_id") == "req-42"]
    assert len(patch) == 1
    assert patch[0]["message"] == "request"
    assert patch[0]["method"] == "PATCH" and patch[0]["path"] == "/v1/pledges/1"
    assert patch[0]["route"] == "/v1/pledges/{pledge_id}"
    assert patch[0]["status"] == 200 and patch[0]["duration_ms"] > 0
    assert isinstance(patch[0]["api_key_id"], int)


async def test_unexpected_errors_are_logged_with_the_request_id(
    application: FastAPI, log_lines: io.StringIO
) -> None:
    @application.get("/boom")
    def boom() -> None:
        raise RuntimeError("kaput")

    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://facts.test") as client:
        assert (await client.get("/boom", headers={"X-Request-ID": "boom-1"})).status_code == 500
    [error] = [e for e in entries(log_lines) if e["level"] == "error"]
    assert error["request_id"] == "boom-1" and "kaput" in error["exception"]
    [access] = [e for e in entries(log_lines) if e["message"] == "request"]
    assert access["status"] == 500 and access["request_id"] == "boom-1"


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_metrics_count_requests_by_route(client: httpx.AsyncClient, seeded: int) -> None:
    labels = {"method": "GET", "route": "/v1/quotes/{quote_id}", "status": "200"}
    before = sample("facts_http_requests_total", **labels)
    for quote_id in (1, 2, 3):
        await client.get(f"/v1/quotes/{quote_id}")
    await client.get("/v1/no-such-thing")
    assert sample("facts_http_requests_total", **labels) == before + 3
    response = await client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    body = response.text
    assert 'facts_http_requests_total{method="GET",route="/v1/quotes/{quote_id}",status="200"}' in body
    assert (
        'facts_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/quotes/{quote_id}"}'
        in body
    )
    assert 'route="unmatched"' in body
    assert "/v1/quotes/1" not in body


async def test_metrics_name_the_document_and_static_files_by_their_path(client: httpx.AsyncClient) -> None:
    routes = {"/openapi.json": "/openapi.json", "/static/favicon.png": "/static/{path}"}

    def answered(route: str) -> float:
        return sample("facts_http_requests_total", method="GET", route=route, status="200")

    before = {route: answered(route) for route in routes.values()}
    for path in routes:
        assert (await client.get(path)).status_code == 200
    assert {route: answered(route) for route in routes.values()} == {
        route: count + 1 for route, count in before.items()
    }


def test_facts_extracted_by_kind(application: FastAPI) -> None:
    from app.services.seed import seed

    kinds = ("quote", "pledge", "date", "speaker", "organization", "place")
    before = {kind: sample("facts_extracted_total", kind=kind) for kind in kinds}
    with application.state.database.session(write=True) as session:
        seed(session)
        session.commit()
    grown = {kind: sample("facts_extracted_total", kind=kind) - before[kind] for kind in kinds}
    assert (grown["quote"], grown["pledge"], grown["date"], grown["speaker"]) == (11, 3, 9, 1)
    assert grown["organization"] > 0 and grown["place"] > 0
    with application.state.database.session(write=True) as session:
        seed(session)  # already stored: nothing new is counted
        session.commit()
    assert sample("facts_extracted_total", kind="quote") - before["quote"] == 11


async def test_health_and_ready(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}
    ready = await client.get("/ready")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "revision": sorted(migrations.head_revisions())}


async def test_not_ready_before_migrating_or_without_a_database(make_database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = make_database()
    migrations.upgrade(url, "0001")
    for database_url in (url, f"sqlite:///{tmp_path}/missing/dir/facts.db"):
        application = create_app(Settings(database_url=database_url))
        transport = httpx.ASGITransport(app=application)
        try:
            async with httpx.AsyncClient(transport=transport, base_url="http://facts.test") as client:
                response = await client.get("/ready")
                assert (await client.get("/health")).status_code == 200
        finally:
            application.state.database.dispose()
        assert response.status_code == 503, database_url
        assert response.headers["content-type"] == "application/problem+json"


# A process of its own: OpenTelemetry's global tracer provider can be set only once.
TRACER_SPY = """
import asyncio, sys
import httpx
from opentelemetry import trace

class Spy(trace.TracerProvider):
    asked = 0

    def get_tracer(self, *args, **kwargs):
        Spy.asked += 1
        return trace.NoOpTracer()

trace.set_tracer_provider(Spy())
from app.main import create_app
from app.settings import Settings

app = create_app(Settings(database_url=sys.argv[1], opentelemetry=sys.argv[2] == "true"))

async def main():
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        assert (await client.get("/health")).status_code == 200

asyncio.run(main())
print(Spy.asked)
"""


@pytest.mark.parametrize(("enabled", "traced"), [("false", False), ("true", True)])
def test_fastapi_opentelemetry_only_when_asked_for(enabled: str, traced: bool, tmp_path: Path) -> None:
    """With a tracer provider configured, FastAPI's own tracing asks it for a tracer only when
    FACTS_OPENTELEMETRY is on; off, requests do not look for one."""
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    done = subprocess.run(
        [sys.executable, "-c", TRACER_SPY, url, enabled], capture_output=True, text=True, check=True
    )
    assert (int(done.stdout) > 0) is traced


@pytest.mark.parametrize(
    "created",
    # Within a second, at its edges, and where the microseconds round up into the next second.
    [0.0, 1.5, 1_727_704_800.0004999, 1_727_704_800.9994999, 1_727_704_800.9999996, 1_814_344_635.3299994],
)
def test_log_times_are_utc_iso_to_the_millisecond(created: float) -> None:
    formatter = JsonFormatter()
    formatter.timestamp(created - 1)  # a second already written is not reused for the next
    expected = datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds")
    assert formatter.timestamp(created) == expected
