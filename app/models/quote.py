"""Quotes: direct and reported speech, each tied to its evidence span."""

from sqlalchemy import Index
from sqlmodel import Field

from app.models.base import (
    NEVER_REUSED_IDS,
    Span,
    curated_field,
    one_of,
    primary_key,
    search_text_field,
    span_check,
)

QUOTE_KINDS = ("direct", "indirect")


class Quote(Span, table=True):
    __tablename__ = "quote"
    __table_args__ = (
        one_of("kind", QUOTE_KINDS),
        span_check(),
        # An article's quotes in text order (its facts), and every filter by article.
        Index("ix_quote_article_id_start_id", "article_id", "start", "id"),
        Index("ix_quote_speaker_id_id", "speaker_id", "id"),
        Index("ix_quote_kind_id", "kind", "id"),
        NEVER_REUSED_IDS,
    )

    id: int | None = primary_key()
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL")
    kind: str
    verb: str | None = None
    text: str
    gloss_en: str | None = None
    curated: bool = curated_field()
    search_text: str = search_text_field()
