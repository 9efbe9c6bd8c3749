"""Pledges: money a donor commits, with the span of the amount as evidence."""

from sqlalchemy import BigInteger, CheckConstraint, Index, String
from sqlmodel import Field, SQLModel

from app.models.base import (
    NEVER_REUSED_IDS,
    Span,
    curated_field,
    one_of,
    primary_key,
    search_text_field,
    span_check,
)

# A status says when a commitment was made, or that the sum is a total (a donor's running total,
# cumulative; several donors' sums together, aggregate) or a part of one commitment (component):
# summing those with the others would count money twice.
PLEDGE_STATUSES = ("new", "previously_announced", "cumulative", "aggregate", "component")

# Portable (SQLite and PostgreSQL) spelling of "three upper-case ASCII letters".
CURRENCY_CHECK = " AND ".join(
    ["length(currency) = 3", "upper(currency) = currency"]
    + [f"substr(currency, {i}, 1) BETWEEN 'A' AND 'Z'" for i in (1, 2, 3)]
)


class Pledge(Span, table=True):
    __tablename__ = "pledge"
    __table_args__ = (
        one_of("status", PLEDGE_STATUSES),
        span_check(),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint(CURRENCY_CHECK, name="currency_iso"),
        # An article's pledges in text order (its facts), and every filter by article.
        Index("ix_pledge_article_id_start_id", "article_id", "start", "id"),
        Index("ix_pledge_amount_id", "amount", "id"),
        Index("ix_pledge_currency_amount_id", "currency", "amount", "id"),
        Index("ix_pledge_donor_id", "donor", "id"),
        Index("ix_pledge_status_id", "status", "id"),
        NEVER_REUSED_IDS,
    )

    id: int | None = primary_key()
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    speaker_id: int | None = Field(
        default=None, foreign_key="speaker.id", ondelete="SET NULL", index=True
    )
    donor: str | None = None
    amount: int = Field(sa_type=BigInteger)
    currency: str | None = Field(default=None, sa_type=String(3))
    purpose: str | None = None
    recipient: str | None = None
    status: str = "new"
    evidence: str
    curated: bool = curated_field()
    search_text: str = search_text_field()


class PledgeRollup(SQLModel, table=True):
    """Pledges counted and summed by currency, donor, status and year of publication, kept in step
    with every write by triggers (migration 0004), so that totals are read, not recomputed.
    An empty currency or donor and year 0 stand for none: a key holds no NULL, which both
    backends would count as distinct from itself."""

    __tablename__ = "pledge_rollup"
    # One covering index per grouping of the summary (currency alone, by donor, status, year):
    # each grouping reads its index in order, without visiting the table or sorting (migration
    # 0006). A donor or status filter reads the prefix of its grouping's index. On SQLite the rows
    # are stored by their key (WITHOUT ROWID, migration 0009), which every index then holds: a
    # filtered grouping reads every column it needs from one index.
    __table_args__ = (
        Index("ix_pledge_rollup_currency_totals", "currency", "pledges", "total"),
        Index("ix_pledge_rollup_donor_totals", "donor", "currency", "pledges", "total"),
        Index("ix_pledge_rollup_status_totals", "status", "currency", "pledges", "total"),
        Index("ix_pledge_rollup_year_totals", "year", "currency", "pledges", "total"),
        {"sqlite_with_rowid": False},
    )

    currency: str = Field(primary_key=True, sa_type=String(3))
    donor: str = Field(primary_key=True)
    status: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    pledges: int
    total: int = Field(sa_type=BigInteger)
