"""Full-text search: Arabic spelling variants, clitics, English stems, ranking, snippets, index sync."""

from datetime import date

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, select

from app.models import Article, Quote
from tests.factories import add_article

pytestmark = pytest.mark.anyio

ARABIC = (
    "أكّد الوزيرُ أنّ الولايات المتحدة ستقدّم ١٤٨ مليون دولار لتعزيز الأمن الحدودي في آسيا. "
    "وقال إنّ المُستشفى في المدينة سيُفتح للإغاثة الإنسانية. "
    "وأضاف أن الحكومة ستواصل جهودها لمكافحة الإرهــاب."
)
QUOTES = [
    "الولايات المتحدة ستقدّم ١٤٨ مليون دولار لتعزيز الأمن الحدودي في آسيا",
    "المُستشفى في المدينة سيُفتح للإغاثة الإنسانية",
    "الحكومة ستواصل جهودها لمكافحة الإرهــاب",
]
ENGLISH = "The minister pledged new funding. Officials said the pledges would reach displaced families."


@pytest.fixture
def corpus(application: FastAPI) -> dict[str, int]:
    arabic = add_article(
        application,
        ARABIC,
        title="وزير يعلن دعماً",
        published_on=date(2024, 9, 30),
        quotes=QUOTES,
        pledges=[
            {
                "evidence": "١٤٨ مليون دولار",
                "amount": 148_000_000,
                "currency": "USD",
                "donor": "United States",
                "purpose": "border security in Asia",
            }
        ],
    )
    english = add_article(
        application,
        ENGLISH,
        language="en",
        title="Funding pledged",
        quotes=["The minister pledged new funding."],
    )
    return {"arabic": arabic, "english": english}


