"""HTTP caching: ETag and 304, Cache-Control, gzip for large bodies; errors stay plain problem+json."""

import gzip

import httpx
import pytest

pytestmark = pytest.mark.anyio


async def test_etag_and_not_modified(client: httpx.AsyncClient, seeded: int) -> None:
    first = await client.get("/v1/quotes?limit=3")
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert first.headers["cache-control"] == "public, max-age=60"
    again = await client.get("/v1/quotes?limit=3")
    assert again.headers["etag"] == etag  # same bytes, same tag

    cached = await client.get("/v1/quotes?limit=3", headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert cached.content == b""
    assert cached.headers["etag"] == etag
    assert "content-type" not in cached.headers

    for header in (f'"other", {etag}', f"W/{etag}", "*"):
        assert (await client.get("/v1/quotes?limit=3", headers={"If-None-Match": header})).status_code == 304
    stale = await client.get("/v1/quotes?limit=3", headers={"If-None-Match": '"stale"'})
    assert stale.status_code == 200 and stale.json()["items"]


async def test_etag_changes_with_the_data(client: httpx.AsyncClient, seeded: int) -> None:
    one = (await client.get("/v1/quotes?limit=3")).headers["etag"]
    two = (await client.get("/v1/quotes?limit=4")).headers["etag"]
    assert one != two


async def test_every_get_route_has_caching_headers(client: httpx.AsyncClient, seeded: int) -> None:
    for path in (
        "/v1/articles/1",
        "/v1/articles/1/facts",
        "/v1/pledges/summary",
        "/v1/timeline",
        "/v1/search?q=داعش",
        "/v1/speakers/1",
        "/v1/places",
        "/health",
    ):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "etag" in response.headers, path
        assert response.headers["cache-control"] == "public, max-age=60", path


async def test_streamed_exports_are_cacheable_but_untagged(client: httpx.AsyncClient, seeded: int) -> None:
    response = await client.get("/v1/quotes?format=csv")
    assert response.headers["cache-control"] == "public, max-age=60"
    assert "Accept" in response.headers["vary"]
    assert "etag" not in response.headers


async def test_errors_are_not_cached(client: httpx.AsyncClient, seeded: int) -> None:
    response = await client.get("/v1/quotes/999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "etag" not in response.headers and "cache-control" not in response.headers
    assert response.json()["status"] == 404


async def test_large_bodies_are_gzipped(client: httpx.AsyncClient, seeded: int) -> None:
    raw = await client.get("/v1/articles/1", headers={"Accept-Encoding": "gzip"})
    assert raw.headers["content-encoding"] == "gzip"
    small = await client.get("/health", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers
    plain = await client.get("/v1/articles/1", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.headers["etag"] != raw.headers["etag"]  # different bytes, different tag


async def test_gzipped_body_decodes_to_the_plain_one(client: httpx.AsyncClient, seeded: int) -> None:
    plain = (await client.get("/v1/articles/1", headers={"Accept-Encoding": "identity"})).content
    request = client.build_request("GET", "/v1/articles/1", headers={"Accept-Encoding": "gzip"})
    response = await client.send(request, stream=True)
    compressed = b"".join([chunk async for chunk in response.aiter_raw()])
    await response.aclose()
    assert gzip.decompress(compressed) == plain
    assert len(compressed) < len(plain) / 2
