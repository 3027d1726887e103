"""Each reconciliation run remembers when HQ took its report (the console's reconciliation queue).

A run is reported after it finishes, and again at every sync until HQ answers; HQ keeps one row per
run. Runs from before this version are marked as reported: HQ's queue starts with this version.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reconcile_runs") as batch:
        batch.add_column(sa.Column("reported_at", sa.String))
    op.execute("UPDATE reconcile_runs SET reported_at = 'before-0010' WHERE status != 'running'")


def downgrade() -> None:
    with op.batch_alter_table("reconcile_runs") as batch:
        batch.drop_column("reported_at")
