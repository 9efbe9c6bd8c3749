"""Dates: every date expression, resolved to ISO 8601 at its grain."""

from functools import partial
from typing import Annotated

from fastapi import Request, Response

from app.api.deps import read
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import id_path, resource_router
from app.errors import problem_responses
from app.schemas.date_mention import DatePublic
from app.schemas.filters import DateFilters
from app.schemas.page import Page
from app.services import queries

router = resource_router("/dates", "dates")


@router.get(
    "", summary="List dates", responses={**problem_responses(400, 406, 422), **export_responses()}
)
async def list_dates(
    request: Request, response: Response, filters: Annotated[DateFilters, query(DateFilters)]
) -> Page[DatePublic]:
    """Date mentions whose period overlaps `from`..`to`, filtered by grain and article."""
    listing = partial(queries.list_dates, filters=filters)
    return await respond(request, response, listing, filters, DatePublic)


@router.get("/{date_id:int}", summary="Get a date", responses=problem_responses(404, 422))
async def get_date(request: Request, date_id: Annotated[int, id_path(8)]) -> DatePublic:
    """One date mention."""
    return await read(request, queries.get_date, date_id)
