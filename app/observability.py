"""Request ids, JSON access logs and request metrics, as one ASGI middleware."""

import itertools
import logging
import math
import os
import re
import time
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.metrics import LATENCY, REQUESTS

REQUEST_ID_HEADER = "X-Request-ID"
# An incoming id is echoed only when it is short and plain, so that it cannot forge log lines.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
UNMATCHED_ROUTE = "unmatched"

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
access_logger = logging.getLogger("app.access")


class JsonFormatter(logging.Formatter):
    """One JSON object per line; a record's `fields` extra is merged in."""

    # The last second written, and its ISO text: a record then costs its milliseconds alone.
    _second: tuple[int, str] = (-1, "")

    def timestamp(self, created: float) -> str:
        """The record's time in UTC, ISO 8601 to the millisecond: 2024-09-30T14:05:09.123+00:00."""
        fraction, whole = math.modf(created)  # rounded as datetime.fromtimestamp rounds it
        second, microseconds = divmod(int(whole) * 1_000_000 + round(fraction * 1e6), 1_000_000)
        if self._second[0] != second:
            self._second = (second, datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%S"))
        return f"{self._second[1]}.{microseconds // 1000:03d}+00:00"

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.timestamp(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_var.get()
        if request_id is not None:
            entry["request_id"] = request_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def logging_config(level: str) -> dict[str, Any]:
    """A logging.config dictionary: JSON lines on stderr for the app and for uvicorn."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    logger = {"handlers": ["stderr"], "level": level, "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stderr": handler},
        "loggers": {"app": logger, "uvicorn": logger, "uvicorn.error": {"level": level}},
    }


def lean_log_records() -> None:
    """Log records without the fields our lines never print: the caller's file and line (a stack
    walk per record), thread and process names (the logging HOWTO's "Optimization")."""
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False


def route_label(scope: Scope) -> str:
    """The route template (/v1/quotes/{quote_id}): bounded cardinality, no ids or query strings.
    Routes carry their whole path (app/api/routing.py), so the matched route knows it."""
    return getattr(scope.get("route"), "path_format", UNMATCHED_ROUTE)


class RequestIds:
    """Unique request ids, 32 hex digits: a random prefix per process and a counter, so that
    making one costs no system call (uuid4 reads the kernel's random source each time)."""

    def __init__(self) -> None:
        self.prefix = os.urandom(8).hex()
        self.counter = itertools.count()

    def __call__(self) -> str:
        return f"{self.prefix}{next(self.counter):016x}"


def incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if SANE_REQUEST_ID.fullmatch(candidate) else None
    return None


class RequestMiddleware:
    """Gives each request an id (echoed in X-Request-ID), logs one line and counts it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.request_ids = RequestIds()
        # Metric children by label values: `labels()` takes a lock and builds a key each time.
        self.counters: dict[tuple[str, str, int], Any] = {}
        self.histograms: dict[tuple[str, str], Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = incoming_request_id(scope) or self.request_ids()
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        token = request_id_var.set(request_id)
        status = 500
        started = time.perf_counter()
        header = (b"x-request-id", request_id.encode("latin-1"))

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            duration = time.perf_counter() - started
            route = route_label(scope)
            self.observe(scope["method"], route, status, duration)
            if access_logger.isEnabledFor(logging.INFO):
                client = scope.get("client")
                fields = {
                    "method": scope["method"],
                    # The path alone: query strings are left out of logs.
                    "path": scope["path"],
                    "route": route,
                    "status": status,
                    "duration_ms": round(duration * 1000, 3),
                    "client": client[0] if client else None,
                    "api_key_id": state.get("api_key_id"),
                }
                access_logger.info("request", extra={"fields": fields})
            request_id_var.reset(token)

    def observe(self, method: str, route: str, status: int, duration: float) -> None:
        counter = self.counters.get((method, route, status))
        if counter is None:
            counter = self.counters[method, route, status] = REQUESTS.labels(method, route, str(status))
        histogram = self.histograms.get((method, route))
        if histogram is None:
            histogram = self.histograms[method, route] = LATENCY.labels(method, route)
        counter.inc()
        histogram.observe(duration)
