"""Quotes: direct and reported speech with their evidence spans."""

from functools import partial
from typing import Annotated, Any, Literal

from fastapi import Query, Request, Response

from app.api import formats
from app.api.deps import read
from app.api.formats import export_responses
from app.api.paging import respond
from app.api.params import query
from app.api.routing import id_path, resource_router
from app.errors import problem_responses
from app.schemas.filters import QuoteFilters
from app.schemas.page import Page
from app.schemas.quote import QuotePublic
from app.services import queries

router = resource_router("/quotes", "quotes")
LINKED_DATA = {200: {"content": {"application/ld+json": {}}}}


@router.get(
    "",
    summary="List quotes",
    responses={**problem_responses(400, 406, 422), **export_responses(linked_data=True)},
)
async def list_quotes(
    request: Request, response: Response, filters: Annotated[QuoteFilters, query(QuoteFilters)]
) -> Page[QuotePublic]:
    """Quotes, filtered by speaker (id, name or alias), kind, article and full-text `q`."""
    listing = partial(queries.list_quotes, filters=filters)
    return await respond(request, response, listing, filters, QuotePublic, formats.quote_ld)


@router.get(
    "/{quote_id:int}",
    summary="Get a quote",
    response_model=QuotePublic,
    responses={**problem_responses(404, 406, 422), **LINKED_DATA},
)
async def get_quote(
    request: Request,
    quote_id: Annotated[int, id_path(10)],
    format: Annotated[Literal["json", "jsonld"] | None, Query(description="json or jsonld.")] = None,
) -> Any:
    """One quote; `start`/`end` index its text in the article. As JSON-LD, a schema.org Quotation."""
    quote = await read(request, queries.get_quote, quote_id)
    if formats.negotiate(request, format, ("json", "jsonld")) == "jsonld":
        return formats.linked_data_response(formats.quote_ld(quote, formats.base_url(request)))
    return quote
