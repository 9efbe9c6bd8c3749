"""pledge totals indexed by donor

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

The pledge summary filtered by donor read every row of `pledge_rollup` four times, once per
grouping; with this index it reads that donor's rows alone.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_pledge_rollup_donor', 'pledge_rollup', ['donor'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_pledge_rollup_donor', table_name='pledge_rollup')
