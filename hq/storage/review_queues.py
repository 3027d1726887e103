"""Tables of two review queues (migration 0013).

- `reconcile_reports`: what each till found in its nightly reconciliation (hq/services/reconcile_reports.py).
  HQ wins every difference on the till; the report tells a person which stores drift and by how much.
- `overdraft_notes`: what people said and did about an overdrawn member (annotate, recover, write off).
"""

import sqlalchemy as sa

from hq.storage.schema import BigId, Stamp, metadata

reconcile_reports = sa.Table(
    "reconcile_reports",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("terminal_id", sa.String(40), nullable=False),
    sa.Column("run_id", sa.BigInteger, nullable=False),  # the till's own run number: a resent report is one row
    sa.Column("started_at", Stamp, nullable=False),
    sa.Column("finished_at", Stamp),
    sa.Column("status", sa.String(12), nullable=False),  # ok | differences | failed
    sa.Column("members", sa.BigInteger, nullable=False),
    sa.Column("buckets_differing", sa.Integer, nullable=False),
    sa.Column("differences", sa.Integer, nullable=False),
    sa.Column("fixed", sa.Integer, nullable=False),
    sa.Column("error", sa.String(200)),
    sa.Column("detail", sa.Text, nullable=False),  # JSON list of the members that differed (at most 200)
    sa.Column("received_at", Stamp, nullable=False),
    sa.Column("reviewed_by", sa.String(40)),  # None: waiting for a person (when it found differences)
    sa.Column("reviewed_at", Stamp),
    sa.Column("note", sa.String(200)),
    sa.UniqueConstraint("store_id", "terminal_id", "run_id", name="uq_reconcile_reports_run"),
    sa.Index("ix_reconcile_reports_store", "store_id", "id"),
)

overdraft_notes = sa.Table(
    "overdraft_notes",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("member_code", sa.String(20), nullable=False),
    sa.Column("action", sa.String(12), nullable=False),  # note | recover | write_off
    sa.Column("note", sa.String(200), nullable=False),
    sa.Column("points", sa.BigInteger, nullable=False),  # points booked back (0 for a note)
    sa.Column("collected_cents", sa.BigInteger),  # what the member paid back, for a recovery
    sa.Column("by", sa.String(40), nullable=False),
    sa.Column("at", Stamp, nullable=False),
    sa.Index("ix_overdraft_notes_member", "member_code", "id"),
)
