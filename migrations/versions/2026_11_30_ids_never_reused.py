"""ids are never reused: AUTOINCREMENT on SQLite

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

Without AUTOINCREMENT, SQLite gives a new row the largest id in its table plus one. Deleting the
newest article (or fact) and storing another therefore handed out the deleted ids again, and a
history read under such an id mixed the two. Articles, quotes, pledges and dates are rebuilt with
AUTOINCREMENT, and each table's high-water mark starts above every id its audit trail has seen.
PostgreSQL's sequences never hand out an id twice: there, nothing changes.

SQLite cannot change a key in place, so each table is rebuilt as its documentation describes
(app.services.migrations.rebuild_sqlite_tables).
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from app.services.migrations import rebuild_sqlite_tables, substituted

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table, and the resource its ids are in the audit trail.
TABLES = {'article': 'article', 'quote': 'quote', 'pledge': 'pledge', 'date_mention': 'date'}


def _with_autoincrement(table: str, sql: str) -> str:
    # The key is a table constraint: among the others as created, last after a downgrade.
    key_constraint = rf'CONSTRAINT pk_{table} PRIMARY KEY \(id\)'
    sql = substituted(rf'{key_constraint},\s*|,\s*{key_constraint}(?=\s*\)$)', '', sql)
    key = f'id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,'
    return substituted(r'\bid INTEGER NOT NULL,', key, sql)


def _without_autoincrement(table: str, sql: str) -> str:
    sql = substituted(rf' CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,', ',', sql)
    return substituted(r'\n\)$', f', \n\tCONSTRAINT pk_{table} PRIMARY KEY (id)\n)', sql)


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != 'sqlite':
        return
    rebuild_sqlite_tables(connection, TABLES, _with_autoincrement)
    for table, resource in TABLES.items():
        seen = connection.execute(
            text(
                f'SELECT max(coalesce((SELECT max(id) FROM {table}), 0), '
                'coalesce((SELECT max(resource_id) FROM audit_event WHERE resource = :resource), 0))'
            ),
            {'resource': resource},
        ).scalar_one()
        connection.execute(text('DELETE FROM sqlite_sequence WHERE name = :table'), {'table': table})
        connection.execute(
            text('INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :seen)'),
            {'table': table, 'seen': seen},
        )


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != 'sqlite':
        return
    rebuild_sqlite_tables(connection, TABLES, _without_autoincrement)
    for table in TABLES:
        connection.execute(text('DELETE FROM sqlite_sequence WHERE name = :table'), {'table': table})
