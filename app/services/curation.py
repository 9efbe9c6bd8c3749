"""Corrections and deletions by people, each recorded in the audit trail with before and after."""

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from app.errors import NotFound, Unprocessable
from app.models import Article, AuditEvent, DateMention, Pledge, Quote, Speaker
from app.schemas.article import ArticlePublic
from app.schemas.curation import AuditEventPublic, FactUpdate
from app.services.ingest import period
from app.services.pagination import SortKey, by
from app.services.queries import ARTICLE_COLUMNS, Listing, Where, get_or_404

M = TypeVar("M", bound=SQLModel)

# Audit names of the curated tables; "date" is what the API calls a date mention.
RESOURCES: dict[str, type[SQLModel]] = {
    "article": Article,
    "speaker": Speaker,
    "quote": Quote,
    "pledge": Pledge,
    "date": DateMention,
}
GRAIN_LENGTHS = {"day": 10, "month": 7, "year": 4}


# Derived from the other fields for the search index, not a fact: the trail leaves it out.
UNRECORDED = {"search_text"}


def _snapshot(row: SQLModel) -> dict[str, Any]:
    return row.model_dump(mode="json", exclude=UNRECORDED)


def _article_snapshot(session: Session, article_id: int) -> dict[str, Any]:
    """The article's metadata without its text: the trail records what was removed, not a copy."""
    row = session.execute(select(*ARTICLE_COLUMNS).where(Article.id == article_id)).one()
    return ArticlePublic.model_validate(row._asdict()).model_dump(mode="json")


def _locked(session: Session, model: type[M], row_id: int, noun: str) -> M:
    # FOR UPDATE on PostgreSQL; SQLite's writer already holds the database lock (BEGIN IMMEDIATE).
    row = session.get(model, row_id, with_for_update=True)
    if row is None:
        raise NotFound(f"No {noun} has id {row_id}.")
    return row


def _record(
    session: Session,
    resource: str,
    resource_id: int,
    action: str,
    key_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    session.add(
        AuditEvent(
            resource=resource,
            resource_id=resource_id,
            action=action,
            api_key_id=key_id,
            before=before,
            after=after,
        )
    )


def _check_speaker(session: Session, changes: dict[str, Any]) -> None:
    speaker_id = changes.get("speaker_id")
    if speaker_id is not None and session.get(Speaker, speaker_id) is None:
        raise Unprocessable(
            f"No speaker has id {speaker_id}.",
            errors=[{"loc": ["body", "speaker_id"], "msg": "unknown speaker", "type": "not_found"}],
        )


def date_period(value: str | None, end_value: str | None, grain: str) -> tuple[date | None, date | None]:
    """starts_on and ends_on for a date's value, end value and grain, or 422 when they disagree."""

    def invalid(message: str) -> Unprocessable:
        return Unprocessable(message, errors=[{"loc": ["body"], "msg": message, "type": "value_error"}])

    try:
        starts_on, _ = period(value)
        _, ends_on = period(end_value or value)
    except ValueError as exc:
        raise invalid(f"Not a calendar date: {exc}.") from exc
    if value is None:
        if end_value is not None:
            raise invalid("end_value needs a value.")
        return None, None
    if grain in GRAIN_LENGTHS:
        if len(value) != GRAIN_LENGTHS[grain] or end_value is not None:
            raise invalid(f"A {grain} is written as one value of length {GRAIN_LENGTHS[grain]}.")
    elif grain == "week" and (len(value) != 10 or end_value is None or len(end_value) != 10):
        raise invalid("A week needs a first day (value) and a last day (end_value).")
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        raise invalid("end_value must not come before value.")
    return starts_on, ends_on


def update(session: Session, resource: str, row_id: int, patch: FactUpdate, key_id: int | None) -> None:
    """Apply the fields sent, mark the fact curated and record before and after; the caller commits."""
    model = RESOURCES[resource]
    row = _locked(session, model, row_id, resource)
    before = _snapshot(row)
    changes = patch.changes()
    _check_speaker(session, changes)
    for field, value in changes.items():
        setattr(row, field, value)
    if isinstance(row, DateMention):
        row.starts_on, row.ends_on = date_period(row.value, row.end_value, row.grain)
    row.curated = True  # type: ignore[attr-defined]
    session.flush()
    _record(session, resource, row_id, "update", key_id, before, _snapshot(row))


def delete(session: Session, resource: str, row_id: int, key_id: int | None) -> None:
    """Delete a fact, recording what it was; the caller commits."""
    row = _locked(session, RESOURCES[resource], row_id, resource)
    _record(session, resource, row_id, "delete", key_id, _snapshot(row), None)
    session.delete(row)
    session.flush()


def delete_article(session: Session, article_id: int, key_id: int | None) -> None:
    """Delete an article; its facts go with it (ON DELETE CASCADE), each recorded as deleted."""
    article = _locked(session, Article, article_id, "article")
    facts: tuple[tuple[str, Any], ...] = (("quote", Quote), ("pledge", Pledge), ("date", DateMention))
    for resource, model in facts:
        for fact in session.execute(select(model).where(model.article_id == article_id)).scalars():
            _record(session, resource, fact.id, "delete", key_id, _snapshot(fact), None)
    _record(session, "article", article_id, "delete", key_id, _article_snapshot(session, article_id), None)
    session.delete(article)
    session.flush()


HISTORY_ORDERING = by("id", SortKey(AuditEvent.id))
_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]
HISTORY = Where(
    select(_EVENTS),
    resource=_EVENTS.c.resource == bindparam("resource"),
    resource_id=_EVENTS.c.resource_id == bindparam("resource_id"),
)


def _events_public(_connection: Connection, rows: Sequence[Any]) -> list[AuditEventPublic]:
    return [AuditEventPublic.model_validate(row._asdict()) for row in rows]


def history(connection: Connection, resource: str, row_id: int) -> Listing[AuditEventPublic]:
    """The audit trail of one resource, oldest first; 404 when it neither exists nor ever did."""
    statement, params = HISTORY.select(resource=resource, resource_id=row_id)
    if connection.execute(statement.limit(1), params).first() is None:
        get_or_404(connection, RESOURCES[resource], row_id, resource)
    return Listing(statement, HISTORY_ORDERING, _events_public, params)
