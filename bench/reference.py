"""Ceilings for the benchmark: a FastAPI route and a bare ASGI app answering constant JSON bodies.

Both serve BENCH_BODIES (a JSON file: name -> body) at /ref/{name}, so that each endpoint is
compared with a constant answer of the same size under the same server and settings."""

import json
import os
from typing import Any

from fastapi import FastAPI, Response

BODIES: dict[str, bytes] = {
    name: body.encode("utf-8")
    for name, body in json.loads(open(os.environ["BENCH_BODIES"], encoding="utf-8").read()).items()
}
JSON_HEADERS = [(b"content-type", b"application/json")]

fastapi_app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@fastapi_app.get("/ref/{name}")
async def constant(name: str) -> Response:
    """The body as stored: the framework's own cost, without queries, serialization or a hop to
    the thread pool (the ceiling is the fastest route FastAPI has)."""
    return Response(BODIES[name], media_type="application/json")


async def asgi_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The same answers with no framework at all."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    body = BODIES.get(scope["path"].removeprefix("/ref/"), b"{}")
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [*JSON_HEADERS, (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
