"""The write contract for one article's facts: what the extractor and the seed data produce."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Grain = Literal["day", "week", "month", "year", "range"]
QuoteKind = Literal["direct", "indirect"]
PledgeStatus = Literal["new", "previously_announced", "cumulative", "aggregate", "component"]
SpeakerKind = Literal["person", "organization", "group"]
Currency = str


class SpanIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    start: int = Field(ge=0)
    end: int = Field(gt=0)


class SpeakerIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str = Field(min_length=1)
    name_en: str | None = None
    title: str | None = None
    organization: str | None = None
    kind: SpeakerKind = "person"
    aliases: list[str] = []


class QuoteIn(SpanIn):
    speaker: str | None = None
    kind: QuoteKind
    verb: str | None = None
    text: str = Field(min_length=1)
    gloss_en: str | None = None


class PledgeIn(SpanIn):
    donor: str | None = None
    speaker: str | None = None
    amount: int = Field(ge=0)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    purpose: str | None = None
    recipient: str | None = None
    status: PledgeStatus = "new"


class DateIn(SpanIn):
    expression: str = Field(min_length=1)
    value: str | None = None
    end_value: str | None = None
    grain: Grain
    relative: bool = False
    event: str | None = None


class MentionIn(SpanIn):
    text: str = Field(min_length=1)


class EntityIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str = Field(min_length=1)
    name_ar: str | None = None
    kind: str | None = None
    mentions: list[MentionIn] = []


class FactsIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    language: str | None = None
    speakers: list[SpeakerIn] = []
    quotes: list[QuoteIn] = []
    pledges: list[PledgeIn] = []
    dates: list[DateIn] = []
    organizations: list[EntityIn] = []
    places: list[EntityIn] = []
