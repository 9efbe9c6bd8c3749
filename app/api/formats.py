"""Response formats: content negotiation, streamed CSV and NDJSON exports, schema.org JSON-LD."""

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import orjson
from fastapi import Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel

from app.db import Database
from app.errors import NotAcceptable, Unprocessable
from app.schemas.pledge import PledgePublic
from app.schemas.quote import QuotePublic
from app.services import queries
from app.services.queries import Listing

T = TypeVar("T", bound=BaseModel)

MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
    "jsonld": "application/ld+json",
}
ACCEPTED = {
    "application/json": "json",
    "text/csv": "csv",
    "application/x-ndjson": "ndjson",
    "application/ndjson": "ndjson",
    "application/ld+json": "jsonld",
}
WILDCARDS = {"*/*": "json", "application/*": "json", "text/*": "csv"}
LIST_FORMATS = ("json", "csv", "ndjson")
SCHEMA_ORG = "https://schema.org"
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_responses(
    *, linked_data: bool = False, example: Any = None
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI: the other representations a list answers with (and its JSON example, if given)."""
    content: dict[str, Any] = {"text/csv": {}, "application/x-ndjson": {}}
    if example is not None:
        content["application/json"] = {"example": example}
    if linked_data:
        content["application/ld+json"] = {}
    return {200: {"content": content}}


def negotiate(request: Request, explicit: str | None, offered: tuple[str, ...]) -> str:
    """`format=` wins; otherwise the Accept header's most preferred format we offer; JSON by default.

    Accept naming only types we cannot serve (and no wildcard) is 406."""
    if explicit is not None:
        if explicit not in offered:
            raise Unprocessable(
                f"format={explicit} is not offered here; choose one of {', '.join(offered)}.",
                errors=[{"loc": ["query", "format"], "msg": "format not offered", "type": "enum"}],
            )
        return explicit
    header = request.headers.get("accept", "").strip()
    if not header:
        return "json"
    best: tuple[float, str] | None = None
    for part in header.split(","):
        media, *parameters = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        media = media.lower()
        chosen = ACCEPTED.get(media) or WILDCARDS.get(media)
        if chosen is None or chosen not in offered or weight <= 0:
            continue
        if best is None or weight > best[0]:
            best = (weight, chosen)
    if best is None:
        raise NotAcceptable(
            "None of the media types in Accept is offered here; this resource answers "
            + ", ".join(MEDIA_TYPES[name].split(";")[0] for name in offered)
            + "."
        )
    return best[1]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    elif isinstance(value, dict):
        # A history's before and after: JSON, as the JSON answer has them.
        value = orjson.dumps(value).decode()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        # Quoted, so that opening an export never runs what an article's text says.
        return "'" + value
    return value


def _csv_lines(model: type[BaseModel], batches: Iterator[list[Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(list(model.model_fields))
    yield buffer.getvalue()
    for batch in batches:
        buffer.seek(0)
        buffer.truncate()
        for item in batch:
            writer.writerow([_cell(value) for value in item.model_dump(mode="json").values()])
        yield buffer.getvalue()


def _ndjson_lines(batches: Iterator[list[Any]]) -> Iterator[bytes]:
    for batch in batches:
        yield b"".join(orjson.dumps(item.model_dump(mode="json")) + b"\n" for item in batch)


def export_response(
    database: Database, listing: Listing[T], params: Any, model: type[T], chosen: str
) -> StreamingResponse:
    """Stream the listing as CSV or NDJSON from its own connection, one batch of rows at a time."""

    def batches() -> Iterator[list[Any]]:
        with database.reading() as connection:
            yield from queries.export(connection, listing, params)

    body = _csv_lines(model, batches()) if chosen == "csv" else _ndjson_lines(batches())
    return StreamingResponse(body, media_type=MEDIA_TYPES[chosen])


# JSON-LD (schema.org)


def quote_ld(quote: QuotePublic, base: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Quotation",
        "@id": f"{base}/v1/quotes/{quote.id}",
        "text": quote.text,
        "isPartOf": {"@type": "NewsArticle", "@id": f"{base}/v1/articles/{quote.article_id}"},
    }
    if quote.speaker is not None:
        node["spokenByCharacter"] = {"@type": "Person", "name": quote.speaker}
    if quote.gloss_en is not None:
        node["description"] = quote.gloss_en
    return node


def pledge_ld(pledge: PledgePublic, base: str) -> dict[str, Any]:
    amount: dict[str, Any] = {"@type": "MonetaryAmount", "value": pledge.amount}
    if pledge.currency is not None:
        amount["currency"] = pledge.currency
    node: dict[str, Any] = {
        "@type": "MonetaryGrant",
        "@id": f"{base}/v1/pledges/{pledge.id}",
        "amount": amount,
        "subjectOf": {"@type": "NewsArticle", "@id": f"{base}/v1/articles/{pledge.article_id}"},
    }
    if pledge.donor is not None:
        node["funder"] = {"@type": "Organization", "name": pledge.donor}
    if pledge.recipient is not None:
        node["fundedItem"] = {"@type": "Thing", "name": pledge.recipient}
    if pledge.purpose is not None:
        node["description"] = pledge.purpose
    return node


LinkedData = Callable[[Any, str], dict[str, Any]]


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def linked_data_response(node: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"@context": SCHEMA_ORG, **node}, media_type=MEDIA_TYPES["jsonld"], headers=headers)


def linked_data_list(items: list[Any], to_node: LinkedData, base: str) -> dict[str, Any]:
    return {
        "@type": "ItemList",
        "numberOfItems": len(items),
        "itemListElement": [to_node(item, base) for item in items],
    }
