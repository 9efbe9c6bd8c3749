"""The application factory: routers, error handlers and OpenAPI metadata."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.api.caching import install_http_caching
from app.api.main import api_router
from app.api.routes import health
from app.db import Database
from app.errors import PROBLEM_JSON, install_error_handlers
from app.settings import Settings

DESCRIPTION = """
Structured, verifiable facts from news articles in Arabic and English: who spoke, what they said,
what money was pledged to whom, and when things happened.

Every fact carries `start` and `end`: code-point offsets into its article's `text`, so that
`text[start:end]` is exactly the evidence.

**Paging.** Lists answer `{"items": [...], "next_cursor": ...}` and, while there is more, a
`Link: <...>; rel="next"` header. Pass `next_cursor` back as `cursor` with the same filters.

**Errors.** Every error is `application/problem+json` (RFC 9457) with `type`, `title`, `status`,
`detail` and, for invalid input, `errors`.
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


def operation_id(route: APIRoute) -> str:
    """listQuotes, getPledge: the route's name in camelCase."""
    head, *rest = route.name.split("_")
    return head + "".join(word.capitalize() for word in rest)


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
        generate_unique_id_function=operation_id,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = Database(settings.database_url)
    install_error_handlers(app)
    install_http_caching(app, settings.cache_max_age)
    app.include_router(health.router)
    app.include_router(api_router)

    original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _problem_json_only(original_openapi())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
