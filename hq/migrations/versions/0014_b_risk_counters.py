"""risk counters: limits HQ counts on its own clock (member reads per token, adjustments per HQ day)

Revision ID: 0014_b
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_b"
down_revision = "0013"
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


def downgrade() -> None:
    op.drop_table("risk_counters")
