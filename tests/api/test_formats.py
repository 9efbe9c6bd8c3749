"""Formats: CSV and NDJSON exports of every list, JSON-LD for quotes and pledges, negotiation errors."""

import csv
import io
import json
import re

import httpx
import pytest
from fastapi import FastAPI

from tests.factories import add_article

pytestmark = pytest.mark.anyio


def export_paths(application: FastAPI) -> list[str]:
    """Every list that documents a CSV answer, as the OpenAPI document writes its path."""
    return [
        path
        for path, item in application.openapi()["paths"].items()
        if "get" in item and "text/csv" in item["get"]["responses"]["200"].get("content", {})
    ]


def export_urls(application: FastAPI) -> list[str]:
    """The same lists, with 1 for every id."""
    return [re.sub(r"\{\w+\}", "1", path) for path in export_paths(application)]


async def test_every_list_exports_csv_and_ndjson(
    client: httpx.AsyncClient, application: FastAPI, auth: dict[str, str], seeded: int
) -> None:
    changed = await client.patch("/v1/pledges/1", json={"status": "previously_announced"}, headers=auth)
    assert changed.status_code == 200, changed.text
    paths = export_urls(application)
    assert len(paths) == 13  # 8 lists and 5 histories
    assert len((await client.get("/v1/pledges/1/history")).json()["items"]) == 1
    for path in paths:
        as_json = (await client.get(path, params={"limit": 500})).json()["items"]
        response = await client.get(path, params={"format": "csv"})
        assert response.status_code == 200, path
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [row["id"] for row in rows] == [str(item["id"]) for item in as_json], path

        response = await client.get(path, headers={"Accept": "application/x-ndjson"})
        assert response.headers["content-type"] == "application/x-ndjson"
        lines = [json.loads(line) for line in response.text.splitlines()]
        assert lines == as_json, path


