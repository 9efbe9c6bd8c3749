"""pledge totals kept by triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

`pledge_rollup` holds the count and sum of pledges per currency, donor, status and year of
publication. Triggers keep it in step with every insert, update and delete of a pledge, so that
the pledge summary reads a few hundred rows instead of aggregating every pledge. An article is
deleted after its pledges (a trigger before the delete), so that their year is still known when
they are taken out of the totals.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = 'currency, donor, status, year'
UPSERT = (
    f'ON CONFLICT ({KEY}) DO UPDATE SET pledges = pledge_rollup.pledges + excluded.pledges, '
    'total = pledge_rollup.total + excluded.total'
)


def _sqlite_year(row: str) -> str:
    return (
        "coalesce((SELECT CAST(strftime('%Y', published_on) AS INTEGER) FROM article "
        f'WHERE id = {row}.article_id), 0)'
    )


def _sqlite_add(row: str, sign: str) -> str:
    return (
        f'INSERT INTO pledge_rollup ({KEY}, pledges, total) '
        f"SELECT coalesce({row}.currency, ''), coalesce({row}.donor, ''), {row}.status, "
        f'{_sqlite_year(row)}, {sign}1, {sign}{row}.amount WHERE true {UPSERT};'
    )


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER pledge_rollup_insert AFTER INSERT ON pledge BEGIN {_sqlite_add('new', '')} END",
    f"CREATE TRIGGER pledge_rollup_delete AFTER DELETE ON pledge BEGIN {_sqlite_add('old', '-')} END",
    'CREATE TRIGGER pledge_rollup_update AFTER UPDATE OF amount, currency, donor, status ON pledge '
    f"BEGIN {_sqlite_add('old', '-')} {_sqlite_add('new', '')} END",
    'CREATE TRIGGER pledge_rollup_article_delete BEFORE DELETE ON article '
    'BEGIN DELETE FROM pledge WHERE article_id = old.id; END',
]

POSTGRESQL_TRIGGERS = [
    f"""
    CREATE FUNCTION pledge_rollup_add(fact pledge, sign integer) RETURNS void AS $$
        INSERT INTO pledge_rollup ({KEY}, pledges, total)
        SELECT coalesce(fact.currency, ''), coalesce(fact.donor, ''), fact.status,
               coalesce((SELECT extract(year FROM published_on)::integer FROM article
                         WHERE id = fact.article_id), 0),
               sign, sign * fact.amount
        {UPSERT}
    $$ LANGUAGE sql
    """,
    """
    CREATE FUNCTION pledge_rollup_apply() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM pledge_rollup_add(OLD, -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM pledge_rollup_add(NEW, 1); END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql
    """,
    'CREATE TRIGGER pledge_rollup_write AFTER INSERT OR DELETE ON pledge '
    'FOR EACH ROW EXECUTE FUNCTION pledge_rollup_apply()',
    'CREATE TRIGGER pledge_rollup_update AFTER UPDATE OF amount, currency, donor, status ON pledge '
    'FOR EACH ROW EXECUTE FUNCTION pledge_rollup_apply()',
    """
    CREATE FUNCTION pledge_rollup_article_delete() RETURNS trigger AS $$
    BEGIN
        DELETE FROM pledge WHERE article_id = OLD.id;
        RETURN OLD;
    END $$ LANGUAGE plpgsql
    """,
    'CREATE TRIGGER pledge_rollup_article_delete BEFORE DELETE ON article '
    'FOR EACH ROW EXECUTE FUNCTION pledge_rollup_article_delete()',
]

YEAR = {
    'sqlite': "CAST(strftime('%Y', article.published_on) AS INTEGER)",
    'postgresql': 'extract(year FROM article.published_on)::integer',
}


def upgrade() -> None:
    op.create_table('pledge_rollup',
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('donor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('pledges', sa.Integer(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('currency', 'donor', 'status', 'year', name=op.f('pk_pledge_rollup'))
    )
    dialect = op.get_bind().dialect.name
    # The pledges already stored, then the triggers for every write after.
    op.execute(
        f'INSERT INTO pledge_rollup ({KEY}, pledges, total) '
        f"SELECT coalesce(pledge.currency, ''), coalesce(pledge.donor, ''), pledge.status, "
        f'coalesce({YEAR[dialect]}, 0), count(*), sum(pledge.amount) '
        'FROM pledge JOIN article ON article.id = pledge.article_id GROUP BY 1, 2, 3, 4'
    )
    for statement in SQLITE_TRIGGERS if dialect == 'sqlite' else POSTGRESQL_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in ('insert', 'delete', 'update', 'article_delete'):
            op.execute(f'DROP TRIGGER pledge_rollup_{name}')
    else:
        op.execute('DROP TRIGGER pledge_rollup_article_delete ON article')
        op.execute('DROP TRIGGER pledge_rollup_update ON pledge')
        op.execute('DROP TRIGGER pledge_rollup_write ON pledge')
        op.execute('DROP FUNCTION pledge_rollup_article_delete()')
        op.execute('DROP FUNCTION pledge_rollup_apply()')
        op.execute('DROP FUNCTION pledge_rollup_add(pledge, integer)')
    op.drop_table('pledge_rollup')
