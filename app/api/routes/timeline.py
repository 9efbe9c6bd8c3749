"""The timeline: every resolved date, in chronological order."""

from functools import partial
from typing import Annotated

from fastapi import Request, Response

from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import resource_router
from app.errors import problem_responses
from app.schemas.date_mention import TimelineEntry
from app.schemas.filters import TimelineFilters
from app.schemas.page import Page
from app.services import queries

router = resource_router("/timeline", "timeline")


@router.get("", summary="Timeline", responses={**problem_responses(400, 406, 422), **export_responses()})
async def get_timeline(
    request: Request, response: Response, filters: Annotated[TimelineFilters, query(TimelineFilters)]
) -> Page[TimelineEntry]:
    """Every resolved date by the first day it covers, its grain and range kept, with its article."""
    listing = partial(queries.timeline, filters=filters)
    return await respond(request, response, listing, filters, TimelineEntry)
