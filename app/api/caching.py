"""HTTP caching and compression: a strong ETag on every buffered GET answer, 304 for a matching
If-None-Match, Cache-Control on reads, gzip for large bodies."""

import hashlib

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

GZIP_MIN_BYTES = 1024
CACHEABLE_METHODS = {"GET", "HEAD"}


def _matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 weak comparison, as If-None-Match asks for."""
    if if_none_match.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == opaque for tag in if_none_match.split(","))


class ETagMiddleware:
    """Buffers GET answers that carry a Content-Length (they are in memory anyway) to hash them.

    Streamed exports have no Content-Length and pass through untouched, without an ETag, so that
    they stay streamed. Errors are not cached."""

    def __init__(self, app: ASGIApp, max_age: int) -> None:
        self.app = app
        self.cache_control = f"public, max-age={max_age}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in CACHEABLE_METHODS:
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: Message | None = None
        body: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                if message["status"] != 200 or "content-length" not in headers:
                    if message["status"] == 200:
                        streamed = MutableHeaders(raw=message["headers"])
                        streamed.setdefault("Cache-Control", self.cache_control)
                        streamed.add_vary_header("Accept")
                    start = None
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._answer(start, b"".join(body), if_none_match, send)

        await self.app(scope, receive, buffered)

    async def _answer(self, start: Message, content: bytes, if_none_match: str | None, send: Send) -> None:
        headers = MutableHeaders(raw=start["headers"])
        etag = headers.get("etag") or f'"{hashlib.sha256(content).hexdigest()[:32]}"'
        headers["ETag"] = etag
        headers.setdefault("Cache-Control", self.cache_control)
        # The representation depends on Accept (JSON, CSV, NDJSON, JSON-LD).
        headers.add_vary_header("Accept")
        if if_none_match is not None and _matches(if_none_match, etag):
            kept = {"etag", "cache-control", "vary", "content-location", "expires", "date"}
            not_modified = [(k, v) for k, v in start["headers"] if k.decode().lower() in kept]
            await send({"type": "http.response.start", "status": 304, "headers": not_modified})
            await send({"type": "http.response.body", "body": b""})
            return
        await send(start)
        await send({"type": "http.response.body", "body": content})


def install_http_caching(app: FastAPI, max_age: int) -> None:
    """gzip inside, ETag outside: the ETag then names the bytes actually sent, so a gzipped and a
    plain representation never share one."""
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    app.add_middleware(ETagMiddleware, max_age=max_age)
