"""Table definitions used by the repositories (the migrations create them)."""

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

settings = Table("settings", metadata, Column("key", String, primary_key=True), Column("value", Text, nullable=False))

counters = Table(
    "counters", metadata, Column("name", String, primary_key=True), Column("value", Integer, nullable=False)
)

members = Table(
    "members",
    metadata,
    Column("member_code", String, primary_key=True),
    Column("phone", String, nullable=False),
    Column("name", String, nullable=False),
    Column("name_key", String, nullable=False),  # casefolded, for prefix search
    Column("birthday", String),
    Column("consent_terms", Integer, nullable=False),
    Column("consent_marketing", Integer, nullable=False),
    Column("tier_code", String, nullable=False),
    Column("enrolled_at", String, nullable=False),
    Column("home_store", String, nullable=False),
    Column("referrer_code", String),
    Column("status", String, nullable=False),
    Column("merged_into", String),
    Column("purchases", Integer, nullable=False, default=0),
    # migration 0007 (pos_app/privacy.py): look-up by keyed phone hash; most members held reduced
    Column("phone_hash", String),
    Column("birth_month", Integer),
    Column("reduced", Integer, nullable=False, default=0),
    Index("ix_members_phone_hash", "phone_hash"),
    Index("ix_members_name_key", "name_key"),
)

# The few full profiles a till holds (its own enrollments HQ has not acknowledged yet).
Index("ix_members_full", members.c.member_code, sqlite_where=members.c.reduced == 0)

