"""Scale: chain-wide buying days linked to each member's previous and next one, and cohort months (issue 9).

The dashboard's active members and the summary's buyers grouped a month of member-days per request
(~300 ms at 1,000,000 members) and the cohort chart read six months of them (6.7 s). The two tables
below (hq.services.reports.buyer_days) answer both from an index range without grouping.

Rollups are derived data: this migration empties them, and the next report (or `pos-hq rollup`)
rebuilds every rollup from the ledger and spend in one pass, these two included.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rollup_member_days",
        sa.Column("member_code", sa.String(20), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("purchases", sa.Integer, nullable=False),
        sa.Column("prev_day", sa.Date),
        sa.Column("next_day", sa.Date),
    )
    op.create_index("ix_rollup_member_days_range", "rollup_member_days", ["day", "prev_day", "next_day", "purchases"])
    op.create_table(
        "rollup_cohorts",
        sa.Column("cohort", sa.String(7), primary_key=True),
        sa.Column("home_store", sa.String(40), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("buyers", sa.BigInteger, nullable=False),
    )
    for table in ("rollup_marks", "rollup_holes", "rollup_daily", "rollup_buyers"):
        op.execute(f"DELETE FROM {table}")


def downgrade() -> None:
    op.drop_table("rollup_cohorts")
    op.drop_index("ix_rollup_member_days_range", table_name="rollup_member_days")
    op.drop_table("rollup_member_days")
