"""review queues: tills' nightly reconciliation reports and notes on overdrafts

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reconcile_reports",
        sa.Column("id", _BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("store_id", sa.String(40), nullable=False),
        sa.Column("terminal_id", sa.String(40), nullable=False),
        sa.Column("run_id", sa.BigInteger, nullable=False),
        sa.Column("started_at", _STAMP, nullable=False),
        sa.Column("finished_at", _STAMP),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("members", sa.BigInteger, nullable=False),
        sa.Column("buckets_differing", sa.Integer, nullable=False),
        sa.Column("differences", sa.Integer, nullable=False),
        sa.Column("fixed", sa.Integer, nullable=False),
        sa.Column("error", sa.String(200)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("received_at", _STAMP, nullable=False),
        sa.Column("reviewed_by", sa.String(40)),
        sa.Column("reviewed_at", _STAMP),
        sa.Column("note", sa.String(200)),
        sa.UniqueConstraint("store_id", "terminal_id", "run_id", name="uq_reconcile_reports_run"),
    )
    op.create_index("ix_reconcile_reports_store", "reconcile_reports", ["store_id", "id"])
    op.create_table(
        "overdraft_notes",
        sa.Column("id", _BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("member_code", sa.String(20), nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("collected_cents", sa.BigInteger),
        sa.Column("by", sa.String(40), nullable=False),
        sa.Column("at", _STAMP, nullable=False),
    )
    op.create_index("ix_overdraft_notes_member", "overdraft_notes", ["member_code", "id"])


def downgrade() -> None:
    op.drop_index("ix_overdraft_notes_member", table_name="overdraft_notes")
    op.drop_table("overdraft_notes")
    op.drop_index("ix_reconcile_reports_store", table_name="reconcile_reports")
    op.drop_table("reconcile_reports")
