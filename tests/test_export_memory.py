"""Exports stream: exporting 200,000 pledges through the app holds a bounded amount of memory."""

import tracemalloc
from datetime import UTC, datetime
from typing import Any

import anyio
import pytest
from fastapi import FastAPI
from sqlalchemy import insert

from app.models import Article, Pledge

pytestmark = pytest.mark.anyio

ROWS = 200_000
BATCH = 20_000


def fill(application: FastAPI) -> None:
    """Bulk-insert the pledges without the ORM (search_text is left empty: search is not tested here)."""
    with application.state.database.session(write=True) as session:
        article_id = session.execute(
            insert(Article)
            .values(language="en", text="x", content_hash="0" * 64, created_at=datetime.now(UTC))
            .returning(Article.id)
        ).scalar_one()
        for offset in range(0, ROWS, BATCH):
            session.execute(
                insert(Pledge),
                [
                    {
                        "article_id": article_id,
                        "donor": f"Donor {i % 97}",
                        "amount": (i * 7919) % 1_000_000,
                        "currency": ("USD", "EUR", "JPY")[i % 3],
                        "purpose": "reconstruction of schools and water networks",
                        "recipient": "displaced families",
                        "status": "new",
                        "evidence": "x",
                        "start": 0,
                        "end": 1,
                    }
                    for i in range(offset, offset + BATCH)
                ],
            )
        session.commit()


async def export(application: FastAPI, query: str) -> tuple[int, int, int]:
    """Run one GET through the ASGI app, discarding the body as it streams; answer the status, the
    body size and the peak of traced memory while it ran."""
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/v1/pledges",
        "raw_path": b"/v1/pledges",
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"facts.test")],
        "client": ("127.0.0.1", 1),
        "server": ("facts.test", 80),
    }
    status = 0
    size = 0
    lines = 0

    requested = False
    finished = anyio.Event()

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        # Starlette listens for a disconnect while it streams: the client stays until the end.
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size, lines
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body = message.get("body", b"")
            size += len(body)
            lines += body.count(b"\n")
            if not message.get("more_body", False):
                finished.set()

    tracemalloc.start()
    try:
        await application(scope, receive, send)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 200
    return size, lines, peak


async def test_export_of_a_large_table_uses_bounded_memory(application: FastAPI) -> None:
    fill(application)
    for fmt in ("csv", "ndjson"):
        # Amounts are spread evenly over 0..999,999: this filter keeps a tenth of the rows.
        small_size, small_lines, small_peak = await export(
            application, f"format={fmt}&sort=-amount&max_amount=99999"
        )
        size, lines, peak = await export(application, f"format={fmt}&sort=-amount")
        assert lines == ROWS + (1 if fmt == "csv" else 0)
        assert lines / 11 < small_lines < lines / 9
        print(
            f"\n{fmt}: {small_lines} lines, {small_size / 1e6:.1f} MB streamed, peak {small_peak / 1e6:.1f} MB;"
            f" {ROWS} rows, {size / 1e6:.1f} MB streamed, peak {peak / 1e6:.1f} MB"
        )
        assert size > 20_000_000
        # Ten times the rows, about the same peak: memory does not grow with the export...
        assert peak < small_peak * 1.25 + 1_000_000, (small_peak, peak)
        # ...and stays a fraction of the output.
        assert peak < 10_000_000, peak
