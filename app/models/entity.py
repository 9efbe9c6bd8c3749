"""Organizations and places, and every span where an article mentions them."""

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.models.base import Span, primary_key, span_check


class Organization(SQLModel, table=True):
    __tablename__ = "organization"

    id: int | None = primary_key()
    name: str = Field(unique=True)
    name_ar: str | None = None
    kind: str | None = None


class OrganizationMention(Span, table=True):
    __tablename__ = "organization_mention"
    # An entity's mentions, and its mentions in one article in text order (an article's facts).
    __table_args__ = (
        span_check(),
        Index(
            "ix_organization_mention_organization_id_article_id_start_end",
            "organization_id",
            "article_id",
            "start",
            "end",
        ),
    )

    id: int | None = primary_key()
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    organization_id: int = Field(foreign_key="organization.id", ondelete="CASCADE")
    text: str


class Place(SQLModel, table=True):
    __tablename__ = "place"

    id: int | None = primary_key()
    name: str = Field(unique=True)
    name_ar: str | None = None
    kind: str | None = None


class PlaceMention(Span, table=True):
    __tablename__ = "place_mention"
    # An entity's mentions, and its mentions in one article in text order (an article's facts).
    __table_args__ = (
        span_check(),
        Index("ix_place_mention_place_id_article_id_start_end", "place_id", "article_id", "start", "end"),
    )

    id: int | None = primary_key()
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    place_id: int = Field(foreign_key="place.id", ondelete="CASCADE")
    text: str
