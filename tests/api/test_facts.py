"""Speakers, quotes, pledges, dates, organizations and places: list, filter and get."""

import httpx
import pytest

pytestmark = pytest.mark.anyio


async def test_speakers(client: httpx.AsyncClient, seeded: int) -> None:
    [speaker] = (await client.get("/v1/speakers")).json()["items"]
    assert speaker["name_en"] == "Antony Blinken"
    for name in ("أنتوني بلينكن", "بلينكن", "Blinken", "Antony Blinken"):
        found = (await client.get("/v1/speakers", params={"name": name})).json()["items"]
        assert [s["id"] for s in found] == [speaker["id"]], name
    assert (await client.get("/v1/speakers", params={"name": "Nobody"})).json()["items"] == []
    assert (await client.get(f"/v1/speakers/{speaker['id']}")).json() == speaker


async def test_quotes_filters(client: httpx.AsyncClient, seeded: int) -> None:
    quotes = (await client.get("/v1/quotes")).json()["items"]
    assert len(quotes) == 11
    direct = (await client.get("/v1/quotes?kind=direct")).json()["items"]
    indirect = (await client.get("/v1/quotes?kind=indirect")).json()["items"]
    assert (len(direct), len(indirect)) == (7, 4)
    by_alias = (await client.get("/v1/quotes", params={"speaker": "Blinken"})).json()["items"]
    assert len(by_alias) == 11
    assert (await client.get("/v1/quotes?speaker_id=999")).json()["items"] == []
    assert len((await client.get(f"/v1/quotes?article_id={seeded}")).json()["items"]) == 11
    one = (await client.get(f"/v1/quotes/{quotes[0]['id']}")).json()
    assert one == quotes[0]
    assert one["speaker"] == "أنتوني بلينكن"


async def test_pledges_filters(client: httpx.AsyncClient, seeded: int) -> None:
    async def amounts(query: str) -> list[int]:
        return [p["amount"] for p in (await client.get(f"/v1/pledges?{query}")).json()["items"]]

    assert await amounts("") == [148_000_000, 168_000_000, 535_000_000]
    assert await amounts("min_amount=150000000") == [168_000_000, 535_000_000]
    assert await amounts("max_amount=168000000") == [148_000_000, 168_000_000]
    assert await amounts("min_amount=148000000&max_amount=148000000") == [148_000_000]
    assert await amounts("status=previously_announced") == [535_000_000]
    assert await amounts("currency=USD&status=new") == [148_000_000, 168_000_000]
    assert await amounts("currency=EUR") == []
    assert await amounts("donor=United%20States") == [148_000_000, 168_000_000, 535_000_000]
    pledge = (await client.get("/v1/pledges")).json()["items"][0]
    assert (await client.get(f"/v1/pledges/{pledge['id']}")).json() == pledge


async def test_dates_filters(client: httpx.AsyncClient, seeded: int) -> None:
    async def expressions(query: str) -> list[str]:
        return [d["expression"] for d in (await client.get(f"/v1/dates?{query}")).json()["items"]]

    assert len(await expressions("")) == 9
    # 2019 is covered by "عقب عامين" (2019) and by the 2019-2024 range.
    assert await expressions("from=2019-06-01&to=2019-06-30") == ["عقب عامين", "السنوات الخمس الماضية"]
    assert await expressions("grain=month") == ["سبتمبر 2025"]
    assert await expressions("from=2025-01-01") == ["سبتمبر 2025"]
    assert await expressions("to=2014-12-31") == ["قبل 10 سنوات", "2014"]
    assert len(await expressions("grain=week")) == 2
    assert "2014" in await expressions("relative=false")
    date = (await client.get("/v1/dates?grain=range")).json()["items"][0]
    assert (date["value"], date["end_value"]) == ("2019", "2024")
    assert (await client.get(f"/v1/dates/{date['id']}")).json() == date


async def test_organizations_and_places(client: httpx.AsyncClient, seeded: int) -> None:
    places = (await client.get("/v1/places")).json()["items"]
    names = {p["name"]: p for p in places}
    assert {"Washington", "New York", "Iraq", "Syria", "Africa", "Central Asia"} <= set(names)
    iraq = (await client.get(f"/v1/places/{names['Iraq']['id']}")).json()
    assert iraq["mention_count"] == len(iraq["mentions"]) == names["Iraq"]["mention_count"]
    assert (await client.get("/v1/places", params={"name": "العراق"})).json()["items"][0]["name"] == "Iraq"
    assert [p["name"] for p in (await client.get("/v1/places?kind=city")).json()["items"]] == [
        "Washington",
        "New York",
        "Baghdad",
    ]
    organizations = (await client.get(f"/v1/organizations?article_id={seeded}")).json()["items"]
    isis = next(o for o in organizations if o["name"] == "ISIS")
    detail = (await client.get(f"/v1/organizations/{isis['id']}")).json()
    assert all(m["text"] == "داعش" for m in detail["mentions"])
    assert (await client.get("/v1/organizations?article_id=999")).json()["items"] == []


async def test_health(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}
