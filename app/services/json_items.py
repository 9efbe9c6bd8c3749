"""List items written as JSON by SQLite itself.

A page of 50 quotes spent about a fifth of its time in Python making the rows into models and the
models into JSON (`bench.inprocess --profile`). SQLite's json_object writes a row as the very bytes
pydantic writes for its model, for the types the two write alike: integers, null, strings (escaped
alike for every code point) and booleans (stored as 0 or 1, written here as true or false). A model
with a field of any other type, an alias or a serializer of its own keeps the Python path, and so
does PostgreSQL, whose json_build_object spaces its output. The page's own fields (the cursor, the
count) are added around the items as pydantic would write them (app.api.paging)."""

from functools import lru_cache
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, case, func, literal, null

if TYPE_CHECKING:
    from app.services.pagination import Ordering

ITEM = "item"


def _kind(annotation: Any) -> type | None:
    """int, str or bool, for an annotation of one of them, or of one of them or None."""
    union = get_origin(annotation) in (Union, UnionType)
    kinds = [kind for kind in (get_args(annotation) if union else (annotation,)) if kind is not NoneType]
    return kinds[0] if len(kinds) == 1 and kinds[0] in (int, str, bool) else None


@lru_cache(maxsize=64)
def written_alike(dialect: str, model: type[BaseModel]) -> bool:
    """Whether the database writes the JSON of `model` as pydantic does: on SQLite, for a model
    written field by field under the fields' own names, each of a type the two write alike."""
    decorators = model.__pydantic_decorators__
    if dialect != "sqlite" or model.model_computed_fields or decorators.field_serializers:
        return False
    return not decorators.model_serializers and all(
        _kind(field.annotation) is not None
        and not (field.alias or field.serialization_alias or field.exclude)
        for field in model.model_fields.values()
    )


def _item_json(statement: Select[Any], model: type[BaseModel]) -> ColumnElement[Any]:
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
def items_as_json(statement: Select[Any], ordering: "Ordering", model: type[BaseModel]) -> Select[Any]:
    """`statement` reading each row as its item's JSON (`item`) and its sort values alone, for a
    model `written_alike`."""
    keys = [key.column for key in ordering.keys]
    item = _item_json(statement, model).label(ITEM)
    return statement.with_only_columns(item, *keys, maintain_column_froms=True)
