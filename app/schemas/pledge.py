"""Pledge contracts."""

from pydantic import BaseModel, ConfigDict, Field

PLEDGE_EXAMPLE = {
    "id": 1,
    "article_id": 1,
    "speaker_id": 1,
    "donor": "United States",
    "amount": 148000000,
    "currency": "USD",
    "purpose": "civilian-led border security operations and counter-terrorism teams",
    "recipient": "Africa and Central Asia",
    "status": "new",
    "evidence": "148 مليون دولار",
    "start": 2086,
    "end": 2101,
    "curated": False,
}


class PledgePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [PLEDGE_EXAMPLE]})

    id: int
    article_id: int
    speaker_id: int | None = Field(description="The speaker who announced it, when known.")
    donor: str | None
    amount: int = Field(description="Exact amount in whole units of the currency.")
    currency: str | None = Field(description="ISO 4217 code.")
    purpose: str | None
    recipient: str | None = Field(description="Recipients or regions.")
    status: str = Field(
        description="new; previously_announced when announced before; or, for a sum that is a total, "
        "cumulative (one donor's running total: 'bringing its total to') or aggregate (several "
        "donors' sums together: 'donors pledged'); or component, one part of a commitment told in "
        "parts ('including $10 million for Somalia'). Adding those to the others counts money twice."
    )
    evidence: str = Field(description="The article's text between start and end.")
    start: int
    end: int
    curated: bool = Field(description="Corrected by a person through the API.")


class PledgeTotal(BaseModel):
    currency: str | None = Field(description="Totals are per currency, never across currencies.")
    total: int = Field(description="Sum of the amounts, in whole units of the currency.")
    count: int


class DonorTotal(PledgeTotal):
    donor: str | None


class StatusTotal(PledgeTotal):
    status: str


class YearTotal(PledgeTotal):
    year: int | None = Field(description="Year the article was published; null when undated.")


SUMMARY_EXAMPLE = {
    "count": 3,
    "by_currency": [{"currency": "USD", "total": 851000000, "count": 3}],
    "by_donor": [{"currency": "USD", "total": 851000000, "count": 3, "donor": "United States"}],
    "by_status": [
        {"currency": "USD", "total": 316000000, "count": 2, "status": "new"},
        {"currency": "USD", "total": 535000000, "count": 1, "status": "previously_announced"},
    ],
    "by_year": [{"currency": "USD", "total": 851000000, "count": 3, "year": 2024}],
}


class PledgeSummary(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [SUMMARY_EXAMPLE]})

    count: int = Field(description="Number of pledges summarized.")
    by_currency: list[PledgeTotal]
    by_donor: list[DonorTotal]
    by_status: list[StatusTotal]
    by_year: list[YearTotal]
