"""The golden test: what the API serves for the seed equals data/seed's hand-checked facts."""

import json

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.models import Article, Quote
from app.services.seed import SEED_DIR, seed

pytestmark = pytest.mark.anyio

CURATED = json.loads((SEED_DIR / "facts.json").read_text(encoding="utf-8"))
TEXT = (SEED_DIR / "article.txt").read_text(encoding="utf-8")


def test_seed_article_is_the_shared_original() -> None:
    assert len(TEXT) == 2612
    assert TEXT.startswith("أكد وزير الخارجية الأمريكي أنتوني بلينكن")


async def test_facts_bundle_equals_curated_facts(client: httpx.AsyncClient, seeded: int) -> None:
    bundle = (await client.get(f"/v1/articles/{seeded}/facts")).json()
    facts = CURATED["facts"]

    assert bundle["article"]["text"] == TEXT
    assert bundle["article"]["published_on"] == "2024-09-30"
    assert bundle["article"]["language"] == "ar"

    [speaker] = bundle["speakers"]
    [curated_speaker] = facts["speakers"]
    assert {k: speaker[k] for k in ("name", "name_en", "title", "organization", "kind")} == {
        k: curated_speaker[k] for k in ("name", "name_en", "title", "organization", "kind")
    }
    assert set(speaker["aliases"]) == set(curated_speaker["aliases"])

    quote_fields = ("speaker", "kind", "verb", "text", "gloss_en", "start", "end")
    assert [{k: q[k] for k in quote_fields} for q in bundle["quotes"]] == [
        {k: q[k] for k in quote_fields} for q in facts["quotes"]
    ]
    pledge_fields = ("donor", "amount", "currency", "purpose", "recipient", "status", "start", "end")
    assert [{k: p[k] for k in pledge_fields} for p in bundle["pledges"]] == [
        {k: p[k] for k in pledge_fields} for p in facts["pledges"]
    ]
    date_fields = ("expression", "value", "end_value", "grain", "relative", "event", "start", "end")
    assert sorted(({k: d[k] for k in date_fields} for d in bundle["dates"]), key=lambda d: d["start"]) == sorted(
        ({k: d[k] for k in date_fields} for d in facts["dates"]), key=lambda d: d["start"]
    )
    for kind in ("organizations", "places"):
        served = {e["name"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in bundle[kind]}
        curated = {e["name"]: [(m["start"], m["end"]) for m in e["mentions"]] for e in facts[kind]}
        assert served == curated


async def test_seed_counts(client: httpx.AsyncClient, seeded: int) -> None:
    bundle = (await client.get(f"/v1/articles/{seeded}/facts")).json()
    assert len(bundle["quotes"]) == 11
    assert sorted(p["amount"] for p in bundle["pledges"]) == [148_000_000, 168_000_000, 535_000_000]
    assert {p["amount"]: p["status"] for p in bundle["pledges"]}[535_000_000] == "previously_announced"
    assert {d["expression"] for d in bundle["dates"]} == {
        "اليوم الاثنين",
        "قبل 10 سنوات",
        "عام 2017",
        "عقب عامين",
        "السنوات الخمس الماضية",
        "الأسبوع الماضي",
        "2014",
        "سبتمبر 2025",
    }


async def test_every_span_round_trips(client: httpx.AsyncClient, seeded: int) -> None:
    bundle = (await client.get(f"/v1/articles/{seeded}/facts")).json()
    text = bundle["article"]["text"]
    for quote in bundle["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    for pledge in bundle["pledges"]:
        assert text[pledge["start"] : pledge["end"]] == pledge["evidence"]
    for mention in bundle["dates"]:
        assert text[mention["start"] : mention["end"]] == mention["expression"]
    for entity in bundle["organizations"] + bundle["places"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_seed_is_idempotent(application: FastAPI, seeded: int) -> None:
    database = application.state.database
    with database.session(write=True) as session:
        again = seed(session)
        session.commit()
    assert again.created is False
    assert again.article.id == seeded
    with database.session() as session:
        assert session.execute(select(func.count()).select_from(Article)).scalar_one() == 1
        assert session.execute(select(func.count()).select_from(Quote)).scalar_one() == 11
