"""Quotes: direct and reported speech with their evidence spans."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.deps import SessionDep
from app.api.paging import paged
from app.errors import problem_responses
from app.schemas.filters import QuoteFilters
from app.schemas.page import Page
from app.schemas.quote import QuotePublic
from app.services import queries

router = APIRouter(prefix="/quotes", tags=["quotes"])


@router.get("", summary="List quotes", responses=problem_responses(400, 422))
def list_quotes(
    request: Request, response: Response, session: SessionDep, filters: Annotated[QuoteFilters, Query()]
) -> Page[QuotePublic]:
    """Quotes, filtered by speaker (id, name or alias), kind and article."""
    return paged(request, response, queries.list_quotes(session, filters))


@router.get("/{quote_id}", summary="Get a quote", responses=problem_responses(404, 422))
def get_quote(quote_id: Annotated[int, Path(examples=[10])], session: SessionDep) -> QuotePublic:
    """One quote; `start`/`end` index its text in the article."""
    return queries.get_quote(session, quote_id)
