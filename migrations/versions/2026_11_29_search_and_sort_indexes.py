"""search index and sort indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

Articles, quotes and pledges get `search_text`: index terms derived in Python by
app.services.search_text (Arabic spelling folded, clitics peeled, English stemmed), so that both
backends index exactly the same terms. The database keeps its full-text index in step with that
column on every write: SQLite through an FTS5 external-content table and triggers, PostgreSQL
through a generated tsvector column with a GIN index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.services.search_text import search_text

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHED = {
    'article': ('title', 'text'),
    'quote': ('text', 'gloss_en'),
    'pledge': ('donor', 'recipient', 'purpose', 'evidence'),
}


def _sqlite_index(table: str) -> list[str]:
    fts = f'{table}_fts'
    delete = f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
    insert = f'INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text);'
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0')",
        f'CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END',
        f'CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END',
        f'CREATE TRIGGER {fts}_update AFTER UPDATE OF search_text ON {table} BEGIN {delete} {insert} END',
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _postgresql_index(table: str) -> list[str]:
    return [
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
        f'CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)',
    ]


def _backfill(table: str, fields: tuple[str, ...]) -> None:
    connection = op.get_bind()
    source = sa.table(table, sa.column('id'), *(sa.column(field) for field in fields))
    target = sa.table(table, sa.column('id'), sa.column('search_text'))
    rows = connection.execute(sa.select(source)).all()
    for row in rows:
        values = row._mapping
        connection.execute(
            target.update()
            .where(target.c.id == values['id'])
            .values(search_text=search_text(*(values[field] for field in fields)))
        )


def upgrade() -> None:
    for table, fields in SEARCHED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('search_text', sa.Text(), server_default='', nullable=False))
        _backfill(table, fields)

    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index('ix_article_language_id', ['language', 'id'], unique=False)
        batch_op.create_index('ix_article_published_on_id', ['published_on', 'id'], unique=False)

    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in SEARCHED:
        for statement in _sqlite_index(table) if sqlite else _postgresql_index(table):
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in SEARCHED:
        if sqlite:
            for suffix in ('insert', 'delete', 'update'):
                op.execute(f'DROP TRIGGER {table}_fts_{suffix}')
            op.execute(f'DROP TABLE {table}_fts')
        else:
            op.execute(f'DROP INDEX ix_{table}_search_vector')
            op.execute(f'ALTER TABLE {table} DROP COLUMN search_vector')

    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index('ix_article_published_on_id')
        batch_op.drop_index('ix_article_language_id')

    for table in SEARCHED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('search_text')
