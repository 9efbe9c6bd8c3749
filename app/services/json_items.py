"""Items and lists written as JSON by the database itself.

A page of 50 quotes spent about a fifth of its time in Python making the rows into models and the
models into JSON (`bench.inprocess --profile`). The database can write each row as the very bytes
pydantic writes for its model, for the types the two write alike: integers, null, strings (escaped
alike for every code point) and booleans. SQLite writes a row with json_object (booleans, stored as 0
or 1, are made true or false), PostgreSQL with row_to_json, the one of its JSON functions that writes
without spaces and keeps the fields in order; a list field is a JSON array the database writes too
(json_array: group_concat over ordered rows on SQLite, string_agg on PostgreSQL). A model with a field
of any other type, an alias or a serializer of its own keeps the Python path. The page's own fields
(the cursor, the count) are added around the items as pydantic would write them (app.api.paging); an
article's facts (app.services.bundle) and the pledge summary are arrays of such items side by side.
On SQLite the driver hands the JSON over as bytes (`handed_over`)."""

from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from pydantic import BaseModel
from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    Join,
    LargeBinary,
    ScalarSelect,
    Select,
    String,
    Text,
    case,
    cast,
    func,
    literal_column,
    null,
    select,
    true,
)

if TYPE_CHECKING:
    from app.services.pagination import Ordering

ITEM = "item"


def _constant(value: str) -> ColumnElement[str]:
    """A string written into the SQL rather than bound: a statement with a key for every field of
    several models would otherwise bind a hundred parameters on every execution."""
    return literal_column("'" + value.replace("'", "''") + "'", String)


