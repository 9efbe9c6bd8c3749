"""Search across quotes, pledges and articles, ranked, with the matched passage."""

from typing import Annotated

from fastapi import Request, Response

from app.api.deps import read_scanning
from app.api.paging import next_link
from app.api.params import query
from app.api.routing import resource_router
from app.errors import problem_responses
from app.schemas.filters import SearchFilters
from app.schemas.page import Page
from app.schemas.search import SearchHit
from app.services import search as search_service

router = resource_router("/search", "search")


@router.get("", summary="Search", responses=problem_responses(400, 422))
async def search(
    request: Request, response: Response, filters: Annotated[SearchFilters, query(SearchFilters)]
) -> Page[SearchHit]:
    """Quotes, pledges and articles matching every word of `q`, best first, with the matched passage.
    Of a word found almost everywhere, the most recently stored matches of each kind are ranked."""
    items, cursor = await read_scanning(request, search_service.search, filters)
    if cursor is not None:
        response.headers["Link"] = next_link(request, cursor)
    return Page[SearchHit](items=items, next_cursor=cursor, total=None)
