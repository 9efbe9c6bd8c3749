"""Shared table metadata: the constraint naming convention and span columns."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, DateTime, Dialect, Text, TypeDecorator, false
from sqlmodel import Field, SQLModel

# Named constraints keep migrations reproducible on SQLite (batch mode) and PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Span(SQLModel):
    """Code-point offsets into article.text: text[start:end] is the evidence."""

    start: int
    end: int


def span_check() -> CheckConstraint:
    return CheckConstraint('start >= 0 AND start < "end"', name="span")


def one_of(column: str, values: tuple[str, ...]) -> CheckConstraint:
    allowed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=f"{column}_allowed")


# Table options of the tables whose ids the API shows and can delete: on SQLite, AUTOINCREMENT
# (migration 0007), so that a deleted row's id is never handed out again.
NEVER_REUSED_IDS = {"sqlite_autoincrement": True}


def primary_key() -> int | None:
    return Field(default=None, primary_key=True)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and read back timezone-aware on every backend
    (SQLite keeps no offset of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def curated_field() -> bool:
    """Set once a person has corrected the fact through the API."""
    return Field(default=False, sa_column_kwargs={"server_default": false()})


def search_text_field() -> Any:
    """Index terms derived from the row's searchable fields (app.models.search keeps them in sync)."""
    return Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
