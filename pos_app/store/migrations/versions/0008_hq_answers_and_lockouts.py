"""HQ's answers beyond applied/rejected, poison events, escalating lockouts, revoked keys.

- outbox.server_errors: how many times HQ answered this event's batch with a 5xx; after
  a few the event is parked (`server_error`) so it cannot block the queue behind it.
- held_entries: the ledger entries of an event HQ holds for review (an adjustment over
  HQ's policy). They count in no balance until HQ approves (their entries then arrive
  through the feed) and are shown as "awaiting HQ approval".
- cashiers.lockouts: how many times a cashier was locked out since the last good PIN
  (5 minutes, then 30, then until a supervisor unlocks).
- keys.revoked_at: HQ revoked the terminal that held this key (a `store_key` feed row).

Revision ID: 0008
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("server_errors", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("review_id", sa.String))
    with op.batch_alter_table("cashiers") as batch:
        batch.add_column(sa.Column("lockouts", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("keys") as batch:
        batch.add_column(sa.Column("revoked_at", sa.String))
    op.create_table(
        "held_entries",
        sa.Column("entry_id", sa.String, primary_key=True),
        sa.Column("event_id", sa.String, nullable=False, index=True),
        sa.Column("review_id", sa.String),
        sa.Column("member_code", sa.String, nullable=False, index=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("on_date", sa.String, nullable=False),
        sa.Column("expires_on", sa.String),
        sa.Column("ref", sa.String),
    )


def downgrade() -> None:
    op.drop_table("held_entries")
    with op.batch_alter_table("keys") as batch:
        batch.drop_column("revoked_at")
    with op.batch_alter_table("cashiers") as batch:
        batch.drop_column("lockouts")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("review_id")
        batch.drop_column("server_errors")
