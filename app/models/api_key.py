"""API keys: only a SHA-256 hash of each key is stored, never the key itself."""

from datetime import datetime

from sqlalchemy import Column, String
from sqlmodel import Field, SQLModel

from app.models.article import utc_now
from app.models.base import UTCDateTime, primary_key


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_key"

    id: int | None = primary_key()
    name: str
    # The first characters of the key, shown by `facts keys list` so that a key can be recognised.
    prefix: str = Field(sa_type=String(16))
    key_hash: str = Field(sa_type=String(64), unique=True)
    created_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False)
    )
    revoked_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime, nullable=True)
    )
