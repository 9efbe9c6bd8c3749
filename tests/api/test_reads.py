"""ReadRoute answers reads itself: every read under /v1 takes that path, and its answers are the
ones FastAPI's own handler gives, byte for byte, for valid and invalid requests alike. It matches
the paths FastAPI's route matches, and no others."""

from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, request_response

from app.api.reads import PrefixRoute, ReadRoute, _signature

pytestmark = pytest.mark.anyio

REQUESTS = [
    "/v1/quotes/1",
    "/v1/quotes/1?format=jsonld",
    "/v1/quotes/1?format=xml",
    "/v1/quotes/999",
    "/v1/quotes/abc",
    "/v1/quotes/99999999999999999999999",
    "/v1/quotes?limit=2",
    "/v1/quotes?limit=2&speaker=بلينكن&kind=direct",
    "/v1/quotes?limit=0",
    "/v1/quotes?unknown=1",
    "/v1/quotes?format=csv",
    "/v1/pledges/1",
    "/v1/pledges?min_amount=5&max_amount=1",
    "/v1/pledges/summary",
    "/v1/pledges/summary?currency=usd",
    "/v1/articles/1",
    "/v1/articles/1/facts",
    "/v1/articles/2/facts",
    "/v1/speakers/1",
    "/v1/dates?from=2019-01-01&limit=3",
    "/v1/dates?from=yesterday",
    "/v1/places/1",
    "/v1/organizations?limit=1",
    "/v1/timeline?limit=2",
    "/v1/search?q=الإرهاب&limit=2",
    "/v1/search",
    "/v1/quotes/1/history",
    "/v1/speakers/1/history?limit=1",
]
VARYING = {"x-request-id", "date"}


def read_routes(application: FastAPI) -> list[ReadRoute]:
    return [route for route in application.routes if isinstance(route, ReadRoute) and "GET" in route.methods]


def test_every_read_under_v1_is_answered_by_read_route(application: FastAPI) -> None:
    routes = read_routes(application)
    assert len(routes) > 20
    assert [route.path for route in routes if _signature(route) is None] == []


def test_a_route_matches_what_fastapis_route_matches(application: FastAPI) -> None:
    routes = [route for route in application.routes if isinstance(route, PrefixRoute)]
    assert {"/health", "/v1/quotes/{quote_id}"} <= {route.path_format for route in routes}
    paths = {request.partition("?")[0] for request in REQUESTS}
    paths |= {route.path_format.replace("{", "").replace("}", "") for route in routes}
    paths |= {route.path_format.format(**dict.fromkeys(route.param_convertors, 7)) for route in routes}
    paths |= {path + suffix for path in list(paths) for suffix in ("/", "x", "/7")}
    scopes = [
        {"type": "http", "method": method, "path": root + path, "root_path": root, "path_params": {}}
        for path in paths
        for method in ("GET", "PATCH")
        for root in ("", "/facts")
    ]
    full = 0
    for route in routes:
        for scope in scopes:
            ours, theirs = PrefixRoute.matches(route, scope), APIRoute.matches(route, scope)
            assert ours == theirs, (route.path, scope["root_path"], scope["path"], scope["method"])
            full += ours[0].name == "FULL"
    assert full >= 2 * len(routes)


@pytest.fixture
def fastapi_handlers(application: FastAPI) -> Iterator[None]:
    """The same routes answered by FastAPI's own request handler for the test's duration."""
    routes = read_routes(application)
    kept = [route.app for route in routes]
    for route in routes:
        route.app = request_response(APIRoute.get_route_handler(route))
    try:
        yield
    finally:
        for route, app in zip(routes, kept, strict=True):
            route.app = app


async def answers(client: httpx.AsyncClient) -> list[tuple[int, dict[str, str], bytes]]:
    found = []
    for path in REQUESTS:
        response = await client.get(path)
        headers = {name: value for name, value in response.headers.items() if name not in VARYING}
        found.append((response.status_code, headers, response.content))
    return found


async def test_answers_match_fastapis_own(
    client: httpx.AsyncClient, seeded: int, request: pytest.FixtureRequest
) -> None:
    ours = await answers(client)
    request.getfixturevalue("fastapi_handlers")
    theirs = await answers(client)
    assert {status for status, _, _ in ours} >= {200, 404, 422}
    for path, mine, reference in zip(REQUESTS, ours, theirs, strict=True):
        assert mine == reference, path
