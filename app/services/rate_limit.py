"""Fixed-window rate limits whose counters live in the database, shared by every worker.

One upsert per metered request: it starts a new window or adds a hit to the current one, and
answers the count, so that no two workers can both admit the last request of a window. Once a
window, each process deletes the counters of windows that have ended, so that the table holds the
clients of the last two windows, not every client ever seen."""

import math
import time
from dataclasses import dataclass

from sqlalchemy import case, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.db import Database
from app.models import RateLimitCounter

COUNTERS = RateLimitCounter.__table__


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int


def window_start(now: float, window_seconds: int) -> int:
    return int(now // window_seconds) * window_seconds


def hit(session: Session, bucket: str, limit: int, window_seconds: int, now: float | None = None) -> Verdict:
    """Count one request in `bucket`; the caller commits."""
    now = time.time() if now is None else now
    start = window_start(now, window_seconds)
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgresql_insert
    statement = insert(RateLimitCounter).values(bucket=bucket, window_start=start, hits=1)
    same_window = COUNTERS.c.window_start == statement.excluded.window_start
    statement = statement.on_conflict_do_update(
        index_elements=["bucket"],
        set_={
            "hits": case((same_window, COUNTERS.c.hits + 1), else_=1),
            "window_start": statement.excluded.window_start,
        },
    ).returning(COUNTERS.c.hits)
    hits = session.execute(statement).scalar_one()
    retry_after = max(1, math.ceil(start + window_seconds - now))
    return Verdict(allowed=hits <= limit, retry_after=retry_after)


def prune(session: Session, window_seconds: int, now: float | None = None) -> int:
    """Delete the counters of windows that have ended, as many as there are; a hit in such a
    bucket would start again from one anyway. On PostgreSQL a counter that another transaction is
    counting in is skipped (SKIP LOCKED), so that pruning never waits for a request nor deadlocks
    with one. The caller commits."""
    now = time.time() if now is None else now
    ended = (
        select(COUNTERS.c.bucket)
        .where(COUNTERS.c.window_start < window_start(now, window_seconds))
        .with_for_update(skip_locked=True)
    )
    return session.execute(delete(COUNTERS).where(COUNTERS.c.bucket.in_(ended))).rowcount


class RateLimits:
    """The counters of one database, as one process meters them: each request's hits in one
    transaction, and once a window, in a transaction of its own, the ended windows pruned."""

    def __init__(self, database: Database, window_seconds: int) -> None:
        self.database = database
        self.window_seconds = window_seconds
        self.pruned_window: int | None = None

    def meter(self, buckets: list[tuple[str, int]], now: float | None = None) -> list[Verdict]:
        """One hit in each (bucket, limit)."""
        now = time.time() if now is None else now
        with self.database.session(write=True) as session:
            verdicts = [hit(session, bucket, limit, self.window_seconds, now) for bucket, limit in buckets]
            session.commit()
        window = window_start(now, self.window_seconds)
        if self.pruned_window != window:
            self.pruned_window = window
            with self.database.session(write=True) as session:
                prune(session, self.window_seconds, now)
                session.commit()
        return verdicts
