"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('source_name', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('source_url', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("language IN ('ar', 'en')", name=op.f('ck_article_language_allowed')),
    sa.CheckConstraint('length(text) > 0', name=op.f('ck_article_text_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_article_content_hash'))
    )
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_published_on'), ['published_on'], unique=False)

    op.create_table('organization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_ar', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization')),
    sa.UniqueConstraint('name', name=op.f('uq_organization_name'))
    )
    op.create_table('place',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_ar', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place')),
    sa.UniqueConstraint('name', name=op.f('uq_place_name'))
    )
    op.create_table('speaker',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('organization', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("kind IN ('person', 'organization', 'group')", name=op.f('ck_speaker_kind_allowed')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaker')),
    sa.UniqueConstraint('name', name=op.f('uq_speaker_name'))
    )
    with op.batch_alter_table('speaker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_name_en'), ['name_en'], unique=False)

    op.create_table('date_mention',
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('expression', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sa.String(length=10), nullable=True),
    sa.Column('end_value', sa.String(length=10), nullable=True),
    sa.Column('grain', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('relative', sa.Boolean(), nullable=False),
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.CheckConstraint("grain IN ('day', 'week', 'month', 'year', 'range')", name=op.f('ck_date_mention_grain_allowed')),
    sa.CheckConstraint('start >= 0 AND start < "end"', name=op.f('ck_date_mention_span')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_date_mention_article_id_article'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_date_mention'))
    )
    with op.batch_alter_table('date_mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_date_mention_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_date_mention_ends_on'), ['ends_on'], unique=False)
        batch_op.create_index('ix_date_mention_grain_id', ['grain', 'id'], unique=False)
        batch_op.create_index('ix_date_mention_starts_on_id', ['starts_on', 'id'], unique=False)

    op.create_table('organization_mention',
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('start >= 0 AND start < "end"', name=op.f('ck_organization_mention_span')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_organization_mention_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_organization_mention_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_mention'))
    )
    with op.batch_alter_table('organization_mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_mention_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_mention_organization_id'), ['organization_id'], unique=False)

    op.create_table('place_mention',
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint('start >= 0 AND start < "end"', name=op.f('ck_place_mention_span')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_place_mention_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], name=op.f('fk_place_mention_place_id_place'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place_mention'))
    )
    with op.batch_alter_table('place_mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_mention_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_mention_place_id'), ['place_id'], unique=False)

    op.create_table('pledge',
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('donor', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('recipient', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('evidence', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("length(currency) = 3 AND upper(currency) = currency AND substr(currency, 1, 1) BETWEEN 'A' AND 'Z' AND substr(currency, 2, 1) BETWEEN 'A' AND 'Z' AND substr(currency, 3, 1) BETWEEN 'A' AND 'Z'", name=op.f('ck_pledge_currency_iso')),
    sa.CheckConstraint("status IN ('new', 'previously_announced')", name=op.f('ck_pledge_status_allowed')),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_pledge_amount_not_negative')),
    sa.CheckConstraint('start >= 0 AND start < "end"', name=op.f('ck_pledge_span')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_pledge_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['speaker.id'], name=op.f('fk_pledge_speaker_id_speaker'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pledge'))
    )
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.create_index('ix_pledge_amount_id', ['amount', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_pledge_currency_amount_id', ['currency', 'amount', 'id'], unique=False)
        batch_op.create_index('ix_pledge_donor_id', ['donor', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_speaker_id'), ['speaker_id'], unique=False)
        batch_op.create_index('ix_pledge_status_id', ['status', 'id'], unique=False)

    op.create_table('quote',
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('verb', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('gloss_en', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("kind IN ('direct', 'indirect')", name=op.f('ck_quote_kind_allowed')),
    sa.CheckConstraint('start >= 0 AND start < "end"', name=op.f('ck_quote_span')),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_quote_article_id_article'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['speaker.id'], name=op.f('fk_quote_speaker_id_speaker'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote'))
    )
    with op.batch_alter_table('quote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_quote_kind_id', ['kind', 'id'], unique=False)
        batch_op.create_index('ix_quote_speaker_id_id', ['speaker_id', 'id'], unique=False)

    op.create_table('speaker_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=False),
    sa.Column('alias', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['speaker_id'], ['speaker.id'], name=op.f('fk_speaker_alias_speaker_id_speaker'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaker_alias')),
    sa.UniqueConstraint('speaker_id', 'alias', name=op.f('uq_speaker_alias_speaker_id_alias'))
    )
    with op.batch_alter_table('speaker_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_alias_alias'), ['alias'], unique=False)
        batch_op.create_index(batch_op.f('ix_speaker_alias_speaker_id'), ['speaker_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('speaker_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_alias_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_speaker_alias_alias'))

    op.drop_table('speaker_alias')
    with op.batch_alter_table('quote', schema=None) as batch_op:
        batch_op.drop_index('ix_quote_speaker_id_id')
        batch_op.drop_index('ix_quote_kind_id')
        batch_op.drop_index(batch_op.f('ix_quote_article_id'))

    op.drop_table('quote')
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.drop_index('ix_pledge_status_id')
        batch_op.drop_index(batch_op.f('ix_pledge_speaker_id'))
        batch_op.drop_index('ix_pledge_donor_id')
        batch_op.drop_index('ix_pledge_currency_amount_id')
        batch_op.drop_index(batch_op.f('ix_pledge_article_id'))
        batch_op.drop_index('ix_pledge_amount_id')

    op.drop_table('pledge')
    with op.batch_alter_table('place_mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_mention_place_id'))
        batch_op.drop_index(batch_op.f('ix_place_mention_article_id'))

    op.drop_table('place_mention')
    with op.batch_alter_table('organization_mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_mention_organization_id'))
        batch_op.drop_index(batch_op.f('ix_organization_mention_article_id'))

    op.drop_table('organization_mention')
    with op.batch_alter_table('date_mention', schema=None) as batch_op:
        batch_op.drop_index('ix_date_mention_starts_on_id')
        batch_op.drop_index('ix_date_mention_grain_id')
        batch_op.drop_index(batch_op.f('ix_date_mention_ends_on'))
        batch_op.drop_index(batch_op.f('ix_date_mention_article_id'))

    op.drop_table('date_mention')
    with op.batch_alter_table('speaker', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_name_en'))

    op.drop_table('speaker')
    op.drop_table('place')
    op.drop_table('organization')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_published_on'))

    op.drop_table('article')
