"""corrections: what a till said next to what HQ booked, for the review queue (hq/storage/corrections.py)

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", _BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("store_id", sa.String(40), nullable=False),
        sa.Column("terminal_id", sa.String(40), nullable=False),
        sa.Column("member_code", sa.String(20)),
        sa.Column("till_points", sa.BigInteger, nullable=False),
        sa.Column("hq_points", sa.BigInteger, nullable=False),
        sa.Column("till_spend_cents", sa.BigInteger, nullable=False),
        sa.Column("hq_spend_cents", sa.BigInteger, nullable=False),
        sa.Column("at", _STAMP, nullable=False),
        sa.Column("reviewed_by", sa.String(40)),
        sa.Column("reviewed_at", _STAMP),
        sa.Column("note", sa.String(200)),
    )
    op.create_index("ix_corrections_store", "corrections", ["store_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_corrections_store", table_name="corrections")
    op.drop_table("corrections")
