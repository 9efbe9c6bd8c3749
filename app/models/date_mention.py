"""Date mentions: an expression as written, resolved to ISO 8601 at its grain."""

from datetime import date

from sqlalchemy import Index, String
from sqlmodel import Field

from app.models.base import NEVER_REUSED_IDS, Span, curated_field, one_of, primary_key, span_check

GRAINS = ("day", "week", "month", "year", "range")


class DateMention(Span, table=True):
    __tablename__ = "date_mention"
    __table_args__ = (
        one_of("grain", GRAINS),
        span_check(),
        # An article's date mentions in text order (its facts), and every filter by article.
        Index("ix_date_mention_article_id_start_id", "article_id", "start", "id"),
        Index("ix_date_mention_starts_on_id", "starts_on", "id"),
        Index("ix_date_mention_grain_id", "grain", "id"),
        NEVER_REUSED_IDS,
    )

    id: int | None = primary_key()
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    expression: str
    value: str | None = Field(default=None, sa_type=String(10))
    end_value: str | None = Field(default=None, sa_type=String(10))
    grain: str
    relative: bool = False
    event: str | None = None
    # First and last day covered, derived from value/end_value, so ranges filter with plain indexes.
    starts_on: date | None = None
    ends_on: date | None = Field(default=None, index=True)
    curated: bool = curated_field()
