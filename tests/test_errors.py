"""One error shape everywhere: application/problem+json (RFC 9457), walked over every route."""

import re

import httpx
import pytest
from fastapi import FastAPI

pytestmark = pytest.mark.anyio

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) <= PROBLEM_KEYS | {"errors"}
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert isinstance(body["title"], str) and body["title"]
    return body


def get_paths(application: FastAPI) -> list[str]:
    """Every GET path the application serves, as its OpenAPI document lists them."""
    return [path for path, item in application.openapi()["paths"].items() if "get" in item]


async def test_unknown_ids_are_404_on_every_route(client: httpx.AsyncClient, application: FastAPI) -> None:
    with_ids = [path for path in get_paths(application) if "{" in path]
    assert len(with_ids) >= 8
    for path in with_ids:
        path = re.sub(r"\{\w+\}", "987654", path)
        body = assert_problem(await client.get(path), 404)
        assert "987654" in str(body["detail"])


async def test_an_id_that_is_not_a_whole_number_is_404_on_every_route(
    client: httpx.AsyncClient, application: FastAPI
) -> None:
    """Ids are whole numbers: any other segment names no resource, for every method."""
    paths = [path for path in application.openapi()["paths"] if "{" in path]
    for path in paths:
        for malformed in ("abc", "-1", "1.5"):
            for method in ("GET", "PATCH", "DELETE"):
                response = await client.request(method, re.sub(r"\{\w+\}", malformed, path))
                assert_problem(response, 404)


def list_paths(application: FastAPI) -> list[str]:
    """Every GET path that answers a page (a Page_* schema)."""
    paths = application.openapi()["paths"]
    return [
        path
        for path in get_paths(application)
        if paths[path]["get"]["responses"]["200"]["content"]
        .get("application/json", {})
        .get("schema", {})
        .get("$ref", "")
        .startswith("#/components/schemas/Page_")
    ]


async def test_bad_limit_is_422_on_every_list(client: httpx.AsyncClient, application: FastAPI) -> None:
    lists = list_paths(application)
    assert len(lists) == 14
    for path in lists:
        for limit in ("-1", "0", "100000", "ten"):
            params = {"limit": limit, "q": "word"} if path == "/v1/search" else {"limit": limit}
            url = re.sub(r"\{\w+\}", "1", path)
            body = assert_problem(await client.get(url, params=params), 422)
            assert body["errors"][0]["loc"] == ["query", "limit"]


async def test_unknown_query_parameter_is_422(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/v1/pledges?curency=USD"), 422)
    assert body["errors"][0]["loc"] == ["query", "curency"]


@pytest.mark.parametrize(
    "query",
    [
        "/v1/dates?from=2024-13-01",
        "/v1/dates?to=yesterday",
        "/v1/dates?grain=fortnight",
        "/v1/pledges?currency=usd",
        "/v1/pledges?currency=DOLLARS",
        "/v1/pledges?min_amount=-5",
        "/v1/pledges?min_amount=10&max_amount=5",
        "/v1/pledges?status=maybe",
        "/v1/quotes?kind=rumour",
        "/v1/articles?language=fr",
        "/v1/articles?published_from=2024-02-30",
    ],
)
async def test_bad_filters_are_422(client: httpx.AsyncClient, query: str) -> None:
    body = assert_problem(await client.get(query), 422)
    assert body["errors"]


async def test_unknown_path_is_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/v1/nothing-here"), 404)


async def test_wrong_method_is_405_naming_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    for method, path, allowed in (
        ("DELETE", "/v1/pledges", "GET, HEAD"),
        ("PUT", "/v1/articles", "GET, HEAD, POST"),
        ("OPTIONS", "/v1/quotes/1", "DELETE, GET, HEAD, PATCH"),
        ("POST", "/v1/pledges/1", "DELETE, GET, HEAD, PATCH"),
        # A fixed path beside an id path is its own resource, not an id that fails to parse.
        ("PATCH", "/v1/pledges/summary", "GET, HEAD"),
        ("DELETE", "/v1/pledges/summary", "GET, HEAD"),
    ):
        response = await client.request(method, path)
        assert_problem(response, 405)
        assert response.headers["allow"] == allowed, (method, path)


async def test_unexpected_error_is_500_problem(application: FastAPI) -> None:
    @application.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://facts.test") as client:
        response = await client.get("/boom")
    body = assert_problem(response, 500)
    assert "secret" not in response.text
    assert body["detail"] == "An unexpected error occurred."


def test_openapi_declares_problem_json_for_every_error(application: FastAPI) -> None:
    schema = application.openapi()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            errors = {s: r for s, r in operation["responses"].items() if s[0] in "45"}
            if path.startswith("/v1"):
                assert "422" in errors, (method, path)
            for status, response in errors.items():
                assert list(response["content"]) == ["application/problem+json"], (path, status)


async def test_head_is_get_without_its_body(client: httpx.AsyncClient, seeded: int) -> None:
    for path in ("/v1/quotes/1", "/v1/quotes?limit=2", "/health", "/openapi.json", "/docs"):
        got = await client.get(path)
        head = await client.head(path)
        assert head.status_code == got.status_code == 200, path
        for name in ("content-type", "content-length", "etag", "link"):
            assert head.headers.get(name) == got.headers.get(name), (path, name)
    unknown = await client.head("/v1/quotes/999")
    assert unknown.status_code == 404
