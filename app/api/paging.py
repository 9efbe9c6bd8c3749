"""Answer a list request: a page with its Link header, a linked-data page, or a streamed export."""

from typing import Any, TypeVar

from fastapi import Request, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.api import formats
from app.api.deps import run_read
from app.api.formats import LinkedData
from app.schemas.filters import ListParams
from app.schemas.page import Page
from app.services import queries
from app.services.queries import Listing

T = TypeVar("T", bound=BaseModel)


async def respond(
    request: Request,
    response: Response,
    session: Session,
    listing: Listing[T],
    params: ListParams,
    model: type[T],
    linked_data: LinkedData | None = None,
) -> Any:
    offered = formats.LIST_FORMATS + (("jsonld",) if linked_data is not None else ())
    chosen = formats.negotiate(request, params.format, offered)
    if chosen in ("csv", "ndjson"):
        return formats.export_response(request.app.state.database, listing, params, model, chosen)
    page = await run_read(session, queries.page, session, listing, params)
    headers: dict[str, str] = {}
    if page.next_cursor is not None:
        next_url = request.url.include_query_params(cursor=page.next_cursor)
        headers["Link"] = f'<{next_url}>; rel="next"'
    if chosen == "jsonld":
        assert linked_data is not None
        node = formats.linked_data_list(page.items, linked_data, formats.base_url(request))
        return formats.linked_data_response(node, headers)
    response.headers.update(headers)
    return Page[model](items=page.items, next_cursor=page.next_cursor, total=page.total)  # type: ignore[valid-type]
