"""Speakers: people and bodies quoted in the articles."""

from functools import partial
from typing import Annotated

from fastapi import Request, Response

from app.api.deps import read
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import id_path, resource_router
from app.errors import problem_responses
from app.schemas.filters import SpeakerFilters
from app.schemas.page import Page
from app.schemas.speaker import SpeakerPublic
from app.services import queries

router = resource_router("/speakers", "speakers")


@router.get(
    "", summary="List speakers", responses={**problem_responses(400, 406, 422), **export_responses()}
)
async def list_speakers(
    request: Request, response: Response, filters: Annotated[SpeakerFilters, query(SpeakerFilters)]
) -> Page[SpeakerPublic]:
    """Speakers with their aliases; `name` matches a name as written, in English, or an alias."""
    listing = partial(queries.list_speakers, filters=filters)
    return await respond(request, response, listing, filters, SpeakerPublic)


@router.get("/{speaker_id:int}", summary="Get a speaker", responses=problem_responses(404, 422))
async def get_speaker(request: Request, speaker_id: Annotated[int, id_path(1)]) -> SpeakerPublic:
    """One speaker with every alias they go by."""
    return await read(request, queries.get_speaker, speaker_id)
