"""An article's facts, written by the database in one statement (app.services.bundle), are what the
other endpoints show of the same facts, in text order, written byte for byte as pydantic writes an
ArticleFacts."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from app.schemas.bundle import ArticleFacts
from tests.factories import AWKWARD, add_article

pytestmark = pytest.mark.anyio


async def every_item(client: httpx.AsyncClient, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    next_path: str | None = path
    while next_path is not None:
        response = await client.get(next_path)
        assert response.status_code == 200, response.text
        items += response.json()["items"]
        link = response.links.get("next")
        next_path = link["url"].removeprefix(str(client.base_url)) if link else None
    return items


async def bundle_from_other_endpoints(client: httpx.AsyncClient, article_id: int) -> ArticleFacts:
    """The bundle as the article, list and detail endpoints show its parts."""
    facts: dict[str, Any] = {"article": (await client.get(f"/v1/articles/{article_id}")).json()}
    for kind in ("quotes", "pledges", "dates"):
        items = await every_item(client, f"/v1/{kind}?article_id={article_id}&limit=3")
        facts[kind] = sorted(items, key=lambda item: (item["start"], item["id"]))
    speaking = {fact["speaker_id"] for fact in facts["quotes"] + facts["pledges"]} - {None}
    facts["speakers"] = [(await client.get(f"/v1/speakers/{id_}")).json() for id_ in sorted(speaking)]
    for kind in ("organizations", "places"):
        facts[kind] = []
        for entity in await every_item(client, f"/v1/{kind}?article_id={article_id}&limit=2"):
            detail = (await client.get(f"/v1/{kind}/{entity['id']}")).json()
            mentions = [mention for mention in detail["mentions"] if mention["article_id"] == article_id]
            mentions.sort(key=lambda mention: (mention["start"], mention["end"]))
            facts[kind].append({**detail, "mention_count": len(mentions), "mentions": mentions})
        facts[kind].sort(key=lambda entity: entity["id"])
    return ArticleFacts.model_validate(facts)


async def test_an_articles_facts_are_those_the_other_endpoints_show(
    application: FastAPI, client: httpx.AsyncClient, seeded: int
) -> None:
    # Each kind of fact is stored out of text order: the bundle puts them back in it.
    awkward = add_article(
        application,
        f"نص {AWKWARD} ومبلغ 5 ملايين دولار يوم 3 مارس 2021 ثم «قال ثانيا» و7 ملايين يورو يوم 4 مارس 2021.",
        quotes=["«قال ثانيا»", AWKWARD],
        pledges=[
            {"evidence": "7 ملايين يورو", "amount": 7_000_000, "currency": "EUR", "donor": None},
            {"evidence": "5 ملايين دولار", "amount": 5_000_000, "currency": None, "donor": AWKWARD},
        ],
        dates=[
            {"evidence": "4 مارس 2021", "value": "2021-03-04", "grain": "day", "relative": False},
            {"evidence": "3 مارس 2021", "value": "2021-03-03", "grain": "day", "relative": True},
        ],
    )
    empty = add_article(application, "نص بلا وقائع.")
    with application.state.database.session(write=True) as session:
        # The seed's speaker, with an alias that needs escaping, speaks in the awkward article too.
        speaker_id = session.execute(text("SELECT min(speaker_id) FROM quote")).scalar_one()
        alias = text("INSERT INTO speaker_alias (speaker_id, alias) VALUES (:id, :alias)")
        session.execute(alias, {"id": speaker_id, "alias": AWKWARD})
        speaks = text("UPDATE quote SET speaker_id = :id, curated = TRUE WHERE article_id = :article")
        session.execute(speaks, {"id": speaker_id, "article": awkward})
        session.commit()
    shown = []
    for article_id in (seeded, awkward, empty):
        response = await client.get(f"/v1/articles/{article_id}/facts")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        expected = await bundle_from_other_endpoints(client, article_id)
        assert response.content == expected.model_dump_json().encode()
        shown.append(expected)
    seed, awkward_facts, empty_facts = shown
    assert all(getattr(seed, kind) for kind in ArticleFacts.model_fields if kind != "article")
    assert AWKWARD in awkward_facts.speakers[0].aliases and awkward_facts.quotes[0].curated
    for kind in ("quotes", "pledges", "dates"):
        facts = getattr(awkward_facts, kind)
        assert [fact.start for fact in facts] == sorted(fact.start for fact in facts)
        assert [fact.id for fact in facts] != sorted(fact.id for fact in facts), kind
    assert not any(getattr(empty_facts, kind) for kind in ArticleFacts.model_fields if kind != "article")


async def test_the_facts_of_a_missing_article_are_not_found(client: httpx.AsyncClient, seeded: int) -> None:
    response = await client.get(f"/v1/articles/{seeded + 1000}/facts")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
