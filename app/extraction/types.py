"""Typed facts returned by the extractor; every span is a code-point offset into the original text."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Span(BaseModel):
    start: int
    end: int


class Mention(Span):
    text: str


class ExtractedSpeaker(Span):
    name: str
    name_en: str | None = None
    title: str | None = None
    organization: str | None = None
    kind: Literal["person", "organization", "group"] = "person"
    aliases: list[str] = Field(default_factory=list)


class ExtractedQuote(Span):
    speaker: str | None
    kind: Literal["direct", "indirect"]
    verb: str | None
    text: str


class ExtractedPledge(Span):
    donor: str | None
    speaker: str | None
    amount: int = Field(ge=0)
    currency: str | None
    purpose: str | None
    recipient: str | None
    status: Literal["new", "previously_announced", "cumulative", "aggregate", "component"]


class ExtractedDate(Span):
    expression: str
    value: str | None
    end_value: str | None = None
    grain: Literal["day", "week", "month", "year", "range"]
    relative: bool
    event: str | None = None


class ExtractedEntity(BaseModel):
    name: str
    name_ar: str | None
    kind: str
    mentions: list[Mention]


class ExtractedFacts(BaseModel):
    language: str | None
    speakers: list[ExtractedSpeaker] = Field(default_factory=list)
    quotes: list[ExtractedQuote] = Field(default_factory=list)
    pledges: list[ExtractedPledge] = Field(default_factory=list)
    dates: list[ExtractedDate] = Field(default_factory=list)
    organizations: list[ExtractedEntity] = Field(default_factory=list)
    places: list[ExtractedEntity] = Field(default_factory=list)