async def hits(client: httpx.AsyncClient, q: str, **params: str) -> list[dict[str, object]]:
    response = await client.get("/v1/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


@pytest.mark.parametrize(
    "query",
    [
        "الإرهاب",  # written with tatweel and hamza in the text
        "الارهاب",
        "إرهاب",
        "مستشفي",  # alef maqsura as yaa, no diacritics
        "المستشفى",
        "المدينه",  # taa marbuta as haa
        "اسيا",  # آ as plain alef
        "148",  # Arabic-Indic digits in the text
        "١٤٨",
        "ولايات",  # the article and clitics peeled
        "وبالولايات",
        "للإغاثة",
        "الإغاثة",
        "حكومة",
        "الأمْن",  # a diacritic in the query
    ],
)
async def test_arabic_spelling_variants_match(
    client: httpx.AsyncClient, corpus: dict[str, int], query: str
) -> None:
    found = await hits(client, query, kind="quote")
    assert found, query
    assert all(hit["article_id"] == corpus["arabic"] for hit in found)


async def test_every_word_must_match(client: httpx.AsyncClient, corpus: dict[str, int]) -> None:
    assert len(await hits(client, "الحكومة الإرهاب", kind="quote")) == 1
    assert await hits(client, "الحكومة بغداد", kind="quote") == []


async def test_english_is_stemmed(client: httpx.AsyncClient, corpus: dict[str, int]) -> None:
    found = await hits(client, "pledging", kind="article")
    assert [hit["id"] for hit in found] == [corpus["english"]]
    assert "<mark>pledged</mark>" in found[0]["snippet"]["text"]


async def test_search_spans_kinds_ranked_with_snippets(
    client: httpx.AsyncClient, corpus: dict[str, int]
) -> None:
    found = await hits(client, "مليون")
    assert {hit["kind"] for hit in found} == {"quote", "pledge", "article"}
    scores = [hit["score"] for hit in found]
    assert scores == sorted(scores, reverse=True)
    for hit in found:
        snippet = hit["snippet"]
        assert "<mark>مليون</mark>" in snippet["text"]
        assert hit["url"] == f"/v1/{hit['kind']}s/{hit['id']}"
    article = next(hit for hit in found if hit["kind"] == "article")
    snippet = article["snippet"]
    assert snippet["field"] == "text"
    plain = snippet["text"].replace("<mark>", "").replace("</mark>", "")
    assert ARABIC[snippet["start"] : snippet["end"]] == plain


async def test_more_matches_rank_higher(client: httpx.AsyncClient, application: FastAPI) -> None:
    once = add_article(
        application, "تقرير عن الطقس في المدينة اليوم وغدا وبعد غد ثم الأسبوع المقبل", quotes=[]
    )
    often = add_article(application, "المدينة والمدينة وفي المدينة حديث المدينة", quotes=[])
    found = await hits(client, "مدينة", kind="article")
    assert [hit["id"] for hit in found] == [often, once]


async def test_search_pages_with_cursor(client: httpx.AsyncClient, corpus: dict[str, int]) -> None:
    everything = await hits(client, "مليون")
    first = (await client.get("/v1/search", params={"q": "مليون", "limit": 2})).json()
    rest = (
        await client.get("/v1/search", params={"q": "مليون", "limit": 2, "cursor": first["next_cursor"]})
    ).json()
    assert [(h["kind"], h["id"]) for h in first["items"] + rest["items"]] == [
        (h["kind"], h["id"]) for h in everything
    ]
    assert rest["next_cursor"] is None


async def test_search_filters_by_article(client: httpx.AsyncClient, corpus: dict[str, int]) -> None:
    found = await hits(client, "minister", article_id=str(corpus["english"]))
    assert {(hit["kind"], hit["article_id"]) for hit in found} == {
        ("quote", corpus["english"]),
        ("article", corpus["english"]),
    }
    assert await hits(client, "minister", article_id=str(corpus["arabic"])) == []


async def test_q_filters_quotes_articles_and_pledges(
    client: httpx.AsyncClient, corpus: dict[str, int]
) -> None:
    quotes = (await client.get("/v1/quotes", params={"q": "الاغاثه"})).json()["items"]
    assert [q["text"] for q in quotes] == [QUOTES[1]]
    articles = (await client.get("/v1/articles", params={"q": "pledge"})).json()["items"]
    assert [a["id"] for a in articles] == [corpus["english"]]
    pledges = (await client.get("/v1/pledges", params={"q": "security"})).json()["items"]
    assert [p["amount"] for p in pledges] == [148_000_000]


@pytest.mark.parametrize("query", ["!!!", "،؟"])
async def test_query_without_words_is_422(client: httpx.AsyncClient, query: str) -> None:
    for path in ("/v1/search", "/v1/quotes"):
        response = await client.get(path, params={"q": query})
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"


async def test_missing_or_empty_q_is_422(client: httpx.AsyncClient) -> None:
    for params in ({}, {"q": ""}, {"q": "x" * 501}):
        assert (await client.get("/v1/search", params=params)).status_code == 422


async def test_index_follows_updates_and_deletes(
    client: httpx.AsyncClient, application: FastAPI, corpus: dict[str, int]
) -> None:
    with application.state.database.session(write=True) as session:
        quote = session.execute(select(Quote).where(Quote.text == QUOTES[2])).scalar_one()
        quote.gloss_en = "The government will keep fighting terrorism."
        session.commit()
    assert [hit["id"] for hit in await hits(client, "terrorism", kind="quote")] == [quote.id]

    with application.state.database.session(write=True) as session:
        session.execute(delete(Article).where(Article.id == corpus["arabic"]))
        session.commit()
    assert await hits(client, "الإرهاب") == []
    assert await hits(client, "terrorism") == []


async def test_arabic_is_sent_as_utf8(client: httpx.AsyncClient, corpus: dict[str, int]) -> None:
    response = await client.get("/v1/quotes", params={"q": "الحكومة"})
    assert "الحكومة".encode() in response.content
    assert b"\\u06" not in response.content


async def test_search_refuses_list_only_parameters(client: httpx.AsyncClient) -> None:
    for extra in ({"format": "csv"}, {"count": "true"}):
        response = await client.get("/v1/search", params={"q": "word", **extra})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["query", next(iter(extra))]


async def test_a_common_word_ranks_only_its_newest_matches(
    client: httpx.AsyncClient, application: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking stops at the newest matches of each kind; within one article every match counts."""
    monkeypatch.setattr("app.services.search.RANKED_MATCHES", 2)
    first = add_article(
        application, "needle one. needle needle needle.", language="en",
        quotes=["needle one", "needle needle needle"],
    )
    add_article(
        application, "needle two. needle three.", language="en", quotes=["needle two", "needle three"]
    )
    search = {"q": "needle", "kind": "quote"}
    newest = (await client.get("/v1/search", params=search)).json()["items"]
    assert sorted(hit["id"] for hit in newest) == [3, 4]
    within = (await client.get("/v1/search", params={**search, "article_id": first})).json()["items"]
    assert sorted(hit["id"] for hit in within) == [1, 2]
