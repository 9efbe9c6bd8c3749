"""Keyset (cursor) pagination: as fast on page 1,000 as on page 1, stable under ties."""

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, literal, or_, tuple_

from app.errors import BadRequest


@dataclass(frozen=True)
class SortKey:
    """One ORDER BY term; the last key of every ordering must be unique (the primary key)."""

    column: Any
    descending: bool = False


def encode_cursor(values: Sequence[Any]) -> str:
    plain = [value.isoformat() if isinstance(value, date) else value for value in values]
    raw = json.dumps(plain, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, keys: Sequence[SortKey]) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except ValueError as exc:
        raise BadRequest("The cursor is not valid; pass back a next_cursor as given.") from exc
    if not isinstance(values, list) or len(values) != len(keys):
        raise BadRequest("The cursor does not fit this listing's sort order.")
    return [_typed(value, key) for value, key in zip(values, keys, strict=True)]


def _typed(value: Any, key: SortKey) -> Any:
    python_type = key.column.type.python_type
    try:
        if value is None or isinstance(value, python_type):
            return value
        if python_type is date and isinstance(value, str):
            return date.fromisoformat(value)
    except (ValueError, NotImplementedError) as exc:
        raise BadRequest("The cursor is not valid; pass back a next_cursor as given.") from exc
    raise BadRequest("The cursor is not valid; pass back a next_cursor as given.")


def after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the ordering."""
    if len({key.descending for key in keys}) == 1:
        # A row-value comparison lets SQLite and PostgreSQL seek straight into the index.
        columns = tuple_(*(key.column for key in keys))
        bound = tuple_(*(literal(value, key.column.type) for value, key in zip(values, keys, strict=True)))
        return columns < bound if keys[0].descending else columns > bound
    # Mixed directions: (a > x) OR (a = x AND b < y) ...
    terms = []
    for index, key in enumerate(keys):
        equal = [keys[i].column == values[i] for i in range(index)]
        beyond = key.column < values[index] if key.descending else key.column > values[index]
        terms.append(and_(*equal, beyond))
    return or_(*terms)


def page_query(
    statement: Select[Any], keys: Sequence[SortKey], cursor: str | None, limit: int
) -> Select[Any]:
    if cursor is not None:
        statement = statement.where(after(keys, decode_cursor(cursor, keys)))
    order = [key.column.desc() if key.descending else key.column.asc() for key in keys]
    return statement.order_by(*order).limit(limit + 1)


def next_cursor(rows: Sequence[Any], keys: Sequence[SortKey], limit: int) -> str | None:
    """The cursor after the last row shown, when one more row than `limit` came back."""
    if len(rows) <= limit:
        return None
    last = rows[limit - 1]
    return encode_cursor([getattr(last, key.column.key) for key in keys])
