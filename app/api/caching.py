"""HTTP caching and compression: a strong ETag on every buffered GET answer, 304 for a matching
If-None-Match, Cache-Control on reads, gzip for large bodies.

Both run on every request, so they read and write the raw ASGI header lists rather than building
header objects."""

import hashlib

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware, GZipResponder
from starlette.types import ASGIApp, Message, Receive, Scope, Send

GZIP_MIN_BYTES = 1024
# zlib's own default: level 9 costs several times the CPU for a few percent smaller JSON.
GZIP_LEVEL = 6
CACHEABLE_METHODS = {"GET", "HEAD"}
# The representation depends on Accept (JSON, CSV, NDJSON, JSON-LD) and on Accept-Encoding.
VARIES = (b"Accept", b"Accept-Encoding")
NOT_MODIFIED_HEADERS = {b"etag", b"cache-control", b"vary", b"content-location", b"expires", b"date"}


def header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    """The first value of a header in a raw ASGI list; names there are lower case."""
    for key, value in headers:
        if key == name:
            return value
    return None


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
        self.cache_control = (b"cache-control", f"public, max-age={max_age}".encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in CACHEABLE_METHODS:
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = message["headers"] = list(message.get("headers", ()))
                if message["status"] != 200 or header(headers, b"content-length") is None:
                    if message["status"] == 200:
                        self._cacheable(headers)
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
            await self._answer(scope, start, b"".join(body), send)

        await self.app(scope, receive, buffered)

    def _cacheable(self, headers: list[tuple[bytes, bytes]]) -> None:
        if header(headers, b"cache-control") is None:
            headers.append(self.cache_control)
        for index, (key, value) in enumerate(headers):
            if key == b"vary":
                named = {token.strip().lower() for token in value.split(b",")}
                missing = [token for token in VARIES if token.lower() not in named]
                headers[index] = (key, b", ".join([value, *missing]) if missing else value)
                return
        headers.append((b"vary", b", ".join(VARIES)))

    async def _answer(self, scope: Scope, start: Message, content: bytes, send: Send) -> None:
        headers = start["headers"]
        etag = header(headers, b"etag")
        if etag is None:
            etag = b'"' + hashlib.sha256(content).hexdigest()[:32].encode() + b'"'
            headers.append((b"etag", etag))
        self._cacheable(headers)
        if_none_match = header(scope["headers"], b"if-none-match")
        if if_none_match is not None and _matches(if_none_match.decode("latin-1"), etag.decode("latin-1")):
            not_modified = [(k, v) for k, v in headers if k.lower() in NOT_MODIFIED_HEADERS]
            await send({"type": "http.response.start", "status": 304, "headers": not_modified})
            await send({"type": "http.response.body", "body": b""})
            return
        await send(start)
        await send({"type": "http.response.body", "body": content})


class AcceptedGZipMiddleware(GZipMiddleware):
    """Starlette's gzip, entered only when the client accepts gzip. Otherwise the answer passes
    untouched; ETagMiddleware names Accept-Encoding in Vary for every cacheable answer."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        encodings = header(scope["headers"], b"accept-encoding") if scope["type"] == "http" else None
        if encodings is None or b"gzip" not in encodings:
            await self.app(scope, receive, send)
            return
        responder = GZipResponder(
            self.app,
            self.minimum_size,
            compresslevel=self.compresslevel,
            thread_minimum_size=self.thread_minimum_size,
            exclude_content_types=self.exclude_content_types,
        )
        await responder(scope, receive, send)


def install_http_caching(app: FastAPI, max_age: int) -> None:
    """gzip inside, ETag outside: the ETag then names the bytes actually sent, so a gzipped and a
    plain representation never share one."""
    app.add_middleware(AcceptedGZipMiddleware, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    app.add_middleware(ETagMiddleware, max_age=max_age)
