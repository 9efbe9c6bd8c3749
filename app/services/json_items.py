"""List items written as JSON by the database itself.

A page of 50 quotes spent about a fifth of its time in Python making the rows into models and the
models into JSON (`bench.inprocess --profile`). The database can write each row as the very bytes
pydantic writes for its model, for the types the two write alike: integers, null, strings (escaped
alike for every code point) and booleans. SQLite writes a row with json_object (booleans, stored as 0
or 1, are made true or false), PostgreSQL with row_to_json, the one of its JSON functions that writes
without spaces and keeps the fields in order. A model with a field of any other type, an alias or a
serializer of its own keeps the Python path. The page's own fields (the cursor, the count) are added
around the items as pydantic would write them (app.api.paging)."""

from functools import lru_cache
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from pydantic import BaseModel
from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
)

if TYPE_CHECKING:
    from app.services.pagination import Ordering

ITEM = "item"


def _kind(annotation: Any) -> type | None:
    """int, str or bool, for an annotation of one of them, or of one of them or None."""
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


def _sqlite_object(statement: Select[Any], model: type[BaseModel]) -> ColumnElement[Any]:
    """Each row of `statement` as the JSON of `model`, from the columns named after its fields."""
    columns = statement.selected_columns
    pairs: list[Any] = []
    for name, field in model.model_fields.items():
        value: Any = columns[name]
        if _kind(field.annotation) is bool:
            value = case((value.is_(None), null()), (value, func.json("true")), else_=func.json("false"))
        pairs += [literal(name), value]
    return func.json_object(*pairs)


@lru_cache(maxsize=1024)
def items_as_json(
    statement: Select[Any], ordering: "Ordering", model: type[BaseModel], dialect: str
) -> Select[Any]:
    """`statement` reading each row as its item's JSON (`item`) and its sort values alone, for a
    model `written_alike`."""
    keys = [key.column for key in ordering.keys]
    if dialect == "sqlite":
        item = _sqlite_object(statement, model)
    else:
        # The fields, in order, as a row of their own beside each row of the statement.
        columns = statement.selected_columns
        fields = select(*(columns[name].label(name) for name in model.model_fields))
        row = fields.correlate(*statement.get_final_froms()).lateral(ITEM)
        statement = statement.join(row, true())
        item = cast(func.row_to_json(literal_column(ITEM)), Text)
    return statement.with_only_columns(item.label(ITEM), *keys, maintain_column_froms=True)
