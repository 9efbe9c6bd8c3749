"""The envelope every list answers with."""

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


def page_example(item: dict[str, Any]) -> dict[str, Any]:
    return {"items": [item], "next_cursor": None, "total": None}


def example_response(example: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI `responses=` entry showing one example of a JSON body."""
    return {"content": {"application/json": {"example": example}}}


def _page_examples(schema: dict[str, Any], page: type[BaseModel]) -> None:
    """Page[QuotePublic] is exemplified by the example of QuotePublic, wrapped in the envelope."""
    args = page.__pydantic_generic_metadata__["args"]
    extra = args[0].model_config.get("json_schema_extra") if args else None
    if isinstance(extra, dict) and extra.get("examples"):
        schema["examples"] = [page_example(example) for example in extra["examples"]]


class Page(BaseModel, Generic[T], json_schema_extra=_page_examples):
    items: list[T]
    next_cursor: str | None = Field(
        description="Opaque cursor for the next page; null on the last page. "
        "Pass it back as `cursor` with the same filters."
    )
    total: int | None = Field(
        description="Number of matching rows across all pages with count=true; null otherwise."
    )
