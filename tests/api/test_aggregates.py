"""Pledge summary (never summed across currencies) and the chronological timeline."""

from datetime import date

import httpx
import pytest
from fastapi import FastAPI

from app.schemas.pledge import PledgeSummary
from app.services.queries import SUMMARY_GROUPINGS
from tests.factories import AWKWARD, add_article

pytestmark = pytest.mark.anyio


@pytest.fixture
def pledges(application: FastAPI) -> None:
    add_article(
        application,
        "a1 a2 a3",
        language="en",
        published_on=date(2023, 5, 1),
        pledges=[
            {"evidence": "a1", "amount": 100, "currency": "USD", "donor": "Japan"},
            {
                "evidence": "a2",
                "amount": 50,
                "currency": "EUR",
                "donor": "Japan",
                "status": "previously_announced",
            },
            {"evidence": "a3", "amount": 7, "currency": "USD", "donor": "Norway"},
        ],
    )
    add_article(
        application,
        "b1 b2",
        language="en",
        published_on=date(2024, 1, 2),
        pledges=[
            {"evidence": "b1", "amount": 1000, "currency": "USD", "donor": "Japan"},
            {"evidence": "b2", "amount": 5, "currency": None, "donor": None},
        ],
    )


async def test_summary_groups_by_currency(client: httpx.AsyncClient, pledges: None) -> None:
    summary = (await client.get("/v1/pledges/summary")).json()
    assert summary["count"] == 5
    assert summary["by_currency"] == [
        {"currency": "EUR", "total": 50, "count": 1},
        {"currency": "USD", "total": 1107, "count": 3},
        {"currency": None, "total": 5, "count": 1},
    ]
    japan = {(g["currency"], g["total"], g["count"]) for g in summary["by_donor"] if g["donor"] == "Japan"}
    assert japan == {("USD", 1100, 2), ("EUR", 50, 1)}
    status = {(g["status"], g["currency"]): g["total"] for g in summary["by_status"]}
    assert status[("previously_announced", "EUR")] == 50
    assert status[("new", "USD")] == 1107
    years = {(g["year"], g["currency"]): (g["total"], g["count"]) for g in summary["by_year"]}
    assert years == {
        (2023, "USD"): (107, 2),
        (2023, "EUR"): (50, 1),
        (2024, "USD"): (1000, 1),
        (2024, None): (5, 1),
    }
    # The kept totals answer exactly as the pledges aggregated live, order included (none last).
    live = (await client.get("/v1/pledges/summary", params={"min_amount": 0})).json()
    assert summary == live
    assert summary["by_donor"][-1]["donor"] is None


async def test_summary_stays_true_through_corrections_and_deletions(
    client: httpx.AsyncClient, pledges: None, auth: dict[str, str]
) -> None:
    """The totals kept by triggers follow every correction and deletion: they equal the totals
    aggregated from the pledges themselves (which an amount filter asks for)."""
    correction = {"amount": 250, "currency": "EUR", "donor": "Japan"}
    assert (await client.patch("/v1/pledges/1", json=correction, headers=auth)).status_code == 200
    assert (await client.delete("/v1/pledges/3", headers=auth)).status_code == 204
    assert (await client.delete("/v1/articles/2", headers=auth)).status_code == 204
    summary = (await client.get("/v1/pledges/summary")).json()
    assert summary["count"] == 2
    assert summary["by_currency"] == [{"currency": "EUR", "total": 300, "count": 2}]
    assert summary["by_year"] == [{"year": 2023, "currency": "EUR", "total": 300, "count": 2}]
    for params in [{}, {"currency": "EUR"}, {"donor": "Japan"}, {"status": "new"}, {"currency": "USD"}]:
        kept = (await client.get("/v1/pledges/summary", params=params)).json()
        aggregated = (await client.get("/v1/pledges/summary", params={**params, "min_amount": 0})).json()
        assert kept == aggregated, params


