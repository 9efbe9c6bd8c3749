"""Pledges: money committed by donors, with the amount's evidence span, and their totals."""

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import Query, Request, Response

from app.api import formats
from app.api.deps import read, read_scanning
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import id_path, resource_router
from app.errors import problem_responses
from app.schemas.filters import PledgeFilters, PledgeSummaryFilters
from app.schemas.page import Page
from app.schemas.pledge import PledgePublic, PledgeSummary
from app.services import queries

router = resource_router("/pledges", "pledges")
LINKED_DATA = {200: {"content": {"application/ld+json": {}}}}


@router.get(
    "",
    summary="List pledges",
    responses={**problem_responses(400, 406, 422), **export_responses(linked_data=True)},
)
async def list_pledges(
    request: Request, response: Response, filters: Annotated[PledgeFilters, query(PledgeFilters)]
) -> Page[PledgePublic]:
    """Pledges, filtered by donor, currency, amount range, status, speaker, article and `q`."""
    listing = partial(queries.list_pledges, filters=filters)
    return await respond(request, response, listing, filters, PledgePublic, formats.pledge_ld)


@router.get(
    "/summary", summary="Summarize pledges", response_model=PledgeSummary, responses=problem_responses(422)
)
async def summarize_pledges(
    request: Request, filters: Annotated[PledgeSummaryFilters, query(PledgeSummaryFilters)]
) -> Response:
    """Totals and counts by currency, donor, status and year; amounts are never added across currencies."""
    # Without the rollup, aggregating reads every matching pledge.
    reading = read if queries.rolled_up(filters) else read_scanning
    return Response(await reading(request, queries.summarize_pledges, filters), media_type="application/json")


@router.get(
    "/{pledge_id:int}",
    summary="Get a pledge",
    response_model=PledgePublic,
    responses={**problem_responses(404, 406, 422), **LINKED_DATA},
)
async def get_pledge(
    request: Request,
    pledge_id: Annotated[int, id_path(1)],
    format: Annotated[Literal["json", "jsonld"] | None, Query(description="json or jsonld.")] = None,
) -> Any:
    """One pledge, its `evidence` being text[start:end]; as JSON-LD a schema.org MonetaryGrant."""
    pledge = await read(request, queries.get_pledge, pledge_id)
    if formats.negotiate(request, format, ("json", "jsonld")) == "jsonld":
        return formats.linked_data_response(formats.pledge_ld(pledge, formats.base_url(request)))
    return pledge
