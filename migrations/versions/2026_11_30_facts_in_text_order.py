"""facts indexed by article in text order

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30

An article's facts are listed in the order they appear in its text: quotes, pledges and dates by
(start, id), each entity's mentions by (start, end). Indexed by article alone, SQLite read an
article's rows of each kind and then sorted them; indexed by article and then text position, it reads
them in order. Each new index replaces the one it extends, which it serves as well (a filter by
article, the rows a deleted article takes with it), so writes keep as many indexes as before.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> (the index replaced, its columns), (the index replacing it, its columns)
INDEXES = {
    'quote': (('article_id',), ('article_id', 'start', 'id')),
    'pledge': (('article_id',), ('article_id', 'start', 'id')),
    'date_mention': (('article_id',), ('article_id', 'start', 'id')),
    'organization_mention': (
        ('organization_id', 'article_id'),
        ('organization_id', 'article_id', 'start', 'end'),
    ),
    'place_mention': (('place_id', 'article_id'), ('place_id', 'article_id', 'start', 'end')),
}


def _name(table: str, columns: Sequence[str]) -> str:
    return f"ix_{table}_{'_'.join(columns)}"


def upgrade() -> None:
    for table, (old, new) in INDEXES.items():
        op.create_index(_name(table, new), table, list(new), unique=False)
        op.drop_index(_name(table, old), table_name=table)


def downgrade() -> None:
    for table, (old, new) in INDEXES.items():
        op.create_index(_name(table, old), table, list(old), unique=False)
        op.drop_index(_name(table, new), table_name=table)
