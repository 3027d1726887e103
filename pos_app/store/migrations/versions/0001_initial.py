"""Members, ledger, sales, returns, coupons and the outbox.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("settings", sa.Column("key", sa.String, primary_key=True), sa.Column("value", sa.Text, nullable=False))
    op.create_table("counters", sa.Column("name", sa.String, primary_key=True), sa.Column("value", sa.Integer, nullable=False))
    op.create_table(
        "members",
        sa.Column("member_code", sa.String, primary_key=True),
        sa.Column("phone", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("name_key", sa.String, nullable=False),
        sa.Column("birthday", sa.String),
        sa.Column("consent_terms", sa.Integer, nullable=False),
        sa.Column("consent_marketing", sa.Integer, nullable=False),
        sa.Column("tier_code", sa.String, nullable=False),
        sa.Column("enrolled_at", sa.String, nullable=False),
        sa.Column("home_store", sa.String, nullable=False),
        sa.Column("referrer_code", sa.String),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("merged_into", sa.String),
        sa.Column("purchases", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_members_phone", "members", ["phone"])
    op.create_index("ix_members_name_key", "members", ["name_key"])
    op.create_table(
        "ledger",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.String, nullable=False, unique=True),
        sa.Column("member_code", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("on_date", sa.String, nullable=False),
        sa.Column("expires_on", sa.String),
        sa.Column("ref", sa.String),
        sa.Column("event_id", sa.String),
        sa.Column("confirmed", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_ledger_member", "ledger", ["member_code", "id"])
    op.create_table(
        "spend",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_code", sa.String, nullable=False),
        sa.Column("on_date", sa.String, nullable=False),
        sa.Column("cents", sa.Integer, nullable=False),
        sa.Column("ref", sa.String),
    )
    op.create_index("ix_spend_member", "spend", ["member_code", "on_date"])
    op.create_table(
        "sales",
        sa.Column("sale_id", sa.String, primary_key=True),
        sa.Column("receipt_no", sa.String, nullable=False, unique=True),
        sa.Column("member_code", sa.String, nullable=False),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("business_date", sa.String, nullable=False),
        sa.Column("tier_code", sa.String, nullable=False),
        sa.Column("paid_cents", sa.Integer, nullable=False),
        sa.Column("discount_cents", sa.Integer, nullable=False),
        sa.Column("redeem_cents", sa.Integer, nullable=False),
        sa.Column("points_earned", sa.Integer, nullable=False),
        sa.Column("points_redeemed", sa.Integer, nullable=False),
        sa.Column("cashier_id", sa.String),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_sales_date", "sales", ["business_date"])
    op.create_table(
        "returns",
        sa.Column("return_id", sa.String, primary_key=True),
        sa.Column("return_no", sa.String, nullable=False, unique=True),
        sa.Column("receipt_no", sa.String),
        sa.Column("member_code", sa.String, nullable=False),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("business_date", sa.String, nullable=False),
        sa.Column("refund_cents", sa.Integer, nullable=False),
        sa.Column("supervisor_id", sa.String),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_returns_receipt", "returns", ["receipt_no"])
    op.create_index("ix_returns_date", "returns", ["business_date"])
    op.create_table(
        "return_lines",
        sa.Column("return_id", sa.String, nullable=False),
        sa.Column("receipt_no", sa.String, nullable=False),
        sa.Column("line_index", sa.Integer, nullable=False),
        sa.Column("qty", sa.Integer, nullable=False),
    )
    op.create_index("ix_return_lines_receipt", "return_lines", ["receipt_no"])
    op.create_table(
        "coupons",
        sa.Column("coupon_id", sa.String, primary_key=True),
        sa.Column("code", sa.Text, nullable=False),
        sa.Column("member_code", sa.String),
        sa.Column("used_ref", sa.String),
        sa.Column("used_at", sa.String),
    )
    op.create_index("ix_coupons_member", "coupons", ["member_code"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String, nullable=False, unique=True),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("sent_at", sa.String),
    )
    op.create_index("ix_outbox_status", "outbox", ["status", "seq"])
    op.create_table(
        "keys",
        sa.Column("key_id", sa.String, primary_key=True),
        sa.Column("public_key", sa.String, nullable=False),
        sa.Column("source", sa.String, nullable=False),
    )
    op.create_table("rule_sets", sa.Column("version", sa.Integer, primary_key=True), sa.Column("body", sa.Text, nullable=False))


def downgrade() -> None:
    for table in ("rule_sets", "keys", "outbox", "coupons", "return_lines", "returns", "sales", "spend", "ledger", "members", "counters", "settings"):
        op.drop_table(table)
