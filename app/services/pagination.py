"""Keyset (cursor) pagination: as fast on page 1,000 as on page 1, stable under ties.

A cursor names its ordering and the sort values of the last row shown; a cursor made under another
ordering is refused. A nullable first sort key is read in two index-friendly segments, the rows that
have a value and then those that do not, so NULLs come last in either direction on every backend.

The statements of a page hold bound parameters, never values: each is built once per listing,
ordering and kind of cursor, and then only executed, with the values of the request.
"""

import base64
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

import orjson
from pydantic import BaseModel
from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Integer,
    Select,
    Table,
    and_,
    bindparam,
    func,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.visitors import replacement_traverse

from app.db import fetch
from app.errors import BadRequest
from app.services import json_items

INVALID_CURSOR = "The cursor is not valid; pass back a next_cursor as given."


@dataclass(frozen=True)
class SortKey:
    """One ORDER BY term; the last key of every ordering must be unique (the primary key)."""

    column: Any
    descending: bool = False
    nullable: bool = False

    @cached_property
    def python_type(self) -> type:
        """The type of the key's values. Looked up through an ORM attribute it cost a cursor's
        decoding more than the decoding itself, so it is looked up once."""
        return self.column.type.python_type


# Compared and hashed by identity: each ordering is made once, and its columns' == builds SQL.
@dataclass(frozen=True, eq=False)
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
    raw = orjson.dumps({"sort": ordering.name, "after": plain})
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
    python_type = key.python_type
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


def _after_value(index: int, key: SortKey) -> Any:
    """The bound parameter for the cursor's value of sort key `index`."""
    return bindparam(f"after_{index}", type_=key.column.type)


def after(keys: Sequence[SortKey], first: int = 0) -> ColumnElement[bool]:
    """Rows strictly after the cursor's values for `keys` (numbered from `first`), none NULL."""
    bound = [_after_value(first + index, key) for index, key in enumerate(keys)]
    if len({key.descending for key in keys}) == 1:
        # A row-value comparison lets SQLite and PostgreSQL seek straight into the index.
        columns = tuple_(*(key.column for key in keys))
        return columns < tuple_(*bound) if keys[0].descending else columns > tuple_(*bound)
    # Mixed directions: (a > x) OR (a = x AND b < y) ...
    terms = []
    for index, key in enumerate(keys):
        equal = [keys[i].column == bound[i] for i in range(index)]
        beyond = key.column < bound[index] if key.descending else key.column > bound[index]
        terms.append(and_(*equal, beyond))
    return or_(*terms)


def _ordered(statement: Select[Any], keys: Sequence[SortKey]) -> Select[Any]:
    return statement.order_by(*(key.column.desc() if key.descending else key.column.asc() for key in keys))


PAGE_LIMIT = bindparam("page_limit", type_=Integer)


def segments(
    statement: Select[Any], ordering: Ordering, cursor: str | None
) -> tuple[list[Select[Any]], dict[str, Any]]:
    """The ordered statements whose rows, read one after the other, are the rows after `cursor`,
    and the values of the cursor to execute them with."""
    values = decode_cursor(cursor, ordering) if cursor is not None else None
    # What the statements depend on: no cursor, a cursor after a value, or one after a NULL.
    seen = "none" if values is None else "null" if values[0] is None else "value"
    bound = {} if values is None else {f"after_{i}": value for i, value in enumerate(values)}
    return _segments(statement, ordering, seen), bound


@lru_cache(maxsize=1024)
def _segments(statement: Select[Any], ordering: Ordering, seen: str) -> list[Select[Any]]:
    keys = ordering.keys
    first = keys[0]
    if not first.nullable:
        if seen != "none":
            statement = statement.where(after(keys))
        return [_ordered(statement, keys)]
    parts = []
    if seen != "null":
        with_value = statement.where(first.column.is_not(None))
        if seen == "value":
            with_value = with_value.where(after(keys))
        parts.append(_ordered(with_value, keys))
    without_value = statement.where(first.column.is_(None))
    if seen == "null":
        without_value = without_value.where(after(keys[1:], first=1))
    parts.append(_ordered(without_value, keys[1:]))
    return parts


@lru_cache(maxsize=1024)
def _limited(part: Select[Any]) -> Select[Any]:
    return part.limit(PAGE_LIMIT)


def _primary_key(ordering: Ordering) -> Column[Any] | None:
    """The ordering's last key, if it is its table's primary key (unique); None for a key of a
    subquery (ranked search hits)."""
    key = ordering.keys[-1].column
    if hasattr(key, "__clause_element__"):  # an ORM attribute: its column
        key = key.__clause_element__()
    return key if isinstance(key, Column) and key.primary_key and isinstance(key.table, Table) else None


@lru_cache(maxsize=1024)
def page_statement(part: Select[Any], ordering: Ordering) -> Select[Any]:
    """`part`, limited to a page, as a deferred join: the page's ids are found first, then only
    their rows are read. Where no index yields the order (an amount range sorted by id), the
    sort then reads the index alone rather than every matching row. The ordering's last key is
    its table's primary key, unique; a page of a subquery (ranked search hits) is left as it is."""
    key = _primary_key(ordering)
    if key is None:
        return _limited(part)
    ids = part.with_only_columns(key).limit(PAGE_LIMIT)
    return _rows_of(part, ordering, key, ids)


