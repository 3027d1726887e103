"""held sales: the held queue holds sales beyond the risk rules too, not only adjustments

Revision ID: 0014_c
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_c"
down_revision = "0014_e"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("held_adjustments") as batch:
        batch.add_column(sa.Column("kind", sa.String(10), nullable=False, server_default="adjust"))


def downgrade() -> None:
    with op.batch_alter_table("held_adjustments") as batch:
        batch.drop_column("kind")
