"""Query parameters of the list endpoints: paging plus the filters of each resource."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.schemas.facts import PledgeStatus

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


Format = Literal["json", "csv", "ndjson"]
LinkedFormat = Literal["json", "csv", "ndjson", "jsonld"]
SEARCH_QUERY = Field(
    None,
    min_length=1,
    max_length=500,
    description="Full-text search: every word must match, whatever its Arabic spelling "
    "(diacritics, hamza and alef forms, taa marbuta, alef maqsura, digits, attached و ب ل ال); "
    "English words are stemmed.",
)


class PageParams(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    limit: int | None = Field(
        None,
        ge=1,
        le=MAX_LIMIT,
        description=f"Page size, 1 to {MAX_LIMIT} (default 50). With format=csv or ndjson the "
        "whole result is exported unless a limit is given.",
    )
    cursor: str | None = Field(None, description="`next_cursor` from the previous page.")

    @property
    def page_size(self) -> int:
        return self.limit or DEFAULT_LIMIT


class ListParams(PageParams):
    count: bool = Field(False, description="Add `total`, the number of matching rows (costs a scan).")
    format: Format | None = Field(None, description="json (default), csv or ndjson; overrides Accept.")


class LinkedListParams(ListParams):
    """A list that is also offered as schema.org JSON-LD."""

    format: LinkedFormat | None = Field(  # type: ignore[assignment]
        None, description="json (default), csv, ndjson or jsonld (schema.org); overrides Accept."
    )


class ArticleFilters(ListParams):
    sort: Literal["id", "-id", "published_on", "-published_on"] = Field(
        "id", description="Sort key, `-` for descending; undated articles come last."
    )
    q: str | None = SEARCH_QUERY
    language: Literal["ar", "en"] | None = None
    published_from: date | None = Field(
        None, description="Published on or after (YYYY-MM-DD).", examples=["2024-09-01"]
    )
    published_to: date | None = Field(
        None, description="Published on or before (YYYY-MM-DD).", examples=["2024-09-30"]
    )


class SpeakerFilters(ListParams):
    sort: Literal["id", "-id", "name", "-name"] = Field("id", description="Sort key, `-` for descending.")
    name: str | None = Field(None, description="Exact name, English name or alias.", examples=["بلينكن"])
    kind: Literal["person", "organization", "group"] | None = None


class QuoteFilters(LinkedListParams):
    sort: Literal["id", "-id"] = Field("id", description="Sort key, `-` for descending.")
    q: str | None = SEARCH_QUERY
    article_id: int | None = None
    speaker_id: int | None = None
    speaker: str | None = Field(
        None, description="Speaker's name, English name or alias.", examples=["Blinken"]
    )
    kind: Literal["direct", "indirect"] | None = None


class PledgeSummaryFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

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
    status: PledgeStatus | None = Field(
        None,
        description="new, previously_announced, a total (cumulative: one donor's running total; "
        "aggregate: several donors' sums together) or component (a part of one commitment).",
    )
    q: str | None = SEARCH_QUERY

    @model_validator(mode="after")
    def _amount_range(self) -> "PledgeSummaryFilters":
        if self.min_amount is not None and self.max_amount is not None:
            if self.min_amount > self.max_amount:
                raise ValueError("min_amount must not exceed max_amount")
        return self


class PledgeFilters(LinkedListParams, PledgeSummaryFilters):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    sort: Literal["id", "-id", "amount", "-amount"] = Field(
        "id", description="Sort key, `-` for descending; ties are broken by id."
    )


class DateFilters(ListParams):
    sort: Literal["id", "-id", "starts_on", "-starts_on"] = Field(
        "id", description="Sort key, `-` for descending; unresolved dates come last."
    )
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
    sort: Literal["id", "-id", "name", "-name"] = Field("id", description="Sort key, `-` for descending.")
    name: str | None = Field(None, description="Exact English or Arabic name.")
    kind: str | None = None
    article_id: int | None = Field(
        None, description="Only those mentioned in this article.", examples=[1]
    )


class SearchFilters(PageParams):
    q: str = Field(
        min_length=1, max_length=500, description=SEARCH_QUERY.description, examples=["الإرهاب"]
    )
    kind: Literal["quote", "pledge", "article"] | None = Field(None, description="Only this kind.")
    article_id: int | None = Field(None, description="Only facts of this article (or this article).")


class TimelineFilters(ListParams):
    article_id: int | None = None
    from_: date | None = Field(
        None, alias="from", description="Dates whose period ends on or after this day (YYYY-MM-DD)."
    )
    to: date | None = Field(None, description="Dates whose period starts on or before this day.")
    grain: Literal["day", "week", "month", "year", "range"] | None = None
