"""Curation: PATCH and DELETE facts with a key; every change lands in the audit trail."""

import csv
import io
import json
from datetime import datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.factories import add_article

pytestmark = pytest.mark.anyio


def key_id(application: FastAPI) -> int:
    from sqlalchemy import select

    from app.models import ApiKey

    with application.state.database.session() as session:
        return session.execute(select(ApiKey.id)).scalar_one()


FACT_KINDS = ("quotes", "pledges", "dates")


async def listed(client: httpx.AsyncClient, kind: str) -> list[dict[str, Any]]:
    return (await client.get(f"/v1/{kind}", params={"limit": 500})).json()["items"]  # type: ignore[no-any-return]


async def history(client: httpx.AsyncClient, path: str) -> list[dict[str, Any]]:
    response = await client.get(f"{path}/history")
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_correct_a_pledge(
    client: httpx.AsyncClient, application: FastAPI, auth: dict[str, str], seeded: int
) -> None:
    before = (await client.get("/v1/pledges/1")).json()
    assert before["curated"] is False
    response = await client.patch(
        "/v1/pledges/1", json={"amount": 150_000_000, "currency": "EUR"}, headers=auth
    )
    assert response.status_code == 200, response.text
    after = response.json()
    assert after == {**before, "amount": 150_000_000, "currency": "EUR", "curated": True}
    assert (await client.get("/v1/pledges/1")).json() == after
    assert [p["id"] for p in (await client.get("/v1/pledges?currency=EUR")).json()["items"]] == [1]
    [event] = await history(client, "/v1/pledges/1")
    assert event["action"] == "update" and event["resource"] == "pledge" and event["resource_id"] == 1
    assert event["api_key_id"] == key_id(application)
    assert event["before"]["amount"] == 148_000_000 and event["before"]["curated"] is False
    assert event["after"]["amount"] == 150_000_000 and event["after"]["currency"] == "EUR"
    assert "search_text" not in event["before"] and "search_text" not in event["after"]
    exported = list(csv.DictReader(io.StringIO((await client.get("/v1/pledges/1/history?format=csv")).text)))
    assert [json.loads(row["after"]) for row in exported] == [event["after"]]
    assert datetime.fromisoformat(event["happened_at"]).utcoffset() is not None


