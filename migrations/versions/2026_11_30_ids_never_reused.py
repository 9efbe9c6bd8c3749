"""ids are never reused: AUTOINCREMENT on SQLite

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

Without AUTOINCREMENT, SQLite gives a new row the largest id in its table plus one. Deleting the
newest article (or fact) and storing another therefore handed out the deleted ids again, and a
history read under such an id mixed the two. Articles, quotes, pledges and dates are rebuilt with
AUTOINCREMENT, and each table's high-water mark starts above every id its audit trail has seen.
PostgreSQL's sequences never hand out an id twice: there, nothing changes.

SQLite cannot change a key in place, so each table is rebuilt as its documentation describes:
created anew from its own stored definition, copied (ids kept, so the search index still points at
the same rows), dropped and renamed. Triggers and indexes are put back as they were. Foreign keys
are off while migrating (migrations/env.py) and checked before the commit.
"""

import re
from collections.abc import Callable, Sequence

from alembic import op
from sqlalchemy import Connection, text

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table, and the resource its ids are in the audit trail.
TABLES = {'article': 'article', 'quote': 'quote', 'pledge': 'pledge', 'date_mention': 'date'}


def _substituted(pattern: str, replacement: str, sql: str) -> str:
    changed, count = re.subn(pattern, replacement, sql)
    if count != 1:
        raise RuntimeError(f'expected one {pattern!r} in {sql!r}')
    return changed


def _with_autoincrement(table: str, sql: str) -> str:
    # The key is a table constraint: among the others as created, last after a downgrade.
    key_constraint = rf'CONSTRAINT pk_{table} PRIMARY KEY \(id\)'
    sql = _substituted(rf'{key_constraint},\s*|,\s*{key_constraint}(?=\s*\)$)', '', sql)
    key = f'id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,'
    return _substituted(r'\bid INTEGER NOT NULL,', key, sql)


def _without_autoincrement(table: str, sql: str) -> str:
    sql = _substituted(rf' CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,', ',', sql)
    return _substituted(r'\n\)$', f', \n\tCONSTRAINT pk_{table} PRIMARY KEY (id)\n)', sql)


def _rebuild(connection: Connection, rewrite: Callable[[str, str], str]) -> None:
    """Rebuild each of TABLES from its stored definition as `rewrite` (table, sql) changes it."""
    schema = connection.execute(text('SELECT type, name, tbl_name, sql FROM sqlite_master')).all()
    # Every trigger goes while tables are swapped: a trigger naming a dropped table (the pledge
    # totals read article) would make the rename fail.
    triggers = [row.sql for row in schema if row.type == 'trigger']
    for row in schema:
        if row.type == 'trigger':
            op.execute(f'DROP TRIGGER {row.name}')
    for table in TABLES:
        (sql,) = [row.sql for row in schema if row.type == 'table' and row.name == table]
        indexes = [row.sql for row in schema if row.type == 'index' and row.tbl_name == table and row.sql]
        # A renamed table's definition names it in quotes.
        created = _substituted(rf'^CREATE TABLE "?{table}"? \(', f'CREATE TABLE {table}_rebuilt (', sql)
        op.execute(rewrite(table, created))
        op.execute(f'INSERT INTO {table}_rebuilt SELECT * FROM {table}')
        op.execute(f'DROP TABLE {table}')
        op.execute(f'ALTER TABLE {table}_rebuilt RENAME TO {table}')
        for index in indexes:
            op.execute(index)
    for trigger in triggers:
        op.execute(trigger)


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != 'sqlite':
        return
    _rebuild(connection, _with_autoincrement)
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
    _rebuild(connection, _without_autoincrement)
    for table in TABLES:
        connection.execute(text('DELETE FROM sqlite_sequence WHERE name = :table'), {'table': table})
