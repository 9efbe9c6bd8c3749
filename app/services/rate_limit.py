"""Fixed-window rate limits whose counters live in the database, shared by every worker.

One upsert per metered request: it starts a new window or adds a hit to the current one, and
answers the count, so that no two workers can both admit the last request of a window."""

import math
import time
from dataclasses import dataclass

from sqlalchemy import case
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.models import RateLimitCounter


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int


def hit(session: Session, bucket: str, limit: int, window_seconds: int, now: float | None = None) -> Verdict:
    """Count one request in `bucket`; the caller commits."""
    now = time.time() if now is None else now
    window_start = int(now // window_seconds) * window_seconds
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgresql_insert
    statement = insert(RateLimitCounter).values(bucket=bucket, window_start=window_start, hits=1)
    current = RateLimitCounter.__table__.c
    same_window = current.window_start == statement.excluded.window_start
    statement = statement.on_conflict_do_update(
        index_elements=["bucket"],
        set_={
            "hits": case((same_window, current.hits + 1), else_=1),
            "window_start": statement.excluded.window_start,
        },
    ).returning(current.hits)
    hits = session.execute(statement).scalar_one()
    retry_after = max(1, math.ceil(window_start + window_seconds - now))
    return Verdict(allowed=hits <= limit, retry_after=retry_after)