async def test_summary_is_written_as_pydantic_writes_it(
    client: httpx.AsyncClient, pledges: None, application: FastAPI
) -> None:
    """The database writes the summary's groupings: the bytes pydantic writes for the same summary,
    each grouping by its key and then the currency, none last, kept or aggregated live alike."""
    add_article(
        application,
        "c1 c2",
        language="en",
        pledges=[
            {"evidence": "c1", "amount": 9, "currency": "USD", "donor": AWKWARD},
            {"evidence": "c2", "amount": 3, "currency": None, "donor": "Japan"},
        ],
    )
    for params in [{}, {"currency": "USD"}, {"donor": "Japan"}, {"status": "new"}, {"min_amount": 0}]:
        response = await client.get("/v1/pledges/summary", params=params)
        assert response.headers["content-type"] == "application/json"
        summary = PledgeSummary.model_validate_json(response.content)
        assert response.content == summary.model_dump_json().encode(), params
        assert summary.count == sum(total.count for total in summary.by_currency) > 0
        for name, (group, _) in SUMMARY_GROUPINGS.items():
            keys = [group, "currency"] if group else ["currency"]
            rows = getattr(summary, name)
            order = [[(getattr(row, key) is None, getattr(row, key)) for key in keys] for row in rows]
            assert order == sorted(order), (params, name)
    assert any(row.donor == AWKWARD for row in PledgeSummary.model_validate_json(response.content).by_donor)


async def test_summary_takes_the_list_filters(client: httpx.AsyncClient, pledges: None) -> None:
    summary = (await client.get("/v1/pledges/summary", params={"donor": "Japan", "min_amount": 60})).json()
    assert summary["by_currency"] == [{"currency": "USD", "total": 1100, "count": 2}]
    bad = await client.get("/v1/pledges/summary", params={"limit": 5})
    assert bad.status_code == 422
    bad = await client.get("/v1/pledges/summary", params={"min_amount": 9, "max_amount": 1})
    assert bad.status_code == 422


async def test_timeline_is_chronological_with_grains(client: httpx.AsyncClient, application: FastAPI) -> None:
    text = "منذ 2014 ثم في سبتمبر 2025 وفي 30 سبتمبر 2024 ومن 2019 إلى 2021 وفي وقت ما"
    add_article(
        application,
        text,
        title="خط زمني",
        dates=[
            {"evidence": "سبتمبر 2025", "value": "2025-09", "grain": "month"},
            {"evidence": "2014", "value": "2014", "grain": "year"},
            {"evidence": "30 سبتمبر 2024", "value": "2024-09-30", "grain": "day"},
            {"evidence": "من 2019 إلى 2021", "value": "2019", "end_value": "2021", "grain": "range"},
            {"evidence": "وقت ما", "grain": "day"},
        ],
    )
    entries = (await client.get("/v1/timeline")).json()["items"]
    assert [(e["value"], e["grain"]) for e in entries] == [
        ("2014", "year"),
        ("2019", "range"),
        ("2024-09-30", "day"),
        ("2025-09", "month"),
    ]
    ranged = entries[1]
    assert (ranged["end_value"], ranged["starts_on"], ranged["ends_on"]) == (
        "2021",
        "2019-01-01",
        "2021-12-31",
    )
    assert entries[0]["article_title"] == "خط زمني"
    window = (await client.get("/v1/timeline", params={"from": "2020-06-01", "to": "2024-12-31"})).json()[
        "items"
    ]
    assert [e["value"] for e in window] == ["2019", "2024-09-30"]
    paged = (await client.get("/v1/timeline", params={"limit": 3})).json()
    rest = (await client.get("/v1/timeline", params={"limit": 3, "cursor": paged["next_cursor"]})).json()
    assert [e["id"] for e in paged["items"] + rest["items"]] == [e["id"] for e in entries]


async def test_totals_are_apart_from_the_pledges_they_sum(
    client: httpx.AsyncClient, application: FastAPI
) -> None:
    """A donor's running total, several donors' sum and a part of a commitment have their own
    statuses, so the new money is summed without counting them again."""
    add_article(
        application,
        "c1 c2 c3 c4",
        language="en",
        pledges=[
            {"evidence": "c1", "amount": 50, "currency": "EUR", "donor": "Norway"},
            {"evidence": "c2", "amount": 900, "currency": "EUR", "donor": "Norway", "status": "cumulative"},
            {"evidence": "c3", "amount": 4000, "currency": "EUR", "status": "aggregate"},
            {"evidence": "c4", "amount": 20, "currency": "EUR", "donor": "Norway", "status": "component"},
        ],
    )
    summary = (await client.get("/v1/pledges/summary")).json()
    totals = {g["status"]: g["total"] for g in summary["by_status"]}
    assert totals == {"new": 50, "cumulative": 900, "aggregate": 4000, "component": 20}
    new = (await client.get("/v1/pledges/summary", params={"status": "new"})).json()
    assert new["by_currency"] == [{"currency": "EUR", "total": 50, "count": 1}]
    listed = (await client.get("/v1/pledges", params={"status": "cumulative"})).json()
    assert [p["amount"] for p in listed["items"]] == [900]
    refused = await client.get("/v1/pledges", params={"status": "total"})
    assert refused.status_code == 422
