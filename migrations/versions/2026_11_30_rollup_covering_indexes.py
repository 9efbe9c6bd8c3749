"""pledge totals: a covering index per grouping of the summary

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

The summary groups pledge_rollup four ways (by currency, and by donor, status and year with the
currency). Each grouping now reads an index holding its keys and the sums' columns, in group order,
instead of visiting every row and sorting. The donor index of 0005 is the donor grouping's prefix.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    'ix_pledge_rollup_currency_totals': ['currency', 'pledges', 'total'],
    'ix_pledge_rollup_donor_totals': ['donor', 'currency', 'pledges', 'total'],
    'ix_pledge_rollup_status_totals': ['status', 'currency', 'pledges', 'total'],
    'ix_pledge_rollup_year_totals': ['year', 'currency', 'pledges', 'total'],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, 'pledge_rollup', columns, unique=False)
    op.drop_index('ix_pledge_rollup_donor', table_name='pledge_rollup')


def downgrade() -> None:
    op.create_index('ix_pledge_rollup_donor', 'pledge_rollup', ['donor'], unique=False)
    for name in INDEXES:
        op.drop_index(name, table_name='pledge_rollup')
