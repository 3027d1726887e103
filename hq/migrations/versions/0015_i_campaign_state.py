"""campaign state and left-out members: a campaign can be paused, resumed and stopped, and the members it
left out at issue time (a risk flag, an overdraft, the budget) are kept with the reason

Revision ID: 0015_i
Revises: 0014_c
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_i"
down_revision = "0015_f"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("state", sa.String(10), nullable=False, server_default="active"))
    op.create_table(
        "campaign_left_out",
        sa.Column("campaign_id", sa.BigInteger, primary_key=True),
        sa.Column("member_code", sa.String(20), primary_key=True),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("coupons_short", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("campaign_left_out")
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("state")
