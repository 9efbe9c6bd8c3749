import httpx
import pytest
from fastapi import FastAPI

from tests.factories import AWKWARD, add_article

pytestmark = pytest.mark.anyio


async def test_list_articles(client: httpx.AsyncClient, seeded: int) -> None:
    response = await client.get("/v1/articles")
    assert response.status_code == 200
    [article] = response.json()["items"]
    assert article["id"] == seeded
    assert article["text_length"] == 2612
    assert "text" not in article
    assert response.json()["next_cursor"] is None


async def test_list_articles_filters(client: httpx.AsyncClient, seeded: int) -> None:
    assert len((await client.get("/v1/articles?language=ar")).json()["items"]) == 1
    assert (await client.get("/v1/articles?language=en")).json()["items"] == []
    assert len((await client.get("/v1/articles?published_from=2024-09-30")).json()["items"]) == 1
    assert (await client.get("/v1/articles?published_to=2024-09-29")).json()["items"] == []


async def test_get_article(client: httpx.AsyncClient, seeded: int) -> None:
    article = (await client.get(f"/v1/articles/{seeded}")).json()
    assert article["text"].startswith("أكد وزير الخارجية")
    assert len(article["content_hash"]) == 64


async def test_text_length_counts_code_points_in_the_list_and_the_article(
    application: FastAPI, client: httpx.AsyncClient
) -> None:
    text = f"نصٌّ {AWKWARD}"  # marks, control characters and a character outside the BMP
    article_id = add_article(application, text)
    [listed] = (await client.get("/v1/articles")).json()["items"]
    detail = (await client.get(f"/v1/articles/{article_id}")).json()
    facts = (await client.get(f"/v1/articles/{article_id}/facts")).json()
    assert listed["text_length"] == detail["text_length"] == facts["article"]["text_length"] == len(text)


async def test_arabic_is_utf8_not_escaped(client: httpx.AsyncClient, seeded: int) -> None:
    response = await client.get(f"/v1/articles/{seeded}")
    assert "أكد".encode() in response.content
    assert b"\\u" not in response.content
