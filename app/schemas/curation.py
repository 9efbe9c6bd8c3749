"""Curation contracts: what a PATCH may change, and the audit trail it leaves."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.schemas.facts import Grain, PledgeStatus, QuoteKind, SpeakerKind

ISO_VALUE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class FactUpdate(BaseModel):
    """Only the fields sent are changed; offsets and evidence are not editable."""

    # The schema says what `_not_empty` checks, so that clients and generators know it too.
    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})

    @model_validator(mode="after")
    def _not_empty(self) -> "FactUpdate":
        if not self.model_fields_set:
            raise ValueError("send at least one field to change")
        return self

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class SpeakerUpdate(FactUpdate):
    name_en: str | None = Field(None, min_length=1, max_length=300)
    title: str | None = Field(None, max_length=300)
    organization: str | None = Field(None, max_length=300)
    kind: SpeakerKind = "person"


class QuoteUpdate(FactUpdate):
    speaker_id: int | None = Field(None, ge=1, description="Attribute the quote to this speaker.")
    kind: QuoteKind = "direct"
    verb: str | None = Field(None, max_length=100)
    gloss_en: str | None = Field(None, max_length=10_000)


class PledgeUpdate(FactUpdate):
    speaker_id: int | None = Field(None, ge=1)
    donor: str | None = Field(None, max_length=300)
    amount: int = Field(0, ge=0, le=10**15, description="Whole units of the currency.")
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    purpose: str | None = Field(None, max_length=1000)
    recipient: str | None = Field(None, max_length=1000)
    status: PledgeStatus = "new"


class DateUpdate(FactUpdate):
    value: str | None = Field(None, pattern=ISO_VALUE, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    end_value: str | None = Field(None, pattern=ISO_VALUE, description="Last value of a week or range.")
    grain: Grain = "day"
    relative: bool = False
    event: str | None = Field(None, max_length=1000)


class AuditEventPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "resource": "pledge",
                    "resource_id": 1,
                    "action": "update",
                    "api_key_id": 1,
                    "happened_at": "2024-10-01T09:30:00Z",
                    "before": {"amount": 148000000, "curated": False},
                    "after": {"amount": 150000000, "curated": True},
                }
            ]
        }
    )

    id: int
    resource: str = Field(description="article, speaker, quote, pledge or date.")
    resource_id: int
    action: str = Field(description="update or delete.")
    api_key_id: int | None = Field(description="The key that made the change.")
    happened_at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any] | None = Field(description="null after a delete.")
