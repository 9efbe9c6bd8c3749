"""Date mention contracts."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

DATE_EXAMPLE = {
    "id": 8,
    "article_id": 1,
    "expression": "سبتمبر 2025",
    "value": "2025-09",
    "end_value": None,
    "grain": "month",
    "relative": False,
    "event": "Operation Inherent Resolve's military mission ends",
    "start": 1458,
    "end": 1469,
    "curated": False,
}


class DatePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [DATE_EXAMPLE]})

    id: int
    article_id: int
    expression: str = Field(description="The expression as written.")
    value: str | None = Field(
        description="ISO 8601 at its grain (2024-09-30, 2025-09, 2014); null when unresolved."
    )
    end_value: str | None = Field(description="Last value of a week or range.")
    grain: str = Field(description="day, week, month, year or range.")
    relative: bool = Field(description="Resolved against the publication date or an earlier date.")
    event: str | None = Field(description="What happened then, briefly.")
    start: int
    end: int
    curated: bool = Field(description="Corrected by a person through the API.")


class TimelineEntry(DatePublic):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **DATE_EXAMPLE,
                    "starts_on": "2025-09-01",
                    "ends_on": "2025-09-30",
                    "article_title": "Blinken at the Global Coalition to Defeat ISIS ministerial in Washington",
                }
            ]
        }
    )

    starts_on: date = Field(description="First day the date covers.")
    ends_on: date | None = Field(description="Last day the date covers.")
    article_title: str | None