async def test_correct_a_quote_speaker_and_kind(
    client: httpx.AsyncClient, auth: dict[str, str], seeded: int
) -> None:
    response = await client.patch("/v1/quotes/2", json={"kind": "indirect", "gloss_en": None}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["kind"] == "indirect" and response.json()["gloss_en"] is None
    assert response.json()["curated"] is True
    unknown = await client.patch("/v1/quotes/2", json={"speaker_id": 999}, headers=auth)
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["loc"] == ["body", "speaker_id"]
    detached = await client.patch("/v1/quotes/2", json={"speaker_id": None}, headers=auth)
    assert detached.json()["speaker_id"] is None and detached.json()["speaker"] is None
    assert len(await history(client, "/v1/quotes/2")) == 2


async def test_correct_a_speaker(client: httpx.AsyncClient, auth: dict[str, str], seeded: int) -> None:
    response = await client.patch("/v1/speakers/1", json={"title": "Secretary of State"}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["title"] == "Secretary of State" and response.json()["curated"] is True
    facts = (await client.get(f"/v1/articles/{seeded}/facts")).json()
    assert facts["speakers"][0]["curated"] is True


async def test_correct_a_date_keeps_its_period(
    client: httpx.AsyncClient, auth: dict[str, str], seeded: int
) -> None:
    [month] = (await client.get("/v1/dates?grain=month")).json()["items"]
    path = f"/v1/dates/{month['id']}"
    response = await client.patch(path, json={"value": "2025-10"}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["value"] == "2025-10" and response.json()["curated"] is True
    found = (await client.get("/v1/dates?from=2025-10-31&to=2025-10-31")).json()["items"]
    assert [d["id"] for d in found] == [month["id"]]
    assert (await client.get("/v1/dates?from=2025-09-01&to=2025-09-30")).json()["items"] == []
    response = await client.patch(path, json={"value": "2026", "grain": "year"}, headers=auth)
    assert response.status_code == 200, response.text
    found = (await client.get("/v1/dates?from=2026-12-31")).json()["items"]
    assert [d["id"] for d in found] == [month["id"]]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/pledges/1", {}),
        ("/v1/pledges/1", {"amount": -1}),
        ("/v1/pledges/1", {"amount": None}),
        ("/v1/pledges/1", {"amount": "lots"}),
        ("/v1/pledges/1", {"currency": "usd"}),
        ("/v1/pledges/1", {"status": "maybe"}),
        ("/v1/pledges/1", {"start": 0}),
        ("/v1/pledges/1", {"evidence": "forged"}),
        ("/v1/quotes/1", {"kind": "rumour"}),
        ("/v1/quotes/1", {"text": "forged"}),
        ("/v1/quotes/1", {"end": 9}),
        ("/v1/speakers/1", {"kind": "robot"}),
        ("/v1/speakers/1", {"name": "Someone Else"}),
        ("/v1/dates/1", {"grain": "fortnight"}),
        ("/v1/dates/1", {"value": "30/09/2024"}),
        ("/v1/dates/1", {"value": "2024-02-30"}),
        ("/v1/dates/1", {"value": "2024-13"}),
        ("/v1/dates/1", {"grain": "month"}),
        ("/v1/dates/1", {"end_value": "2024-01-01", "grain": "range"}),
        ("/v1/dates/1", {"value": None, "end_value": "2024"}),
    ],
)
async def test_invalid_corrections_are_422(
    client: httpx.AsyncClient, auth: dict[str, str], seeded: int, path: str, body: dict[str, Any]
) -> None:
    before = (await client.get(path)).json()
    response = await client.patch(path, json=body, headers=auth)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"]
    assert (await client.get(path)).json() == before
    assert await history(client, path) == []


async def test_unknown_ids_are_404_with_a_key(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    for method, path in [
        ("PATCH", "/v1/quotes/404"),
        ("DELETE", "/v1/quotes/404"),
        ("DELETE", "/v1/articles/404"),
    ]:
        response = await client.request(method, path, json={"kind": "direct"}, headers=auth)
        assert response.status_code == 404, (method, path, response.text)
    assert (await client.get("/v1/quotes/404/history")).status_code == 404


async def test_delete_a_quote_keeps_its_history(
    client: httpx.AsyncClient, auth: dict[str, str], seeded: int
) -> None:
    await client.patch("/v1/quotes/3", json={"verb": "said"}, headers=auth)
    response = await client.delete("/v1/quotes/3", headers=auth)
    assert response.status_code == 204 and response.content == b""
    assert (await client.get("/v1/quotes/3")).status_code == 404
    assert len((await client.get("/v1/quotes")).json()["items"]) == 10
    update, delete = await history(client, "/v1/quotes/3")
    assert (update["action"], delete["action"]) == ("update", "delete")
    assert delete["before"]["verb"] == "said" and delete["after"] is None
    assert (await client.delete("/v1/quotes/3", headers=auth)).status_code == 404


async def test_delete_an_article_takes_its_facts(
    client: httpx.AsyncClient, auth: dict[str, str], seeded: int
) -> None:
    text = (await client.get(f"/v1/articles/{seeded}")).json()["text"]
    assert (await client.delete(f"/v1/articles/{seeded}", headers=auth)).status_code == 204
    assert (await client.get(f"/v1/articles/{seeded}")).status_code == 404
    for listing in ("quotes", "pledges", "dates"):
        assert (await client.get(f"/v1/{listing}")).json()["items"] == [], listing
    for listing in ("organizations", "places"):
        entities = (await client.get(f"/v1/{listing}?article_id={seeded}")).json()["items"]
        assert entities == [], listing
    [event] = await history(client, f"/v1/articles/{seeded}")
    assert event["action"] == "delete" and event["before"]["text_length"] == len(text)
    assert "text" not in event["before"]
    [quote_event] = await history(client, "/v1/quotes/1")
    assert quote_event["action"] == "delete" and quote_event["before"]["article_id"] == seeded
    assert len(await history(client, "/v1/pledges/2")) == 1


async def test_a_body_that_is_not_json_is_refused_as_documented(
    client: httpx.AsyncClient, application: FastAPI, auth: dict[str, str], seeded: int
) -> None:
    for body, media_type, status in (
        (b"\x80", "application/json", 400),
        (b'{"amount": ', "application/json", 400),
        (b"amount=5", "application/json", 400),
        (b'{"amount": 1}', "text/plain", 415),
    ):
        headers = {**auth, "Content-Type": media_type}
        response = await client.patch("/v1/pledges/1", content=body, headers=headers)
        assert response.status_code == status, body
        assert response.headers["content-type"] == "application/problem+json"
    documented = application.openapi()["paths"]["/v1/pledges/{pledge_id}"]["patch"]["responses"]
    assert {"400", "415"} <= set(documented)
    assert (await client.get("/v1/pledges/1")).json()["curated"] is False


async def test_ids_of_deleted_facts_are_never_given_again(
    client: httpx.AsyncClient, application: FastAPI, auth: dict[str, str], seeded: int
) -> None:
    """The seed article holds the newest ids of every kind; after its deletion, another article's
    facts start above them, so no history or cached id can name two different things."""
    newest = {kind: max(item["id"] for item in await listed(client, kind)) for kind in FACT_KINDS}
    assert (await client.delete(f"/v1/articles/{seeded}", headers=auth)).status_code == 204
    assert await listed(client, "quotes") == []
    stored = add_article(
        application,
        "قال الوزير: «سنقدم 5 ملايين دولار» يوم 1 أكتوبر 2024.",
        quotes=["سنقدم 5 ملايين دولار"],
        pledges=[{"evidence": "5 ملايين دولار", "amount": 5_000_000, "currency": "USD"}],
        dates=[{"evidence": "1 أكتوبر 2024", "value": "2024-10-01", "grain": "day"}],
    )
    assert stored > seeded
    for kind in FACT_KINDS:
        ids = [item["id"] for item in await listed(client, kind)]
        assert ids and min(ids) > newest[kind], kind
        assert (await client.get(f"/v1/{kind}/{newest[kind]}")).status_code == 404


async def test_history_pages(client: httpx.AsyncClient, auth: dict[str, str], seeded: int) -> None:
    for amount in range(5):
        await client.patch("/v1/pledges/2", json={"amount": amount}, headers=auth)
    first = (await client.get("/v1/pledges/2/history?limit=3")).json()
    second = (await client.get(f"/v1/pledges/2/history?limit=3&cursor={first['next_cursor']}")).json()
    amounts = [e["after"]["amount"] for e in first["items"] + second["items"]]
    assert amounts == [0, 1, 2, 3, 4] and second["next_cursor"] is None


async def test_ids_out_of_range_are_422(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    huge = "99999999999999999999"
    for method, path in [
        ("PATCH", f"/v1/quotes/{huge}"),
        ("DELETE", f"/v1/articles/{huge}"),
        ("GET", f"/v1/pledges/{huge}/history"),
        ("GET", "/v1/dates/0/history"),
        ("PATCH", "/v1/pledges/2147483648"),
        ("GET", f"/v1/quotes/{huge}"),
        ("GET", "/v1/speakers/0"),
        ("GET", "/v1/places/2147483648"),
    ]:
        response = await client.request(method, path, json={"kind": "direct"}, headers=auth)
        assert response.status_code == 422, (method, path, response.text)
    # Filters are not bounded by their schemas, yet answer 422 rather than 500.
    for path in (f"/v1/quotes?article_id={huge}", "/v1/quotes?article_id=2147483648"):
        response = await client.get(path)
        assert response.status_code in (200, 404, 422), (path, response.text)