def handed_over(text: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """JSON the database writes, as its driver is to hand it over: on SQLite its UTF-8 bytes (CAST AS
    BLOB), of which the answer is made as they are. Read as text, they were decoded only to be
    encoded again: 13% of the instructions of a request for a page of 50 pledges. As text elsewhere,
    where the driver's bytes would come hex-encoded."""
    return cast(text, LargeBinary) if dialect == "sqlite" else text


def utf8(text: str | bytes) -> bytes:
    """JSON text as bytes, whichever way the driver handed it over (`handed_over`)."""
    return text if isinstance(text, bytes) else text.encode()


def json_list(items: Sequence[str | bytes]) -> bytes:
    """The JSON array of these items, each given as its JSON text."""
    if items and isinstance(items[0], str):
        return ("[" + ",".join(items) + "]").encode()  # type: ignore[arg-type]
    return b"[" + b",".join(items) + b"]"  # type: ignore[arg-type]


def json_object(members: Mapping[str, str | bytes]) -> bytes:
    """The JSON object of these members, each given as its JSON text, in order and without spaces, as
    pydantic writes a model: a page around its items, an article's facts, the pledge summary."""
    pairs = (b'"' + name.encode() + b'":' + utf8(text) for name, text in members.items())
    return b"{" + b",".join(pairs) + b"}"


def _kind(annotation: Any) -> type | None:
    """int, str or bool, for an annotation of one of them, or of one of them or None; list, for a list
    of strings or of a model written alike."""
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        nested = isinstance(item, type) and issubclass(item, BaseModel) and written_alike(item)
        return list if item is str or nested else None
    union = get_origin(annotation) in (Union, UnionType)
    kinds = [kind for kind in (get_args(annotation) if union else (annotation,)) if kind is not NoneType]
    return kinds[0] if len(kinds) == 1 and kinds[0] in (int, str, bool) else None


@lru_cache(maxsize=64)
def written_alike(model: type[BaseModel]) -> bool:
    """Whether the database writes the JSON of `model` as pydantic does: for a model written field by
    field under the fields' own names, each of a type the two write alike."""
    decorators = model.__pydantic_decorators__
    if model.model_computed_fields or decorators.field_serializers or decorators.model_serializers:
        return False
    return all(
        _kind(field.annotation) is not None
        and not (field.alias or field.serialization_alias or field.exclude)
        for field in model.model_fields.values()
    )


def _member(value: Any, annotation: Any, dialect: str) -> Any:
    """A field's value as the dialect writes it into an object: on SQLite, booleans (stored as 0 or 1)
    made true or false; a list, the text of a JSON array (json_array), marked as JSON so that it is
    not written as a string."""
    kind = _kind(annotation)
    if kind is list:
        return func.json(value) if dialect == "sqlite" else cast(value, JSON)
    if kind is bool and dialect == "sqlite":
        yes, no = func.json(_constant("true")), func.json(_constant("false"))
        return case((value.is_(None), null()), (value, yes), else_=no)
    return value


def _sqlite_object(columns: Any, model: type[BaseModel]) -> ColumnElement[Any]:
    """Each row as the JSON of `model`, from the columns named after its fields."""
    pairs: list[Any] = []
    for name, field in model.model_fields.items():
        pairs += [_constant(name), _member(columns[name], field.annotation, "sqlite")]
    return func.json_object(*pairs)


def _fields(columns: Any, model: type[BaseModel], dialect: str) -> list[Any]:
    """The columns named after the fields of `model`, in its order, as the dialect writes them."""
    return [
        _member(columns[name], field.annotation, dialect).label(name)
        for name, field in model.model_fields.items()
    ]


@lru_cache(maxsize=1024)
def items_as_json(
    statement: Select[Any], ordering: "Ordering", model: type[BaseModel], dialect: str
) -> Select[Any]:
    """`statement` reading each row as its item's JSON (`item`), first, and its sort values after
    it, in order, for a model `written_alike`."""
    keys = [key.column for key in ordering.keys]
    if dialect == "sqlite":
        item = handed_over(_sqlite_object(statement.selected_columns, model), dialect)
    else:
        # The fields, in order, as a row of their own beside each row of the statement.
        fields = select(*_fields(statement.selected_columns, model, dialect))
        row = fields.correlate(*statement.get_final_froms()).lateral(ITEM)
        statement = statement.join(row, true())
        item = cast(func.row_to_json(row.table_valued()), Text)
    return statement.with_only_columns(item.label(ITEM), *keys, maintain_column_froms=True)


def _in_every_row(table: Any, source: Any) -> bool:
    """Whether every row of `source` (a FROM) has a row of `table`: not on the optional side of an
    outer join."""
    if isinstance(source, Join):
        if source.full:
            return False
        return _in_every_row(table, source.left) or (
            not source.isouter and _in_every_row(table, source.right)
        )
    return source.is_derived_from(table)


def _ascending(column: Any, rows: Select[Any]) -> Any:
    """`column` ascending, nulls last. A NOT NULL column of a table every row has is ordered plainly:
    SQLite reads an index in order for `ORDER BY start` but sorts for `ORDER BY start NULLS LAST`."""
    never_null = isinstance(column, Column) and not column.nullable
    if never_null and any(_in_every_row(column.table, source) for source in rows.get_final_froms()):
        return column.asc()
    return column.asc().nulls_last()


def json_array(
    rows: Select[Any], order: Sequence[str], dialect: str, model: type[BaseModel] | None = None
) -> ScalarSelect[str]:
    """The text of a JSON array of the rows of `rows`, in the order of its columns named `order`
    (ascending, nulls last): each row written as the JSON of `model` (`written_alike`), from the
    columns named after its fields, or, with no model, as the value of its one column. `[]` for no
    rows. A list field's column is itself a json_array; the rows may refer to the row of an
    enclosing statement (`Select.correlate`)."""
    if dialect == "sqlite":
        # No ORDER BY inside an aggregate before SQLite 3.44; it aggregates the rows of an ordered
        # subquery in their order, as it never flattens an ORDER BY into an aggregate.
        by = [_ascending(rows.selected_columns[key], rows) for key in order]
        ordered = rows.order_by(*by).subquery()
        item = _sqlite_object(ordered.c, model) if model else func.json_quote(next(iter(ordered.c)))
        joined = func.group_concat(item, _constant(","))
    else:
        source = rows.subquery()
        if model is None:
            item, keys = cast(func.to_json(next(iter(source.c))), Text), source.c
        else:
            fields = select(*_fields(source.c, model, dialect)).subquery()
            item, keys = cast(func.row_to_json(fields.table_valued()), Text), fields.c
        by = [keys[key].asc().nulls_last() for key in order]
        joined = func.string_agg(item, _constant(",")).aggregate_order_by(*by)
    return select(_constant("[") + func.coalesce(joined, _constant("")) + _constant("]")).scalar_subquery()
