"""Articles: list, get, and every fact of one article."""

from typing import Annotated

from fastapi import Depends, Query, Request, Response

from app.api.body import read_json, request_body_schema
from app.api.deps import ArticleDep, SessionDep, SettingsDep, WriteSessionDep, run_read
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.security import WriteAccess
from app.api.routing import resource_router
from app.errors import PayloadTooLarge, problem_responses
from app.schemas.article import ArticleCreate, ArticleDetail, ArticlePublic
from app.schemas.bundle import ArticleFacts
from app.schemas.filters import ArticleFilters
from app.schemas.page import Page
from app.services import queries
from app.services.ingest import ArticleIn, extract_and_store, resolve_language

router = resource_router("/articles", "articles")


@router.get(
    "", summary="List articles", responses={**problem_responses(400, 406, 422), **export_responses()}
)
async def list_articles(
    request: Request, response: Response, session: SessionDep, filters: Annotated[ArticleFilters, Query()]
) -> Page[ArticlePublic]:
    """Articles without their text; filter by language, date or full-text `q`; sort by date."""
    listing = await run_read(session, queries.list_articles, session, filters)
    return await respond(request, response, session, listing, filters, ArticlePublic)


@router.get("/{article_id}", summary="Get an article", responses=problem_responses(404, 422))
async def get_article(article: ArticleDep) -> ArticleDetail:
    """One article with its verbatim text, which every fact's offsets index into."""
    return queries.article_detail(article)


@router.get(
    "/{article_id}/facts", summary="Get all facts of an article", responses=problem_responses(404, 422)
)
async def get_article_facts(article: ArticleDep, session: SessionDep) -> ArticleFacts:
    """The article with its speakers, quotes, pledges, dates, organizations and places."""
    return await run_read(session, queries.article_facts, session, article)


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
    responses={
        200: {"model": ArticleFacts, "description": "The same text was already stored; it is returned unchanged."},
        **problem_responses(400, 401, 403, 413, 415, 422, 429),
    },
    openapi_extra=request_body_schema(ArticleCreate),
)
def create_article(
    request: Request,
    response: Response,
    caller: WriteAccess,
    session: WriteSessionDep,
    article: Annotated[ArticleCreate, Depends(article_body)],
) -> ArticleFacts:
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
    if not stored.created:
        response.status_code = 200
    response.headers["Location"] = str(request.url_for("get_article", article_id=stored.article.id))
    return queries.article_facts(session, stored.article)
