"""The article table: verbatim text and its metadata."""

from datetime import UTC, date, datetime

from sqlalchemy import CheckConstraint, Column, Index, String, Text
from sqlmodel import Field, SQLModel

from app.models.base import NEVER_REUSED_IDS, UTCDateTime, primary_key, search_text_field

LANGUAGES = ("ar", "en")


def utc_now() -> datetime:
    return datetime.now(UTC)


class Article(SQLModel, table=True):
    __tablename__ = "article"
    __table_args__ = (
        CheckConstraint("language IN ('ar', 'en')", name="language_allowed"),
        CheckConstraint("length(text) > 0", name="text_not_empty"),
        Index("ix_article_published_on_id", "published_on", "id"),
        Index("ix_article_language_id", "language", "id"),
        NEVER_REUSED_IDS,
    )

    id: int | None = primary_key()
    title: str | None = None
    language: str = Field(sa_type=String(2))
    published_on: date | None = Field(default=None, index=True)
    source_name: str | None = None
    source_url: str | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(sa_type=String(64), unique=True)
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False)
    )
    search_text: str = search_text_field()
