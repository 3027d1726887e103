"""Sync state: the feed cursor, reconciliation runs and the differences they fixed.

Also indexes the ledger by event id: confirming a pushed event and finding the
entries of events still waiting must not scan a ledger of millions of rows.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "reconcile_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.String, nullable=False),
        sa.Column("finished_at", sa.String),
        sa.Column("status", sa.String, nullable=False),  # running, ok, differences, failed
        sa.Column("members", sa.Integer, nullable=False, server_default="0"),
        sa.Column("buckets", sa.Integer, nullable=False, server_default="0"),
        sa.Column("buckets_differing", sa.Integer, nullable=False, server_default="0"),
        sa.Column("members_checked", sa.Integer, nullable=False, server_default="0"),
        sa.Column("differences", sa.Integer, nullable=False, server_default="0"),
        sa.Column("fixed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("error", sa.Text),
    )
    op.create_table(
        "reconcile_differences",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("member_code", sa.String, nullable=False),
        sa.Column("bucket", sa.Integer, nullable=False),
        sa.Column("local_balance", sa.Integer),  # null: the member was missing here
        sa.Column("hq_balance", sa.Integer),  # null: HQ does not know the member
        sa.Column("entries_added", sa.Integer, nullable=False, server_default="0"),
        sa.Column("entries_confirmed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("correction_points", sa.Integer, nullable=False, server_default="0"),
        sa.Column("fixed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("detail", sa.Text),
        sa.Column("at", sa.String, nullable=False),
    )
    op.create_index("ix_reconcile_differences_run", "reconcile_differences", ["run_id"])
    op.create_index("ix_reconcile_differences_member", "reconcile_differences", ["member_code"])
    op.create_index("ix_ledger_event", "ledger", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_ledger_event", "ledger")
    op.drop_table("reconcile_differences")
    op.drop_table("reconcile_runs")
    op.drop_table("sync_state")
