"""Speakers and the other names they go by."""

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import curated_field, one_of, primary_key

SPEAKER_KINDS = ("person", "organization", "group")


class Speaker(SQLModel, table=True):
    __tablename__ = "speaker"
    __table_args__ = (one_of("kind", SPEAKER_KINDS),)

    id: int | None = primary_key()
    name: str = Field(unique=True)
    name_en: str | None = Field(default=None, index=True)
    title: str | None = None
    organization: str | None = None
    kind: str = "person"
    curated: bool = curated_field()


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speaker_alias"
    __table_args__ = (UniqueConstraint("speaker_id", "alias"),)

    id: int | None = primary_key()
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", index=True)
    alias: str = Field(index=True)
