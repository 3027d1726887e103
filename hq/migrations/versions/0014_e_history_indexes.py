"""The console's histories read a page at a time (issue 23): a member's ledger by date, the audit log by filter.

- `ix_ledger_member_day` (member_code, on_date, id, points): the member page's keyset pages (newest first by
  business date, then ledger id) and the running balance's SUM of the newer entries, both from the index
  alone (points is in it) instead of a sort of the member's whole ledger (169,274 entries took 13 minutes).
- `ix_audit_log_target`: an adjustment's reason on the member page (the member's console adjustments' audit
  entries) and the audit page's filter by store (entries about a store's members).
- `ix_audit_log_username` (username, id), `ix_audit_log_action` (action, id), `ix_audit_log_at`: the audit
  page's filters by who / what / when, each read newest first.

Revision ID: 0014_e
Revises: 0013
"""

from alembic import op

revision = "0014_e"
down_revision = "0014_b"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ledger_member_day", "ledger", ["member_code", "on_date", "id", "points"])
    op.create_index("ix_audit_log_target", "audit_log", ["target"])
    op.create_index("ix_audit_log_username", "audit_log", ["username", "id"])
    op.create_index("ix_audit_log_action", "audit_log", ["action", "id"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_index("ix_audit_log_action", table_name="audit_log")
    op.drop_index("ix_audit_log_username", table_name="audit_log")
    op.drop_index("ix_audit_log_target", table_name="audit_log")
    op.drop_index("ix_ledger_member_day", table_name="ledger")
