"""campaigns: HQ-issued coupons with budgets, and HQ's coupon signing key

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", _BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("min_spend_cents", sa.BigInteger, nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("valid_until", sa.Date, nullable=False),
        sa.Column("per_member_limit", sa.Integer, nullable=False),
        sa.Column("budget_cents", sa.BigInteger, nullable=False),
        sa.Column("budget_count", sa.Integer, nullable=False),
        sa.Column("issued_count", sa.Integer, nullable=False),
        sa.Column("issued_cents", sa.BigInteger, nullable=False),
        sa.Column("audience", sa.String(60), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", _STAMP, nullable=False),
    )
    op.create_table(
        "campaign_coupons",
        sa.Column("coupon_id", sa.String(80), primary_key=True),
        sa.Column("campaign_id", sa.BigInteger, nullable=False),
        sa.Column("member_code", sa.String(20), nullable=False),
        sa.Column("issued_at", _STAMP, nullable=False),
    )
    op.create_index("ix_campaign_coupons_campaign_id", "campaign_coupons", ["campaign_id"])
    op.create_index("ix_campaign_coupons_member", "campaign_coupons", ["campaign_id", "member_code"])
    op.create_table(
        "hq_coupon_keys",
        sa.Column("key_id", sa.String(40), primary_key=True),
        sa.Column("private_key", sa.Text, nullable=False),
        sa.Column("public_key", sa.Text, nullable=False),
        sa.Column("created_at", _STAMP, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("hq_coupon_keys")
    op.drop_index("ix_campaign_coupons_member", table_name="campaign_coupons")
    op.drop_index("ix_campaign_coupons_campaign_id", table_name="campaign_coupons")
    op.drop_table("campaign_coupons")
    op.drop_table("campaigns")