ledger = Table(
    "ledger",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entry_id", String, nullable=False, unique=True),
    Column("member_code", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("points", Integer, nullable=False),
    Column("on_date", String, nullable=False),
    Column("expires_on", String),
    Column("ref", String),  # receipt or return number, adjustment reason
    Column("event_id", String),
    Column("confirmed", Integer, nullable=False, default=0),  # 1 once HQ has it
    Index("ix_ledger_member", "member_code", "id", "points"),  # covering: the balance sum (0009)
)

spend = Table(
    "spend",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_code", String, nullable=False),
    Column("on_date", String, nullable=False),
    Column("cents", Integer, nullable=False),
    Column("ref", String),
    Index("ix_spend_member", "member_code", "on_date", "cents"),  # covering: the tier spend sum (0009)
)

sales = Table(
    "sales",
    metadata,
    Column("sale_id", String, primary_key=True),
    Column("receipt_no", String, nullable=False, unique=True),
    Column("member_code", String, nullable=False),
    Column("at", String, nullable=False),
    Column("business_date", String, nullable=False),
    Column("tier_code", String, nullable=False),
    Column("paid_cents", Integer, nullable=False),
    Column("discount_cents", Integer, nullable=False),
    Column("redeem_cents", Integer, nullable=False),
    Column("points_earned", Integer, nullable=False),
    Column("points_redeemed", Integer, nullable=False),
    Column("cashier_id", String),
    Column("body", Text, nullable=False),  # the receipt as JSON
    Column("tender_method", String, nullable=False, server_default="cash"),  # cash | card | other
    Column("received_cents", Integer, nullable=False, server_default="0"),
    Column("change_cents", Integer, nullable=False, server_default="0"),
    Index("ix_sales_date", "business_date"),
)

returns = Table(
    "returns",
    metadata,
    Column("return_id", String, primary_key=True),
    Column("return_no", String, nullable=False, unique=True),
    Column("receipt_no", String),  # null: returned without a receipt
    Column("member_code", String, nullable=False),
    Column("at", String, nullable=False),
    Column("business_date", String, nullable=False),
    Column("refund_cents", Integer, nullable=False),
    Column("supervisor_id", String),
    Column("body", Text, nullable=False),
    Index("ix_returns_receipt", "receipt_no"),
    Index("ix_returns_date", "business_date"),
)

return_lines = Table(
    "return_lines",
    metadata,
    Column("return_id", String, nullable=False),
    Column("receipt_no", String, nullable=False),
    Column("line_index", Integer, nullable=False),
    Column("qty", Integer, nullable=False),
    Index("ix_return_lines_receipt", "receipt_no"),
)

coupons = Table(
    "coupons",
    metadata,
    Column("coupon_id", String, primary_key=True),
    Column("code", Text, nullable=False),
    Column("member_code", String),
    Column("used_ref", String),  # receipt that used it; null while available
    Column("used_at", String),
    Index("ix_coupons_member", "member_code"),
)

# Entries of an event HQ holds for review: in no balance until HQ approves (then the feed brings them).
held_entries = Table(
    "held_entries",
    metadata,
    Column("entry_id", String, primary_key=True),
    Column("event_id", String, nullable=False, index=True),
    Column("review_id", String),
    Column("member_code", String, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("points", Integer, nullable=False),
    Column("on_date", String, nullable=False),
    Column("expires_on", String),
    Column("ref", String),
)

outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True),  # the per-terminal sequence
    Column("event_id", String, nullable=False, unique=True),
    Column("type", String, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("status", String, nullable=False),  # pending, sent, held, rejected
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("sent_at", String),
    Column("server_errors", Integer, nullable=False, default=0),  # 5xx answers; parked after a few
    Column("review_id", String),  # HQ holds the event for review (status held)
    Index("ix_outbox_status", "status", "seq"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String, nullable=False),
    Column("actor", String, nullable=False),
    Column("action", String, nullable=False),
    Column("subject", String),
    Column("details", Text),
)

cashiers = Table(
    "cashiers",
    metadata,
    Column("cashier_id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("role", String, nullable=False),
    Column("pin_hash", String, nullable=False),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", String),
    Column("active", Integer, nullable=False, default=1),
    Column("lockouts", Integer, nullable=False, default=0),  # since the last good PIN: 5 min, 30 min, until unlocked
)

keys = Table(
    "keys",
    metadata,
    Column("key_id", String, primary_key=True),
    Column("public_key", String, nullable=False),  # base64url raw Ed25519
    Column("source", String, nullable=False),  # own, hq, store
    Column("revoked_at", String),  # HQ revoked the terminal holding it
)

rule_sets = Table(
    "rule_sets",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("body", Text, nullable=False),
)

# -- sync (migration 0003) ---------------------------------------------------------------------

# The feed cursor, snapshot progress and the last sync outcome, as name -> text.
sync_state = Table(
    "sync_state", metadata, Column("name", String, primary_key=True), Column("value", Text, nullable=False)
)

Index("ix_ledger_event", ledger.c.event_id)

# -- the day's report (migration 0004) -----------------------------------------------------------

Index("ix_ledger_date", ledger.c.on_date)
Index("ix_members_store_enrolled", members.c.home_store, members.c.enrolled_at)

reconcile_runs = Table(
    "reconcile_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", String, nullable=False),
    Column("finished_at", String),
    Column("status", String, nullable=False),  # running, ok, differences, failed
    Column("members", Integer, nullable=False, default=0),
    Column("buckets", Integer, nullable=False, default=0),
    Column("buckets_differing", Integer, nullable=False, default=0),
    Column("members_checked", Integer, nullable=False, default=0),
    Column("differences", Integer, nullable=False, default=0),
    Column("fixed", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("reported_at", String),  # when HQ took the run's report (migration 0010); null: still to send
)

reconcile_differences = Table(
    "reconcile_differences",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, nullable=False),
    Column("member_code", String, nullable=False),
    Column("bucket", Integer, nullable=False),
    Column("local_balance", Integer),  # null: the member was missing here
    Column("hq_balance", Integer),  # null: HQ does not know the member
    Column("entries_added", Integer, nullable=False, default=0),
    Column("entries_confirmed", Integer, nullable=False, default=0),
    Column("correction_points", Integer, nullable=False, default=0),
    Column("fixed", Integer, nullable=False, default=0),
    Column("detail", Text),
    Column("at", String, nullable=False),
    Index("ix_reconcile_differences_run", "run_id"),
    Index("ix_reconcile_differences_member", "member_code"),
)

# -- privacy (migration 0007) --------------------------------------------------------------------

consents = Table(
    "consents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_code", String, nullable=False),
    Column("kind", String, nullable=False),  # terms | marketing
    Column("granted", Integer, nullable=False),
    Column("notice_version", Integer),
    Column("at", String, nullable=False),
    Column("channel", String, nullable=False),
    Column("place", String, nullable=False),
    Column("recorded_by", String, nullable=False),
    Index("ix_consents_member", "member_code", "id"),
)
