"""curated facts, audit trail, API keys and rate-limit counters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('api_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prefix', sa.String(length=16), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_key')),
    sa.UniqueConstraint('key_hash', name=op.f('uq_api_key_key_hash'))
    )
    op.create_table('rate_limit_counter',
    sa.Column('bucket', sa.String(length=80), nullable=False),
    sa.Column('window_start', sa.BigInteger(), nullable=False),
    sa.Column('hits', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('bucket', name=op.f('pk_rate_limit_counter'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resource', sa.String(length=16), nullable=False),
    sa.Column('resource_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('happened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.CheckConstraint("action IN ('update', 'delete')", name=op.f('ck_audit_event_action_allowed')),
    sa.CheckConstraint("resource IN ('article', 'speaker', 'quote', 'pledge', 'date')", name=op.f('ck_audit_event_resource_allowed')),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_key.id'], name=op.f('fk_audit_event_api_key_id_api_key'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_api_key_id'), ['api_key_id'], unique=False)
        batch_op.create_index('ix_audit_event_resource_resource_id_id', ['resource', 'resource_id', 'id'], unique=False)

    # Plain ALTER TABLE ... ADD COLUMN: a batch copy of a table would drop its search triggers.
    op.add_column('date_mention', sa.Column('curated', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('pledge', sa.Column('curated', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('quote', sa.Column('curated', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('speaker', sa.Column('curated', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN, for the same reason.
    op.drop_column('speaker', 'curated')
    op.drop_column('quote', 'curated')
    op.drop_column('pledge', 'curated')
    op.drop_column('date_mention', 'curated')

    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_resource_resource_id_id')
        batch_op.drop_index(batch_op.f('ix_audit_event_api_key_id'))

    op.drop_table('audit_event')
    op.drop_table('rate_limit_counter')
    op.drop_table('api_key')
