"""risk counters: limits HQ counts on its own clock (member reads per token, adjustments per HQ day), and the
terminals' flag for a token stopped for too many member look-ups

Revision ID: 0014_b
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_b"
down_revision = "0014_a"
branch_labels = None
depends_on = None

_STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "risk_counters",
        sa.Column("scope", sa.String(24), primary_key=True),
        sa.Column("subject", sa.String(120), primary_key=True),
        sa.Column("bucket", sa.String(20), nullable=False),
        sa.Column("hits", sa.BigInteger, nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("updated_at", _STAMP, nullable=False),
    )
    with op.batch_alter_table("terminals") as batch:
        batch.add_column(sa.Column("lookups_stopped_at", _STAMP))
        batch.add_column(sa.Column("lookups_stopped", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("terminals") as batch:
        batch.drop_column("lookups_stopped")
        batch.drop_column("lookups_stopped_at")
    op.drop_table("risk_counters")
