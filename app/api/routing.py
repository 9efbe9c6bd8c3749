"""Routers whose routes carry their whole path, so that the app serves them from one flat list.

FastAPI's `include_router` keeps each included router as a node of a tree that every request
walks, matching its way down; a flat list is matched in one pass."""

from typing import Any

from fastapi import APIRouter, Path
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.reads import PrefixRoute, ReadRoute

API_PREFIX = "/v1"
# Ids are INTEGER columns: 32 bits on PostgreSQL.
MAX_ID = 2**31 - 1


def id_path(example: int, alias: str | None = None) -> Any:
    """A row id in the path, as `Annotated[int, id_path(...)]`: 1 to MAX_ID, so that a larger one is a
    422 that says so. Routes take it as `{name:int}`: any other segment names no resource (404)."""
    return Path(alias=alias, ge=1, le=MAX_ID, examples=[example])


def operation_id(route: APIRoute) -> str:
    """listQuotes, getPledge: the route's name in camelCase."""
    head, *rest = route.name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def router(prefix: str = "", *, tags: list[str] | None = None, include_in_schema: bool = True) -> APIRouter:
    """A router outside the API: health and the documentation pages."""
    return APIRouter(
        prefix=prefix,
        tags=list(tags or []),
        include_in_schema=include_in_schema,
        route_class=PrefixRoute,
        generate_unique_id_function=operation_id,
    )


def resource_router(prefix: str, tag: str) -> APIRouter:
    """A router for one resource under /v1 (where ReadAccessMiddleware checks reads)."""
    return APIRouter(
        prefix=API_PREFIX + prefix,
        tags=[tag],
        route_class=ReadRoute,
        generate_unique_id_function=operation_id,
    )


class HeadAsGet:
    """HEAD answered as GET, as RFC 9110 asks of every server: the routes see GET, and the server,
    which still sees HEAD, sends the answer's head alone (as for Starlette's own routes). Innermost,
    so that the middleware outside (ETag, log) see the request as it came."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        inner = {**scope, "method": "GET"}
        try:
            await self.app(inner, receive, send)
        finally:
            # What routing wrote (the matched route, the log's label) is seen outside too.
            scope.update({key: value for key, value in inner.items() if key != "method"})


class NamesRoute:
    """The app of a Starlette Route or Mount, which names its route in the scope before it answers,
    as FastAPI's routes name themselves: the OpenAPI document and the static files are then logged
    and counted under their path (`/static/{path}`) rather than as unmatched."""

    def __init__(self, route: Route | Mount) -> None:
        self.route = route
        self.app = route.app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope["route"] = self.route
        await self.app(scope, receive, send)


def name_plain_routes(routes: list[BaseRoute]) -> None:
    for route in routes:
        if isinstance(route, Route | Mount) and not isinstance(route, APIRoute):
            route.app = NamesRoute(route)
