"""The audit trail: who changed which fact when, with the fact before and after."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, String
from sqlmodel import Field, SQLModel

from app.models.article import utc_now
from app.models.base import UTCDateTime, one_of, primary_key

AUDIT_ACTIONS = ("update", "delete")
AUDITED_RESOURCES = ("article", "speaker", "quote", "pledge", "date")


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (
        one_of("action", AUDIT_ACTIONS),
        one_of("resource", AUDITED_RESOURCES),
        Index("ix_audit_event_resource_resource_id_id", "resource", "resource_id", "id"),
    )

    id: int | None = primary_key()
    # No foreign key to the fact itself: its history outlives a deletion.
    resource: str = Field(sa_type=String(16))
    resource_id: int
    action: str = Field(sa_type=String(16))
    api_key_id: int | None = Field(default=None, foreign_key="api_key.id", ondelete="SET NULL", index=True)
    happened_at: datetime = Field(
        default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False)
    )
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
