"""The application factory: routers, error handlers and OpenAPI metadata."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.routing import Mount
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.api.body import with_body_schemas
from app.api.caching import install_http_caching
from app.api.main import api_routes
from app.api.openapi import examples_as_responses
from app.api.params import with_query_parameters
from app.api.routes import docs
from app.api.routing import HeadAsGet, name_plain_routes
from app.api.security import install_access
from app.db import Database
from app.errors import PROBLEM_JSON, install_error_handlers
from app.limits import BodyLimitMiddleware
from app.observability import REQUEST_ID_HEADER, RequestMiddleware
from app.settings import Settings

DESCRIPTION = """
Structured, verifiable facts from news articles in Arabic and English: who spoke, what they said,
what money was pledged to whom, and when things happened. Articles are stored verbatim; their facts
are speakers, quotes, pledges, date mentions, organizations and places, each in its own list.

**Evidence.** Every fact carries `start` and `end`: code-point offsets into its article's `text`, so
that `text[start:end]` is exactly the evidence (`GET /v1/articles/{article_id}` has the text). Offsets
count Unicode code points, as Python and PostgreSQL do, not UTF-16 units or bytes.

**Arabic.** Responses are UTF-8 JSON with Arabic as it is written, not as escape sequences; names
can be searched in Arabic or English (`/v1/speakers?name=بلينكن`).

**Paging.** Lists answer `{"items": [...], "next_cursor": ...}` and, while there is more, a
`Link: <...>; rel="next"` header. Pass `next_cursor` back as `cursor` with the same filters; `limit`
sets the page size (1 to 500, default 50).

**Errors.** Every error is `application/problem+json` (RFC 9457) with `type`, `title`, `status`,
`detail` and, for invalid input, an `errors` list: `400` for a damaged cursor, `404` for an unknown id,
`422` for an invalid parameter or body.

**API keys.** Reading needs no key. Writing (storing articles) takes a key, sent as
`Authorization: Bearer <key>` or `X-API-Key: <key>`; a missing or unknown key is answered `401`.

**Try it.** Every operation below shows an example from the seed article, and *Try it out* sends the
request to this server. The same document at `/openapi.json` (OpenAPI 3.1) generates clients.
"""

TAGS = [
    {"name": "articles", "description": "Articles, verbatim, with all their facts."},
    {"name": "speakers", "description": "People and bodies quoted, with their aliases."},
    {"name": "quotes", "description": "Direct quotes and reported speech."},
    {"name": "pledges", "description": "Money committed by donors."},
    {"name": "dates", "description": "Date expressions resolved to ISO 8601."},
    {"name": "organizations", "description": "Organizations mentioned."},
    {"name": "places", "description": "Places mentioned."},
    {"name": "timeline", "description": "Every resolved date in chronological order."},
    {"name": "search", "description": "Full-text search in Arabic and English."},
    {"name": "health", "description": "Service status."},
]


def _problem_json_only(schema: dict[str, Any]) -> dict[str, Any]:
    """Error responses are documented as application/problem+json alone."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if re.fullmatch(r"[45]\d\d", status) and PROBLEM_JSON in content:
                    content.pop("application/json", None)
    return schema


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.database.dispose()

    app = FastAPI(
        title="Article Facts API",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        # The API first: routes are matched in order, and API requests are the many.
        routes=[
            *api_routes(),
            *docs.router.routes,
            Mount(docs.STATIC_URL, StaticFiles(directory=docs.STATIC_DIR), name="static"),
        ],
        lifespan=lifespan,
        # Our logs and metrics are our own (app.observability). FastAPI's OpenTelemetry hooks, unless
        # asked for, would look for a configured provider on every request: about 5% of a quote by id.
        telemetry=None if settings.opentelemetry else {"tracing": False, "metrics": False, "logs": False},
        docs_url=None,
        redoc_url=None,
    )
    # FastAPI adds the OpenAPI document's route itself, as a plain Starlette route.
    name_plain_routes(app.router.routes)
    app.state.settings = settings
    app.state.database = Database.configured(settings)
    install_error_handlers(app)
    app.add_middleware(HeadAsGet)
    # Inside CORS, which then answers preflights itself and labels refusals for browsers.
    install_access(app, app.state.database, settings)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", REQUEST_ID_HEADER],
            expose_headers=[REQUEST_ID_HEADER, "Link", "Retry-After"],
        )
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes)
    # Outside CORS and the body limit: its log line and metrics cover their answers too.
    app.add_middleware(RequestMiddleware)
    install_http_caching(app, settings.cache_max_age)
    if settings.trusted_proxies:
        # Outermost: the client address and scheme the proxy forwards are the ones logged, rate
        # limited and linked to.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)

    original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = with_query_parameters(app, original_openapi())
            app.openapi_schema = examples_as_responses(with_body_schemas(_problem_json_only(document)))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
