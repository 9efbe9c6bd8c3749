"""Articles: list, get, and every fact of one article."""

from functools import partial
from typing import Annotated

from fastapi import Depends, Request, Response

from app.api.body import read_json, request_body_schema
from app.api.deps import SettingsDep, WriteSessionDep, read
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import id_path, resource_router
from app.api.security import WriteAccess
from app.db import Database
from app.errors import PayloadTooLarge, problem_responses
from app.schemas.article import ArticleCreate, ArticleDetail, ArticlePublic
from app.schemas.bundle import ArticleFacts
from app.schemas.filters import ArticleFilters
from app.schemas.page import Page
from app.services import bundle, queries
from app.services.ingest import ArticleIn, extract_and_store, resolve_language

router = resource_router("/articles", "articles")
ArticleId = Annotated[int, id_path(1)]


@router.get(
    "", summary="List articles", responses={**problem_responses(400, 406, 422), **export_responses()}
)
async def list_articles(
    request: Request, response: Response, filters: Annotated[ArticleFilters, query(ArticleFilters)]
) -> Page[ArticlePublic]:
    """Articles without their text; filter by language, date or full-text `q`; sort by date."""
    listing = partial(queries.list_articles, filters=filters)
    return await respond(request, response, listing, filters, ArticlePublic)


@router.get("/{article_id:int}", summary="Get an article", responses=problem_responses(404, 422))
async def get_article(request: Request, article_id: ArticleId) -> ArticleDetail:
    """One article with its verbatim text, which every fact's offsets index into."""
    return await read(request, queries.get_article, article_id)


@router.get(
    "/{article_id:int}/facts",
    summary="Get all facts of an article",
    response_model=ArticleFacts,
    responses=problem_responses(404, 422),
)
async def get_article_facts(request: Request, article_id: ArticleId) -> Response:
    """The article with its speakers, quotes, pledges, dates, organizations and places."""
    return Response(await read(request, bundle.article_facts, article_id), media_type="application/json")


async def article_body(request: Request, settings: SettingsDep) -> ArticleCreate:
    article = await read_json(request, ArticleCreate, settings.max_body_bytes)
    size = len(article.text.encode("utf-8"))
    if size > settings.max_body_bytes:
        raise PayloadTooLarge(f"The text is {size} bytes; the limit is {settings.max_body_bytes}.")
    return article


@router.post(
    "",
    summary="Add an article and extract its facts",
    status_code=201,
    response_model=ArticleFacts,
    responses={
        200: {"model": ArticleFacts, "description": "The same text was already stored; it is returned unchanged."},
        **problem_responses(400, 401, 403, 413, 415, 422, 429),
    },
    openapi_extra=request_body_schema(ArticleCreate),
)
def create_article(
    request: Request,
    caller: WriteAccess,
    session: WriteSessionDep,
    article: Annotated[ArticleCreate, Depends(article_body)],
) -> Response:
    """Store an article, extract its facts in the same transaction and answer with both.

    Posting the same text again answers 200 with the stored article and duplicates nothing."""
    article_in = ArticleIn(
        text=article.text,
        language=resolve_language(article.text, article.language),
        title=article.title,
        published_on=article.published_on,
        source_name=article.source_name,
        source_url=article.source_url,
    )
    stored = extract_and_store(session, article_in)
    session.commit()
    # Read back on the reader: on SQLite a statement on the writer would take its lock again.
    database: Database = request.app.state.database
    return Response(
        database.read(bundle.article_facts, stored.article.id),
        media_type="application/json",
        status_code=201 if stored.created else 200,
        headers={"Location": str(request.url_for("get_article", article_id=stored.article.id))},
    )
