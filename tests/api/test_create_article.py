"""POST /v1/articles: store, extract, answer; the same text once; bad input loses nothing."""

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from app.models import Article, Pledge, Quote
from app.settings import Settings

pytestmark = pytest.mark.anyio

ENGLISH = (
    "Foreign Minister Kari Nordmann said on Monday that Norway will provide $25 million "
    "in humanitarian aid to Sudan."
)
ARABIC = "أعلنت وزيرة الخارجية أمس أن بلادها ستقدم 25 مليون دولار لدعم اللاجئين في السودان."


@pytest.fixture(autouse=True)
def _writer_key(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    client.headers.update(auth)


def counts(application: FastAPI) -> tuple[int, int, int]:
    with application.state.database.session() as session:
        return tuple(  # type: ignore[return-value]
            session.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Article, Quote, Pledge)
        )


async def test_create_then_same_text_again(client: httpx.AsyncClient, application: FastAPI) -> None:
    body = {"text": ENGLISH, "published_on": "2025-03-04", "title": "Aid for Sudan"}
    created = await client.post("/v1/articles", json=body)
    assert created.status_code == 201, created.text
    facts = created.json()
    article = facts["article"]
    assert created.headers["location"].endswith(f"/v1/articles/{article['id']}")
    assert (article["language"], article["title"], article["text"]) == ("en", "Aid for Sudan", ENGLISH)
    assert [(p["amount"], p["currency"]) for p in facts["pledges"]] == [(25_000_000, "USD")]
    for pledge in facts["pledges"]:
        assert ENGLISH[pledge["start"] : pledge["end"]] == pledge["evidence"]
    for quote in facts["quotes"]:
        assert ENGLISH[quote["start"] : quote["end"]] == quote["text"]
    before = counts(application)

    again = await client.post("/v1/articles", json=body)
    assert again.status_code == 200
    assert again.json()["article"]["id"] == article["id"]
    assert counts(application) == before
    assert (await client.get(f"/v1/articles/{article['id']}/facts")).json() == facts


async def test_a_relative_date_before_year_one_is_stored_unresolved(client: httpx.AsyncClient) -> None:
    body = {"text": "وقال الوزير أمس إن الاجتماع انتهى.", "published_on": "0001-01-01"}
    response = await client.post("/v1/articles", json=body)
    assert response.status_code == 201, response.text
    assert [(d["expression"], d["value"]) for d in response.json()["dates"]] == [("أمس", None)]


async def test_language_is_detected(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", json={"text": ARABIC, "published_on": "2025-03-04"})
    assert response.status_code == 201, response.text
    facts = response.json()
    assert facts["article"]["language"] == "ar"
    assert [p["amount"] for p in facts["pledges"]] == [25_000_000]
    [yesterday] = [d for d in facts["dates"] if d["expression"] == "أمس"]
    assert yesterday["value"] == "2025-03-03"


def assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["detail"]
    return body


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"text": ""}, 422),
        ({"text": "   \n\t "}, 422),
        ({"text": ENGLISH, "language": "fr"}, 422),
        ({"text": "这是一篇关于天气的文章。"}, 422),
        ({"text": "Bad\x00byte"}, 422),
        ({"text": ENGLISH, "published_on": "2025-02-30"}, 422),
        ({"text": ENGLISH, "published_on": 0}, 422),
        ({"text": ENGLISH, "published_on": 1740000000}, 422),
        ({"text": ENGLISH, "colour": "blue"}, 422),
        ({"title": "no text"}, 422),
        (["not", "an", "object"], 422),
    ],
)
async def test_invalid_articles_are_rejected(
    client: httpx.AsyncClient, application: FastAPI, payload: object, status: int
) -> None:
    body = assert_problem(await client.post("/v1/articles", json=payload), status)
    assert body.get("errors") or "language" in str(body["detail"])
    assert counts(application) == (0, 0, 0)


async def test_lone_surrogate_is_422(client: httpx.AsyncClient, application: FastAPI) -> None:
    raw = b'{"text": "broken \\ud800 text"}'
    response = await client.post("/v1/articles", content=raw, headers={"content-type": "application/json"})
    assert_problem(response, 422)
    assert counts(application) == (0, 0, 0)


async def test_not_json_is_400(client: httpx.AsyncClient, application: FastAPI) -> None:
    response = await client.post(
        "/v1/articles", content=b'{"text": "unclosed', headers={"content-type": "application/json"}
    )
    assert "not valid JSON" in str(assert_problem(response, 400)["detail"])
    assert counts(application) == (0, 0, 0)


async def test_invalid_utf8_is_400(client: httpx.AsyncClient, application: FastAPI) -> None:
    response = await client.post(
        "/v1/articles", content=b'{"text": "\xff\xfe"}', headers={"content-type": "application/json"}
    )
    assert "UTF-8" in str(assert_problem(response, 400)["detail"])
    assert counts(application) == (0, 0, 0)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
async def test_wrong_content_type_is_415(client: httpx.AsyncClient, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = await client.post("/v1/articles", content=b'{"text": "x"}', headers=headers)
    assert_problem(response, 415)


async def test_text_over_the_limit_is_413(
    settings: Settings, application: FastAPI, auth: dict[str, str]
) -> None:
    settings.max_body_bytes = 1000
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://facts.test", headers=auth) as client:
        too_long = await client.post("/v1/articles", json={"text": "word " * 201})
        assert "limit is 1000" in str(assert_problem(too_long, 413)["detail"])
        huge = await client.post("/v1/articles", json={"text": "x" * 200_000})
        assert_problem(huge, 413)
        fits = await client.post("/v1/articles", json={"text": ENGLISH})
        assert fits.status_code == 201
    assert counts(application)[0] == 1


async def test_failure_mid_write_leaves_nothing(
    application: FastAPI, monkeypatch: pytest.MonkeyPatch, auth: dict[str, str]
) -> None:
    from app.services import ingest

    def fail(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest, "add_facts", fail)
    transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://facts.test", headers=auth) as client:
        response = await client.post("/v1/articles", json={"text": ENGLISH})
    assert_problem(response, 500)
    assert counts(application) == (0, 0, 0)
