"""Articles: list, get, and every fact of one article."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import ArticleDep, SessionDep
from app.api.formats import export_responses
from app.api.paging import respond
from app.errors import problem_responses
from app.schemas.article import ArticleDetail, ArticlePublic
from app.schemas.bundle import ArticleFacts
from app.schemas.filters import ArticleFilters
from app.schemas.page import Page
from app.services import queries

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get(
    "", summary="List articles", responses={**problem_responses(400, 406, 422), **export_responses()}
)
def list_articles(
    request: Request, response: Response, session: SessionDep, filters: Annotated[ArticleFilters, Query()]
) -> Page[ArticlePublic]:
    """Articles without their text; filter by language, date or full-text `q`; sort by date."""
    listing = queries.list_articles(session, filters)
    return respond(request, response, session, listing, filters, ArticlePublic)


@router.get("/{article_id}", summary="Get an article", responses=problem_responses(404, 422))
def get_article(article: ArticleDep) -> ArticleDetail:
    """One article with its verbatim text, which every fact's offsets index into."""
    return queries.article_detail(article)


@router.get(
    "/{article_id}/facts", summary="Get all facts of an article", responses=problem_responses(404, 422)
)
def get_article_facts(article: ArticleDep, session: SessionDep) -> ArticleFacts:
    """The article with its speakers, quotes, pledges, dates, organizations and places."""
    return queries.article_facts(session, article)
