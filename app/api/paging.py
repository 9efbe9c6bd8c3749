"""Answer a list request: a page with its Link header, a linked-data page, or a streamed export."""

import json
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote

from fastapi import Request, Response
from pydantic import BaseModel
from sqlalchemy import Connection

from app.api import formats
from app.api.deps import read, read_scanning
from app.api.formats import LinkedData
from app.schemas.filters import ListParams
from app.schemas.page import Page
from app.services import json_items, queries
from app.services.queries import Listing, PageOf

T = TypeVar("T", bound=BaseModel)


def next_link(request: Request, cursor: str) -> str:
    """`Link: <this URL with cursor=...>; rel="next"`. The other parameters stay as the client
    wrote them, so the query string is edited rather than decoded and encoded again."""
    url = str(request.url)
    base, _, query = url.partition("?")
    kept = [pair for pair in query.split("&") if pair and pair.partition("=")[0] != "cursor"]
    kept.append("cursor=" + quote(cursor, safe=""))
    return f'<{base}?{"&".join(kept)}>; rel="next"'


def page_json(found: PageOf[str | bytes]) -> bytes:
    """A page whose items are their JSON already, as pydantic writes a `Page`."""
    return json_items.json_object(
        {
            "items": json_items.json_list(found.items),
            "next_cursor": json.dumps(found.next_cursor),
            "total": json.dumps(found.total),
        }
    )


def checked_export(
    connection: Connection, listing: Callable[[Connection], Listing[T]], params: ListParams
) -> Listing[T]:
    """The listing of an export, whose first row has been read: an export answers 200 before it
    reads its rows, so a damaged cursor or an out-of-range value is met here, while it can still be
    answered 400 or 422, rather than in the middle of the stream."""
    built = listing(connection)
    next(queries.export(connection, built, params.model_copy(update={"limit": 1})), None)
    return built


async def respond(
    request: Request,
    response: Response,
    listing: Callable[[Connection], Listing[T]],
    params: ListParams,
    model: type[T],
    linked_data: LinkedData | None = None,
) -> Any:
    """`listing` builds the query on the connection that then reads the page."""
    offered = formats.LIST_FORMATS + (("jsonld",) if linked_data is not None else ())
    chosen = formats.negotiate(request, params.format, offered)
    if chosen in ("csv", "ndjson"):
        built = await read(request, checked_export, listing, params)
        return formats.export_response(request.app.state.database, built, params, model, chosen)

    def page(connection: Connection) -> PageOf[Any]:
        return queries.page(connection, listing(connection), params, json=chosen == "json")

    # A count, or a full-text filter, reads every matching row, however small the page.
    scanning = params.count or getattr(params, "q", None) is not None
    found = await (read_scanning if scanning else read)(request, page)
    headers: dict[str, str] = {}
    if found.next_cursor is not None:
        headers["Link"] = next_link(request, found.next_cursor)
    if chosen == "jsonld":
        assert linked_data is not None
        node = formats.linked_data_list(found.items, linked_data, formats.base_url(request))
        return formats.linked_data_response(node, headers)
    if found.json:
        return Response(page_json(found), media_type="application/json", headers=headers)
    response.headers.update(headers)
    return Page[model](items=found.items, next_cursor=found.next_cursor, total=found.total)  # type: ignore[valid-type]
