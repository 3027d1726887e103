"""pending referrals (a referral bonus booked once the referee's first purchase clears the return window) and
risk flags (velocity and pattern rules against fraud farming, for the console's risk queue)

Revision ID: 0015_f
Revises: 0014_c
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_f"
down_revision = "0014_c"
branch_labels = None
depends_on = None

_STAMP = sa.DateTime(timezone=True)
_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "pending_referrals",
        sa.Column("referee_code", sa.String(20), primary_key=True),
        sa.Column("referrer_code", sa.String(20), nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("receipt_no", sa.String(80), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("store_id", sa.String(40), nullable=False),
        sa.Column("sold_on", sa.Date, nullable=False),
        sa.Column("clears_on", sa.Date, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("why", sa.String(80)),
        sa.Column("created_at", _STAMP, nullable=False),
        sa.Column("decided_at", _STAMP),
    )
    op.create_index("ix_pending_referrals_status", "pending_referrals", ["status", "clears_on"])
    op.create_index("ix_pending_referrals_referrer", "pending_referrals", ["referrer_code"])
    op.create_index("ix_pending_referrals_receipt", "pending_referrals", ["receipt_no"])
    op.create_table(
        "risk_flags",
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("store_id", sa.String(40), nullable=False),
        sa.Column("terminal_id", sa.String(40)),
        sa.Column("cashier_id", sa.String(80)),
        sa.Column("member_code", sa.String(20)),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("at", _STAMP, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("decided_by", sa.String(80)),
        sa.Column("decided_at", _STAMP),
        sa.Column("note", sa.String(300)),
    )
    op.create_index("ix_risk_flags_status", "risk_flags", ["status", "store_id", "id"])
    op.create_index("ix_risk_flags_member", "risk_flags", ["member_code", "kind"])


def downgrade() -> None:
    op.drop_table("risk_flags")
    op.drop_table("pending_referrals")
