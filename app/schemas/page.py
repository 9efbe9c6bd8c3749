"""The envelope every list answers with."""

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Opaque cursor for the next page; null on the last page. "
        "Pass it back as `cursor` with the same filters."
    )
    total: int | None = Field(
        default=None, description="Number of matching rows across all pages; only with count=true."
    )
