"""mentions indexed by entity and article

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

An article's facts read each entity's mentions in that article. Indexed by the entity alone, that
read every mention of the entity, tens of thousands for a country named in many articles; indexed by
entity and article, it reads that article's alone. The new index serves every read the old one did.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MENTIONS = {'organization_mention': 'organization_id', 'place_mention': 'place_id'}


def upgrade() -> None:
    for table, entity in MENTIONS.items():
        op.create_index(f'ix_{table}_{entity}_article_id', table, [entity, 'article_id'], unique=False)
        op.drop_index(f'ix_{table}_{entity}', table_name=table)


def downgrade() -> None:
    for table, entity in MENTIONS.items():
        op.create_index(f'ix_{table}_{entity}', table, [entity], unique=False)
        op.drop_index(f'ix_{table}_{entity}_article_id', table_name=table)
