"""Keyset (cursor) pagination: as fast on page 1,000 as on page 1, stable under ties.

A cursor names its ordering and the sort values of the last row shown; a cursor made under another
ordering is refused. A nullable first sort key is read in two index-friendly segments, the rows that
have a value and then those that do not, so NULLs come last in either direction on every backend.
"""

import base64
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, literal, or_, select, tuple_

from app.errors import BadRequest

INVALID_CURSOR = "The cursor is not valid; pass back a next_cursor as given."


@dataclass(frozen=True)
class SortKey:
    """One ORDER BY term; the last key of every ordering must be unique (the primary key)."""

    column: Any
    descending: bool = False
    nullable: bool = False


@dataclass(frozen=True)
class Ordering:
    """A named ordering, as written in `?sort=`, e.g. "-amount" = amount descending, then id."""

    name: str
    keys: tuple[SortKey, ...]


def by(name: str, *keys: SortKey) -> Ordering:
    if keys[1:] and any(key.nullable for key in keys[1:]):
        raise ValueError("only the first sort key may be nullable")
    return Ordering(name, keys)


def encode_cursor(ordering: Ordering, values: Sequence[Any]) -> str:
    plain = [value.isoformat() if isinstance(value, date) else value for value in values]
    raw = json.dumps({"sort": ordering.name, "after": plain}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, ordering: Ordering) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except ValueError as exc:
        raise BadRequest(INVALID_CURSOR) from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("after"), list):
        raise BadRequest(INVALID_CURSOR)
    if payload.get("sort") != ordering.name:
        raise BadRequest(
            f"The cursor was made for sort={payload.get('sort')!s}, not sort={ordering.name}; "
            "pass the same sort with its cursor."
        )
    values = payload["after"]
    if len(values) != len(ordering.keys):
        raise BadRequest(INVALID_CURSOR)
    return [_typed(value, key) for value, key in zip(values, ordering.keys, strict=True)]


def _typed(value: Any, key: SortKey) -> Any:
    if value is None:
        if key.nullable:
            return None
        raise BadRequest(INVALID_CURSOR)
    python_type = key.column.type.python_type
    if python_type is float and isinstance(value, int):
        return float(value)
    if isinstance(value, python_type) and not (python_type is int and isinstance(value, bool)):
        return value
    if python_type is date and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise BadRequest(INVALID_CURSOR) from exc
    raise BadRequest(INVALID_CURSOR)


def after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the ordering (no value may be NULL here)."""
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


def _ordered(statement: Select[Any], keys: Sequence[SortKey]) -> Select[Any]:
    return statement.order_by(*(key.column.desc() if key.descending else key.column.asc() for key in keys))


def segments(statement: Select[Any], ordering: Ordering, cursor: str | None) -> list[Select[Any]]:
    """The ordered statements whose rows, read one after the other, are the rows after `cursor`."""
    keys = ordering.keys
    values = decode_cursor(cursor, ordering) if cursor is not None else None
    first = keys[0]
    if not first.nullable:
        if values is not None:
            statement = statement.where(after(keys, values))
        return [_ordered(statement, keys)]
    parts = []
    if values is None or values[0] is not None:
        with_value = statement.where(first.column.is_not(None))
        if values is not None:
            with_value = with_value.where(after(keys, values))
        parts.append(_ordered(with_value, keys))
    without_value = statement.where(first.column.is_(None))
    if values is not None and values[0] is None:
        without_value = without_value.where(after(keys[1:], values[1:]))
    parts.append(_ordered(without_value, keys[1:]))
    return parts


def fetch_page(
    connection: Connection,
    statement: Select[Any],
    ordering: Ordering,
    cursor: str | None,
    limit: int,
) -> tuple[list[Any], str | None]:
    """Up to `limit` rows after `cursor`, and the cursor of the page after them (None at the end)."""
    rows: list[Any] = []
    for part in segments(statement, ordering, cursor):
        result = connection.execute(part.limit(limit + 1 - len(rows)))
        rows += result.all()
        if len(rows) > limit:
            break
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], encode_cursor(ordering, sort_values(rows[limit - 1], ordering))


def stream_rows(
    connection: Connection,
    statement: Select[Any],
    ordering: Ordering,
    cursor: str | None,
    limit: int | None,
    *,
    chunk_size: int,
) -> Iterator[Sequence[Any]]:
    """Every row after `cursor` (at most `limit`), in chunks read from a server-side cursor, so that
    memory stays bounded however many rows there are."""
    left = limit
    for part in segments(statement, ordering, cursor):
        if left is not None:
            part = part.limit(left)
        result = connection.execute(part.execution_options(yield_per=chunk_size))
        for chunk in result.partitions():
            if left is not None:
                left -= len(chunk)
            yield chunk
        if left == 0:
            return


def count(connection: Connection, statement: Select[Any]) -> int:
    """How many rows the filtered statement has, whatever the page."""
    return connection.execute(select(func.count()).select_from(statement.order_by(None).subquery())).scalar_one()


def sort_values(row: Any, ordering: Ordering) -> list[Any]:
    return [getattr(row, key.column.key) for key in ordering.keys]