async def test_csv_values(client: httpx.AsyncClient, seeded: int) -> None:
    response = await client.get("/v1/pledges", headers={"Accept": "text/csv"}, params={"sort": "-amount"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["amount"] == "535000000"
    assert rows[0]["evidence"] == "535 مليون دولار"
    assert rows[0]["speaker_id"] == ""  # null is an empty cell
    speakers = list(csv.DictReader(io.StringIO((await client.get("/v1/speakers?format=csv")).text)))
    assert "بلينكن" in speakers[0]["aliases"].split("; ")


def test_a_list_names_jsonld_among_its_formats_only_where_it_answers_it(application: FastAPI) -> None:
    document = application.openapi()
    offered = {}
    for path in export_paths(application):
        operation = document["paths"][path]["get"]
        (parameter,) = [p for p in operation["parameters"] if p["name"] == "format"]
        formats = next(s["enum"] for s in parameter["schema"]["anyOf"] if "enum" in s)
        assert ("jsonld" in formats) == ("application/ld+json" in operation["responses"]["200"]["content"])
        offered[path] = "jsonld" in formats
    assert sorted(path for path, linked in offered.items() if linked) == ["/v1/pledges", "/v1/quotes"]


async def test_an_export_refuses_bad_input_before_it_starts(
    client: httpx.AsyncClient, application: FastAPI, seeded: int
) -> None:
    for path in export_urls(application):
        for fmt in ("csv", "ndjson"):
            for cursor, status in (("abc", 400), ("", 400), ("eyJzb3J0IjoiaWQifQ", 400)):
                response = await client.get(path, params={"format": fmt, "cursor": cursor})
                assert response.status_code == status, (path, fmt, cursor, response.text)
                assert response.headers["content-type"] == "application/problem+json"
    response = await client.get("/v1/quotes", params={"format": "ndjson", "article_id": 10**20})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"


async def test_csv_never_holds_a_formula(client: httpx.AsyncClient, application: FastAPI) -> None:
    formulas = ["=HYPERLINK(\"http://example.com\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    for title in [*formulas, "a = b"]:
        add_article(application, f"{title} is quoted.", language="en", title=title)
    rows = list(csv.DictReader(io.StringIO((await client.get("/v1/articles?format=csv")).text)))
    assert [row["title"] for row in rows] == [*("'" + title for title in formulas), "a = b"]
    exact = (await client.get("/v1/articles?format=ndjson")).text.splitlines()
    assert [json.loads(line)["title"] for line in exact] == [*formulas, "a = b"]


async def test_export_covers_everything_unless_limited(
    client: httpx.AsyncClient, application: FastAPI
) -> None:
    count = 120  # more than a default page (50)
    text = " ".join(f"p{i:03d}" for i in range(count))
    add_article(
        application,
        text,
        language="en",
        pledges=[{"evidence": f"p{i:03d}", "amount": i, "currency": "USD"} for i in range(count)],
    )
    everything = (await client.get("/v1/pledges?format=ndjson&sort=-amount")).text.splitlines()
    assert [json.loads(line)["amount"] for line in everything] == list(range(count - 1, -1, -1))
    limited = (await client.get("/v1/pledges?format=ndjson&sort=-amount&limit=7")).text.splitlines()
    assert limited == everything[:7]
    cursor = (await client.get("/v1/pledges?sort=-amount&limit=30")).json()["next_cursor"]
    after = (await client.get(f"/v1/pledges?format=ndjson&sort=-amount&cursor={cursor}")).text.splitlines()
    assert after == everything[30:]


async def test_quote_as_json_ld(client: httpx.AsyncClient, seeded: int) -> None:
    response = await client.get("/v1/quotes/10", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"] == "application/ld+json"
    node = response.json()
    assert node["@context"] == "https://schema.org"
    assert node["@type"] == "Quotation"
    assert node["@id"].endswith("/v1/quotes/10")
    assert node["spokenByCharacter"] == {"@type": "Person", "name": "أنتوني بلينكن"}
    assert node["text"].startswith("إن الولايات المتحدة")
    listing = (await client.get("/v1/quotes?format=jsonld&limit=3")).json()
    assert listing["@type"] == "ItemList"
    assert [item["@type"] for item in listing["itemListElement"]] == ["Quotation"] * 3


async def test_pledge_as_json_ld(client: httpx.AsyncClient, seeded: int) -> None:
    node = (await client.get("/v1/pledges/1?format=jsonld")).json()
    assert node["@type"] == "MonetaryGrant"
    assert node["amount"] == {"@type": "MonetaryAmount", "value": 148000000, "currency": "USD"}
    assert node["funder"] == {"@type": "Organization", "name": "United States"}
    response = await client.get("/v1/pledges", headers={"Accept": "application/ld+json"}, params={"limit": 1})
    assert response.json()["itemListElement"][0]["@type"] == "MonetaryGrant"
    assert 'rel="next"' in response.headers["link"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/v1/quotes?format=xml", 422),
        ("/v1/articles?format=jsonld", 422),  # JSON-LD is offered for quotes and pledges only
        ("/v1/quotes/1?format=csv", 422),
    ],
)
async def test_unsupported_format_is_422(
    client: httpx.AsyncClient, seeded: int, path: str, status: int
) -> None:
    response = await client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", "format"]


async def test_accept_negotiation(client: httpx.AsyncClient, seeded: int) -> None:
    async def media(path: str, accept: str) -> tuple[int, str]:
        response = await client.get(path, headers={"Accept": accept})
        return response.status_code, response.headers["content-type"]

    assert await media("/v1/quotes", "*/*") == (200, "application/json")
    assert await media("/v1/quotes", "text/html,application/xhtml+xml,*/*;q=0.8") == (200, "application/json")
    assert await media("/v1/quotes", "application/json;q=0.5, text/csv") == (200, "text/csv; charset=utf-8")
    assert await media("/v1/quotes", "text/csv;q=0, application/json") == (200, "application/json")
    assert await media("/v1/quotes", "image/png") == (406, "application/problem+json")
    assert await media("/v1/articles", "application/ld+json") == (406, "application/problem+json")
    assert await media("/v1/quotes/1", "text/csv") == (406, "application/problem+json")
    # format= wins over Accept
    response = await client.get("/v1/quotes?format=json", headers={"Accept": "text/csv"})
    assert response.headers["content-type"] == "application/json"


async def test_json_keeps_arabic_as_utf8(client: httpx.AsyncClient, seeded: int) -> None:
    for path in (
        "/v1/quotes",
        "/v1/quotes?format=ndjson",
        "/v1/quotes?format=jsonld",
        "/v1/quotes?format=csv",
    ):
        content = (await client.get(path)).content
        assert "بلينكن".encode() in content, path
        assert b"\\u06" not in content, path