def _rows_of(part: Select[Any], ordering: Ordering, key: Column[Any], ids: Any) -> Select[Any]:
    # The rows of those ids are read by primary key alone. The filters chose the ids already; kept
    # here too, they lead SQLite to look each id up in the filter's index before the table. The
    # froms are the statement's own: a listing joins only to-one tables, so an id is one row.
    rows = select(*part.selected_columns).select_from(*part.get_final_froms()).where(key.in_(ids))
    return _ordered(rows, ordering.keys)


def _renamed(statement: Select[Any], name: str, new: str) -> Select[Any]:
    """`statement` with its bound parameter `name` renamed `new`."""

    def rename(element: Any, **_: Any) -> Any:
        if isinstance(element, BindParameter) and element.key == name:
            return bindparam(new, type_=element.type)
        return None

    return replacement_traverse(statement, {}, rename)


@lru_cache(maxsize=1024)
def merged_page_statement(part: Select[Any], ordering: Ordering, name: str, count: int) -> Select[Any]:
    """A page of `part` for each of `count` values of its parameter `name` (bound as `name_0`,
    `name_1` ...), merged: each value's first ids come through its own index, in order, and only
    the page's rows are read. With one `IN` list instead, SQLite sorts every matching row of every
    value for each page. The ordering must end in its table's primary key."""
    key = _primary_key(ordering)
    if key is None:
        raise ValueError(f"a merged page needs an ordering by a primary key, not {ordering.name}")
    firsts = [
        _renamed(part, name, f"{name}_{index}").with_only_columns(key).limit(PAGE_LIMIT).subquery()
        for index in range(count)
    ]
    ids = union_all(*(select(*first.c) for first in firsts))
    return _rows_of(part, ordering, key, ids).limit(PAGE_LIMIT)


def page_reads(
    statement: Select[Any],
    ordering: Ordering,
    cursor: str | None,
    any_of: tuple[str, Sequence[Any]] | None = None,
) -> tuple[list[Select[Any]], dict[str, Any]]:
    """The statements a page after `cursor` reads, one after the other, each limited to the rows the
    page still needs (`page_limit`); and the values of the cursor, and of `any_of`, to bind."""
    parts, bound = segments(statement, ordering, cursor)
    if any_of is None:
        return [page_statement(part, ordering) for part in parts], bound
    name, values = any_of
    bound.update({f"{name}_{index}": value for index, value in enumerate(values)})
    return [merged_page_statement(part, ordering, name, len(values)) for part in parts], bound


def fetch_page(
    connection: Connection,
    statement: Select[Any],
    ordering: Ordering,
    cursor: str | None,
    limit: int,
    params: Mapping[str, Any],
    as_json: type[BaseModel] | None = None,
    any_of: tuple[str, Sequence[Any]] | None = None,
) -> tuple[list[Any], str | None]:
    """Up to `limit` rows after `cursor`, and the cursor of the page after them (None at the end).
    `params` are the values of the statement's own parameters. With `as_json`, a model the database
    writes as pydantic does (app.services.json_items), each row is its item's JSON and sort values.
    With `any_of` (a parameter's name and several values), the rows for any of the values, read by
    `merged_page_statement`."""
    rows: list[Any] = []
    reads, bound = page_reads(statement, ordering, cursor, any_of)
    for read in reads:
        wanted = {**params, **bound, "page_limit": limit + 1 - len(rows)}
        if as_json is not None:
            read = json_items.items_as_json(read, ordering, as_json, connection.dialect.name)
        # JSON items come as plain tuples, the item and then its sort values: a named tuple a row cost
        # 4% of a page's instructions.
        rows += fetch(connection, read, wanted, named=as_json is None)
        if len(rows) > limit:
            break
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    values = last[1:] if as_json is not None else sort_values(last, ordering)
    return rows[:limit], encode_cursor(ordering, values)


def stream_rows(
    connection: Connection,
    statement: Select[Any],
    ordering: Ordering,
    cursor: str | None,
    limit: int | None,
    params: Mapping[str, Any],
    *,
    chunk_size: int,
) -> Iterator[Sequence[Any]]:
    """Every row after `cursor` (at most `limit`), in chunks read from a server-side cursor, so that
    memory stays bounded however many rows there are."""
    left = limit
    parts, bound = segments(statement, ordering, cursor)
    for part in parts:
        wanted = {**params, **bound}
        if left is not None:
            part = _limited(part)
            wanted["page_limit"] = left
        result = connection.execute(part.execution_options(yield_per=chunk_size), wanted)
        for chunk in result.partitions():
            if left is not None:
                left -= len(chunk)
            yield chunk
        if left == 0:
            return


def count(connection: Connection, statement: Select[Any], params: Mapping[str, Any]) -> int:
    """How many rows the filtered statement has, whatever the page."""
    return fetch(connection, _counting(statement), params)[0][0]


@lru_cache(maxsize=1024)
def _counting(statement: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(statement.order_by(None).subquery())


def sort_values(row: Any, ordering: Ordering) -> list[Any]:
    return [getattr(row, key.column.key) for key in ordering.keys]
