"""Indexes for the day's report: the ledger by business date, members by store and enrollment time.

Without them the manager's day summary scans the whole ledger (seconds on a till holding
millions of entries) and every member.

On an existing till with a big database the upgrade builds both indexes once when the app
starts (tens of seconds at 10 million ledger entries).

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ledger_date", "ledger", ["on_date"])
    op.create_index("ix_members_store_enrolled", "members", ["home_store", "enrolled_at"])


def downgrade() -> None:
    op.drop_index("ix_members_store_enrolled", "members")
    op.drop_index("ix_ledger_date", "ledger")
