"""Campaign tables (migration 0007) and the few queries the campaign use cases need.

Budgets are counted on the campaign row itself (issued_count, issued_cents), updated in the issuing
transaction, so two operators issuing at once cannot both pass the same remaining budget.
"""

import sqlalchemy as sa

from hq.storage.schema import BigId, Stamp, metadata

campaigns = sa.Table(
    "campaigns",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),  # amount (cents) | percent (basis points)
    sa.Column("value", sa.Integer, nullable=False),
    sa.Column("min_spend_cents", sa.BigInteger, nullable=False),
    sa.Column("valid_from", sa.Date, nullable=False),
    sa.Column("valid_until", sa.Date, nullable=False),
    sa.Column("per_member_limit", sa.Integer, nullable=False),
    sa.Column("budget_cents", sa.BigInteger, nullable=False),
    sa.Column("budget_count", sa.Integer, nullable=False),
    sa.Column("issued_count", sa.Integer, nullable=False),
    sa.Column("issued_cents", sa.BigInteger, nullable=False),
    sa.Column("audience", sa.String(60), nullable=False),  # "segment:<code>" or "list"
    sa.Column("created_by", sa.String(40), nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    # active | paused | stopped (migration 0015_i): only an active campaign issues coupons
    sa.Column("state", sa.String(10), nullable=False, server_default="active"),
)

campaign_coupons = sa.Table(
    "campaign_coupons",
    metadata,
    sa.Column("coupon_id", sa.String(80), primary_key=True),
    sa.Column("campaign_id", sa.BigInteger, nullable=False, index=True),
    sa.Column("member_code", sa.String(20), nullable=False),
    sa.Column("issued_at", Stamp, nullable=False),
    sa.Index("ix_campaign_coupons_member", "campaign_id", "member_code"),
)

# Members a campaign's audience held but who got fewer coupons than the per-member limit, and why:
# a risk flag or an overdraft (none issued), or the budget running out (migration 0015_i).
campaign_left_out = sa.Table(
    "campaign_left_out",
    metadata,
    sa.Column("campaign_id", sa.BigInteger, primary_key=True),
    sa.Column("member_code", sa.String(20), primary_key=True),
    sa.Column("reason", sa.String(20), nullable=False),  # overdraft | coupon_reuse | campaign_coupon | duplicate_phone | budget
    sa.Column("coupons_short", sa.Integer, nullable=False),
)

# HQ's own coupon signing key. Only HQ signs campaign coupons; tills trust its public key as "hq".
hq_coupon_keys = sa.Table(
    "hq_coupon_keys",
    metadata,
    sa.Column("key_id", sa.String(40), primary_key=True),
    sa.Column("private_key", sa.Text, nullable=False),  # raw Ed25519, sealed (hq/storage/sealed.py)
    sa.Column("public_key", sa.Text, nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
)
