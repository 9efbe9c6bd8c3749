"""pledge statuses for totals and parts: cumulative, aggregate and component

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

A pledge's status may now say that its sum is a total rather than one commitment: `cumulative`, a
donor's running total ("bringing its total to ..."), or `aggregate`, several donors' sums together
("donors pledged a total of ..."); or that it is one part of a commitment told in parts, `component`
("including $10 million for Somalia"). The status CHECK constraint admits them. SQLite cannot change a
constraint in place, so the pledge table is rebuilt (app.services.migrations.rebuild_sqlite_tables).
A downgrade stores such pledges as new, the status they had before.
"""

import re
from collections.abc import Sequence

from alembic import op

from app.services.migrations import rebuild_sqlite_tables, substituted

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ('new', 'previously_announced')
AFTER = (*BEFORE, 'cumulative', 'aggregate', 'component')


def _check(statuses: Sequence[str]) -> str:
    return 'status IN (' + ', '.join(f"'{status}'" for status in statuses) + ')'


def _allow(old: Sequence[str], new: Sequence[str]) -> None:
    connection = op.get_bind()
    if connection.dialect.name == 'sqlite':

        def rewrite(_table: str, sql: str) -> str:
            return substituted(re.escape(f'CHECK ({_check(old)})'), f'CHECK ({_check(new)})', sql)

        rebuild_sqlite_tables(connection, ['pledge'], rewrite)
    else:
        op.execute(
            'ALTER TABLE pledge DROP CONSTRAINT ck_pledge_status_allowed, '
            f'ADD CONSTRAINT ck_pledge_status_allowed CHECK ({_check(new)})'
        )


def upgrade() -> None:
    _allow(BEFORE, AFTER)


def downgrade() -> None:
    op.execute(f"UPDATE pledge SET status = 'new' WHERE NOT ({_check(BEFORE)})")
    _allow(AFTER, BEFORE)
