"""Shared table metadata: the constraint naming convention and span columns."""

from typing import Any

from sqlalchemy import CheckConstraint, Column, Text
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


def primary_key() -> int | None:
    return Field(default=None, primary_key=True)


def search_text_field() -> Any:
    """Index terms derived from the row's searchable fields (app.models.search keeps them in sync)."""
    return Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
