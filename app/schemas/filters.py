"""Query parameters of the list endpoints: paging plus the filters of each resource."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_LIMIT = 500


class ListParams(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")
    cursor: str | None = Field(None, description="`next_cursor` from the previous page.")


class ArticleFilters(ListParams):
    language: Literal["ar", "en"] | None = None
    published_from: date | None = Field(
        None, description="Published on or after (YYYY-MM-DD).", examples=["2024-09-01"]
    )
    published_to: date | None = Field(
        None, description="Published on or before (YYYY-MM-DD).", examples=["2024-09-30"]
    )


class SpeakerFilters(ListParams):
    name: str | None = Field(None, description="Exact name, English name or alias.", examples=["بلينكن"])
    kind: Literal["person", "organization", "group"] | None = None


class QuoteFilters(ListParams):
    article_id: int | None = None
    speaker_id: int | None = None
    speaker: str | None = Field(
        None, description="Speaker's name, English name or alias.", examples=["Blinken"]
    )
    kind: Literal["direct", "indirect"] | None = None


class PledgeFilters(ListParams):
    article_id: int | None = None
    speaker_id: int | None = None
    donor: str | None = Field(
        None, description="Donor, exactly as stored.", examples=["United States"]
    )
    currency: str | None = Field(
        None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code.", examples=["USD"]
    )
    min_amount: int | None = Field(
        None, ge=0, description="Smallest amount, inclusive.", examples=[100000000]
    )
    max_amount: int | None = Field(
        None, ge=0, description="Largest amount, inclusive.", examples=[200000000]
    )
    status: Literal["new", "previously_announced"] | None = None

    @model_validator(mode="after")
    def _amount_range(self) -> "PledgeFilters":
        if self.min_amount is not None and self.max_amount is not None:
            if self.min_amount > self.max_amount:
                raise ValueError("min_amount must not exceed max_amount")
        return self


class DateFilters(ListParams):
    article_id: int | None = None
    from_: date | None = Field(
        None,
        alias="from",
        description="Dates whose period ends on or after this day (YYYY-MM-DD).",
        examples=["2019-01-01"],
    )
    to: date | None = Field(
        None, description="Dates whose period starts on or before this day.", examples=["2019-12-31"]
    )
    grain: Literal["day", "week", "month", "year", "range"] | None = None
    relative: bool | None = None


class EntityFilters(ListParams):
    name: str | None = Field(None, description="Exact English or Arabic name.")
    kind: str | None = None
    article_id: int | None = Field(
        None, description="Only those mentioned in this article.", examples=[1]
    )
