"""redeem codes: one-time codes HQ sends to a member to allow a redemption above the threshold when the
till found the member by a typed phone or code (hq/services/redeem_codes.py)

Revision ID: 0015_g
Revises: 0014_c
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_g"
down_revision = "0015_i"
branch_labels = None
depends_on = None

_STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "redeem_codes",
        sa.Column("otp_id", sa.String(40), primary_key=True),
        sa.Column("member_code", sa.String(20), nullable=False),
        sa.Column("store_id", sa.String(40), nullable=False),
        sa.Column("terminal_id", sa.String(40), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("salt", sa.String(32), nullable=False),
        sa.Column("created_at", _STAMP, nullable=False),
        sa.Column("expires_at", _STAMP, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("verified_at", _STAMP),
        sa.Column("used_by", sa.String(64)),
    )


def downgrade() -> None:
    op.drop_table("redeem_codes")
