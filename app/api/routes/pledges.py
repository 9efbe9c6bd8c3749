"""Pledges: money committed by donors, with the amount's evidence span."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.deps import SessionDep
from app.api.paging import paged
from app.errors import problem_responses
from app.schemas.filters import PledgeFilters
from app.schemas.page import Page
from app.schemas.pledge import PledgePublic
from app.services import queries

router = APIRouter(prefix="/pledges", tags=["pledges"])


@router.get("", summary="List pledges", responses=problem_responses(400, 422))
def list_pledges(
    request: Request, response: Response, session: SessionDep, filters: Annotated[PledgeFilters, Query()]
) -> Page[PledgePublic]:
    """Pledges, filtered by donor, currency, amount range, status, speaker and article."""
    return paged(request, response, queries.list_pledges(session, filters))


@router.get("/{pledge_id}", summary="Get a pledge", responses=problem_responses(404, 422))
def get_pledge(pledge_id: Annotated[int, Path(examples=[1])], session: SessionDep) -> PledgePublic:
    """One pledge; `evidence` is the article's text between `start` and `end`."""
    return queries.get_pledge(session, pledge_id)
