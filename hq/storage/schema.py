"""The HQ tables (SQLAlchemy Core), shared by every module and by Alembic.

Points and cents are BIGINT: a ledger must never overflow. Business dates (`on_date`, `expires_on`) are
DATE; the till's own timestamps are kept as the ISO text it sent (its clock is shown, never trusted for order).
"""

import sqlalchemy as sa

metadata = sa.MetaData()

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite auto-increments only INTEGER keys
Stamp = sa.DateTime(timezone=True)

stores = sa.Table(
    "stores",
    metadata,
    sa.Column("store_id", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    # TW, CN, HK: phones its tills send without a country code are read in it
    sa.Column("country", sa.String(2), nullable=False, server_default="TW"),
)

store_keys = sa.Table(
    "store_keys",
    metadata,
    sa.Column("key_id", sa.String(64), primary_key=True),
    sa.Column("store_id", sa.String(40), sa.ForeignKey("stores.store_id"), nullable=False),
    sa.Column("public_key", sa.String(64), nullable=False),  # base64url, 32 raw bytes
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("terminal_id", sa.String(40)),  # the terminal that registered it (none: an operator added it)
    sa.Column("revoked_at", Stamp),  # the terminal was revoked or its key rotated: tills stop trusting it
    sa.Index("ix_store_keys_terminal", "store_id", "terminal_id"),
)

terminals = sa.Table(
    "terminals",
    metadata,
    sa.Column("store_id", sa.String(40), sa.ForeignKey("stores.store_id"), primary_key=True),
    sa.Column("terminal_id", sa.String(40), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("revoked_at", Stamp),
    sa.Column("last_contact_at", Stamp),  # HQ's time of its last push
    sa.Column("clock_skew_at", Stamp),  # HQ's time of the last event dated impossibly (see hq.services.apply)
    sa.Column("clock_skew_events", sa.Integer, nullable=False, server_default="0"),
    # HQ's time of the last minute this terminal's token was stopped for too many member look-ups, and how many
    # such minutes (hq.services.member_reads; migration 0014_b)
    sa.Column("lookups_stopped_at", Stamp),
    sa.Column("lookups_stopped", sa.Integer, nullable=False, server_default="0"),
)

channels = sa.Table(
    "channels",
    metadata,
    sa.Column("channel", sa.String(40), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("revoked_at", Stamp),
)

_LIVE = sa.text("status <> 'merged'")
members = sa.Table(
    "members",
    metadata,
    sa.Column("member_code", sa.String(20), primary_key=True),
    sa.Column("phone", sa.String(20), nullable=False, index=True),
    sa.Column("name", sa.String(80), nullable=False),
    sa.Column("birthday", sa.Date),
    sa.Column("consent_terms", sa.Boolean, nullable=False),
    sa.Column("consent_marketing", sa.Boolean, nullable=False),
    sa.Column("tier", sa.String(20), nullable=False),
    sa.Column("enrolled_at", sa.String(40), nullable=False),
    sa.Column("home_store", sa.String(40), nullable=False),
    sa.Column("referrer_code", sa.String(20)),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("merged_into", sa.String(20), index=True),
    # A cache of sum(ledger.points), kept in the same transaction as the ledger.
    sa.Column("balance", sa.BigInteger, nullable=False),
    sa.Column("flags", sa.String(200), nullable=False),  # comma separated, sorted
    sa.Column("first_sale_on", sa.Date),
    sa.Column("bucket", sa.Integer, nullable=False, index=True),  # reconcile.bucket_of(member_code)
    sa.Column("reviewed_year", sa.Integer),  # last yearly tier review that saw this member
    # The tier before the last change and when it changed: an offline till may still price with it.
    sa.Column("prev_tier", sa.String(20)),
    sa.Column("tier_changed_at", Stamp),
    sa.Column("created_at", Stamp, nullable=False),
    # Members as the reports count them (merged ones are counted as their survivor): migration 0011.
    sa.Index("ix_members_live_enrolled", "enrolled_at", postgresql_where=_LIVE, sqlite_where=_LIVE),
    sa.Index("ix_members_live_home", "home_store", "enrolled_at", postgresql_where=_LIVE, sqlite_where=_LIVE),
    postgresql_with={"fillfactor": 70},  # room to update a balance in place (a HOT update, no index writes)
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(64), primary_key=True),  # the unique key that never expires
    sa.Column("body_hash", sa.String(64), nullable=False),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("terminal_id", sa.String(40), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("occurred_at", sa.String(40), nullable=False),
    sa.Column("received_at", Stamp, nullable=False),
    sa.Column("body", sa.Text, nullable=False),  # the canonical JSON that was hashed
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("terminal_id", sa.String(40), nullable=False),
    sa.Column("reason", sa.String(40), nullable=False),
    sa.Column("message", sa.String(300), nullable=False),
    sa.Column("at", Stamp, nullable=False),
)

ledger = sa.Table(
    "ledger",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),  # ledger order = HQ arrival order
    sa.Column("entry_id", sa.String(160), nullable=False, unique=True),  # till ids <= 64; HQ-made ones longer
    # No foreign key on the hot tables: a per-row FK check (and the row lock it takes) would
    # cost a third of a push; entries are only ever booked for members HQ has loaded and locked.
    sa.Column("member_code", sa.String(20), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("points", sa.BigInteger, nullable=False),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("expires_on", sa.Date),  # the nightly expiry scans; an index would slow every push
    sa.Column("event_id", sa.String(160), nullable=False),
    sa.Index("ix_ledger_member_order", "member_code", "id"),
    # The member page's pages by date and running balance, from the index alone (migration 0014_e).
    sa.Index("ix_ledger_member_day", "member_code", "on_date", "id", "points"),
)

spend = sa.Table(
    "spend",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("member_code", sa.String(20), nullable=False),  # no FK: see ledger
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("cents", sa.BigInteger, nullable=False),
    sa.Column("source", sa.String(160), nullable=False),
    sa.Index("ix_spend_member_day", "member_code", "on_date"),
)

coupons = sa.Table(
    "coupons",
    metadata,
    sa.Column("coupon_id", sa.String(80), primary_key=True),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("member_code", sa.String(20)),
    sa.Column("issued_by", sa.String(40), nullable=False),
    sa.Column("event_id", sa.String(80), nullable=False),
)

coupon_uses = sa.Table(
    "coupon_uses",
    metadata,
    sa.Column("coupon_id", sa.String(80), primary_key=True),  # consumed once chain-wide
    sa.Column("event_id", sa.String(80), nullable=False),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("member_code", sa.String(20)),
    sa.Column("used_at", Stamp, nullable=False),
)

coupon_conflicts = sa.Table(
    "coupon_conflicts",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("coupon_id", sa.String(80), nullable=False, index=True),
    sa.Column("event_id", sa.String(80), nullable=False),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("member_code", sa.String(20)),
    sa.Column("at", Stamp, nullable=False),
)

rules = sa.Table(
    "rules",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("document", sa.Text, nullable=False),
    sa.Column("published_at", Stamp, nullable=False),
)

feed = sa.Table(
    "feed",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),  # see hq.storage.feed
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("member_code", sa.String(20)),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
)

# One row (id = 1): the last feed seq handed out and the retention floor.
feed_counter = sa.Table(
    "feed_counter",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("last_seq", sa.BigInteger, nullable=False),
    sa.Column("floor_seq", sa.BigInteger, nullable=False),
)

online_orders = sa.Table(
    "online_orders",
    metadata,
    sa.Column("channel", sa.String(40), primary_key=True),
    sa.Column("order_id", sa.String(64), primary_key=True),
    sa.Column("body_hash", sa.String(64), nullable=False),
    sa.Column("member_code", sa.String(20), nullable=False),
    sa.Column("lines", sa.Text, nullable=False),  # PricedLine dicts, for returns
    sa.Column("returned", sa.Text, nullable=False),  # {"line index": units back}
    sa.Column("result", sa.Text, nullable=False),  # the answer, replayed on a retry
    sa.Column("created_at", Stamp, nullable=False),
)

online_returns = sa.Table(
    "online_returns",
    metadata,
    sa.Column("channel", sa.String(40), primary_key=True),
    sa.Column("return_id", sa.String(64), primary_key=True),
    sa.Column("order_id", sa.String(64), nullable=False),
    sa.Column("body_hash", sa.String(64), nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
)

# Sales HQ accepted, by receipt number: what returns are checked against (units left per line).
sales = sa.Table(
    "sales",
    metadata,
    sa.Column("receipt_no", sa.String(80), primary_key=True),
    sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("member_code", sa.String(20), nullable=False),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("lines", sa.Text, nullable=False),  # PricedLine dicts as HQ priced them
    sa.Column("returned", sa.Text, nullable=False),  # {"line index": units back}, chain-wide
)

# Adjustments beyond the trust policy: booked only once an HQ operator approves them.
held_adjustments = sa.Table(
    "held_adjustments",
    metadata,
    sa.Column("review_id", BigId, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, unique=True),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("terminal_id", sa.String(40), nullable=False),
    sa.Column("member_code", sa.String(20), nullable=False),
    sa.Column("entry_id", sa.String(160), nullable=False),
    sa.Column("points", sa.BigInteger, nullable=False),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("reason", sa.String(80), nullable=False),
    sa.Column("supervisor_id", sa.String(80), nullable=False),
    sa.Column("why_held", sa.String(200), nullable=False),
    sa.Column("status", sa.String(10), nullable=False, index=True),  # held | approved | rejected
    sa.Column("held_at", Stamp, nullable=False),
    sa.Column("decided_at", Stamp),
    sa.Column("decided_by", sa.String(80)),
    sa.Column("decision_reason", sa.String(300)),
    # adjust | sale (a sale beyond the risk rules: hq/services/risk.py; its body is in `events`)
    sa.Column("kind", sa.String(10), nullable=False, server_default="adjust"),
)

# -- privacy (migration 0005, see hq/storage/privacy.py) -------------------------------------------------

# The chain's look-up key: tills hash a typed phone with it to find a member they hold only in
# reduced form (loyalty_core.personal_data). One row; handed to terminals at provisioning.
lookup_keys = sa.Table(
    "lookup_keys",
    metadata,
    sa.Column("key_id", sa.String(40), primary_key=True),
    sa.Column("secret", sa.String(64), nullable=False),  # base64url, 32 raw bytes
    sa.Column("created_at", Stamp, nullable=False),
)

# Every consent given or withdrawn (loyalty_core/consent.py), wherever it was recorded.
consents = sa.Table(
    "consents",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("member_code", sa.String(20), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("granted", sa.Boolean, nullable=False),
    sa.Column("notice_version", sa.Integer),
    sa.Column("at", sa.String(40), nullable=False),  # as the recording side saw it (a till's clock is shown)
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("place", sa.String(90), nullable=False),
    sa.Column("recorded_by", sa.String(40), nullable=False),
    sa.Column("event_id", sa.String(80)),  # the till event that carried it, if any
    sa.Column("received_at", Stamp, nullable=False),
)

# -- the operators' console (hq.services.operators, hq.services.reports) -------------------------------------------

operators = sa.Table(
    "operators",
    metadata,
    sa.Column("username", sa.String(40), primary_key=True),
    sa.Column("password_hash", sa.String(200), nullable=False),  # argon2id
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("store_id", sa.String(40)),  # a store manager's one store
    sa.Column("failed_logins", sa.Integer, nullable=False),
    sa.Column("locked_until", Stamp),
    sa.Column("report_token_hash", sa.String(64), unique=True),  # SHA-256 of the BI token; the token is shown once
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("disabled_at", Stamp),
)

operator_sessions = sa.Table(
    "operator_sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # SHA-256 of the cookie value
    sa.Column("username", sa.String(40), nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("last_seen_at", Stamp, nullable=False),
)

# Refused console sign-ins per client address (hq/services/operators/throttle.py), counted on HQ's clock.
login_sources = sa.Table(
    "login_sources",
    metadata,
    sa.Column("source", sa.String(64), primary_key=True),
    sa.Column("window_start", Stamp, nullable=False),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("blocked_until", Stamp),
)

# The audit log (hq/services/audit_chain.py): the console's columns (hq/services/operators/audit.py on its branch)
# plus the hash chain that makes it tamper-evident. Both write through audit_chain.record.
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=False),  # gap-free: the chain's order
    sa.Column("at", Stamp, nullable=False),
    sa.Column("username", sa.String(40), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("target", sa.String(120), nullable=False),
    sa.Column("before", sa.Text, nullable=False),  # JSON
    sa.Column("after", sa.Text, nullable=False),  # JSON
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("chain_hash", sa.String(64), nullable=False),
    # The console's filters and the member page's adjustment reasons (migration 0014_e).
    sa.Index("ix_audit_log_target", "target"),
    sa.Index("ix_audit_log_username", "username", "id"),
    sa.Index("ix_audit_log_action", "action", "id"),
    sa.Index("ix_audit_log_at", "at"),
)

# Where the chain starts after old entries were pruned (kept 5 years): the last pruned hash.
audit_anchors = sa.Table(
    "audit_anchors",
    metadata,
    sa.Column("through_id", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("last_hash", sa.String(64), nullable=False),
    sa.Column("at", Stamp, nullable=False),
)

# Daily rollups, kept by hq.services.reports.rollup from ledger/spend id high-water marks.
rollup_marks = sa.Table(
    "rollup_marks",
    metadata,
    sa.Column("source", sa.String(20), primary_key=True),  # "ledger" or "spend"
    sa.Column("mark", sa.BigInteger, nullable=False),
)

rollup_holes = sa.Table(  # ids below a mark not yet visible (a PostgreSQL transaction still in flight)
    "rollup_holes",
    metadata,
    sa.Column("source", sa.String(20), primary_key=True),
    sa.Column("row_id", sa.BigInteger, primary_key=True),
    sa.Column("seen_at", Stamp, nullable=False),
)

rollup_daily = sa.Table(
    "rollup_daily",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("store_id", sa.String(40), primary_key=True),  # "" = HQ itself (expiry, online, merges)
    sa.Column("points_issued", sa.BigInteger, nullable=False),
    sa.Column("points_redeemed", sa.BigInteger, nullable=False),
    sa.Column("points_expired", sa.BigInteger, nullable=False),
    sa.Column("points_net", sa.BigInteger, nullable=False),  # every entry, so outstanding = running sum
    sa.Column("sales_count", sa.BigInteger, nullable=False),
    sa.Column("sales_cents", sa.BigInteger, nullable=False),  # paid, net of returns
)

# The reports count members by enrollment day (hq.services.reports.summary) without reading every member.
sa.Index("ix_members_enrolled_at", members.c.enrolled_at)

rollup_buyers = sa.Table(  # one row per member per day with a purchase: active and repurchase counts
    "rollup_buyers",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("store_id", sa.String(40), primary_key=True),
    sa.Column("member_code", sa.String(20), primary_key=True),
    sa.Column("purchases", sa.Integer, nullable=False),
    sa.Column("cents", sa.BigInteger, nullable=False),
)

# Chain-wide buying days, each linked to the member's previous and next one (hq.services.reports.buyer_days):
# buyers in a range are the rows whose prev_day is before it, counted from one index without grouping.
rollup_member_days = sa.Table(
    "rollup_member_days",
    metadata,
    sa.Column("member_code", sa.String(20), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("purchases", sa.Integer, nullable=False),
    sa.Column("prev_day", sa.Date),
    sa.Column("next_day", sa.Date),
    sa.Index("ix_rollup_member_days_range", "day", "prev_day", "next_day", "purchases"),
)

rollup_cohorts = sa.Table(  # members of an enrollment month (and home store) who bought in a month
    "rollup_cohorts",
    metadata,
    sa.Column("cohort", sa.String(7), primary_key=True),  # YYYY-MM of enrollment
    sa.Column("home_store", sa.String(40), primary_key=True),
    sa.Column("month", sa.String(7), primary_key=True),  # YYYY-MM of the purchases
    sa.Column("buyers", sa.BigInteger, nullable=False),
)

# -- the program (migration 0008, hq/services/program.py) ---------------------------------------

# The next rules version as marketing edits it: tiers and promotions only; published as in-force + 1.
program_drafts = sa.Table(
    "program_drafts",
    metadata,
    sa.Column("draft_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("base_version", sa.Integer, nullable=False),  # the version in force when it was last saved
    sa.Column("document", sa.Text, nullable=False),  # {"tiers": [...], "promotions": [...]}
    sa.Column("status", sa.String(10), nullable=False, index=True),  # draft | published | discarded
    sa.Column("created_by", sa.String(40), nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("updated_at", Stamp, nullable=False),
    sa.Column("published_version", sa.Integer),
)


# PostgreSQL only, made by migration 0009 outside these definitions: a trigram GIN index for the
# console's member search by part of a name (SQLite has no pg_trgm).
POSTGRES_ONLY_INDEXES = frozenset({"ix_members_name_trgm"})

# -- risk counters (migration 0014_b, hq/storage/counters.py) ------------------------------------

# Limits HQ counts on its own clock, shared by every worker: one row per (scope, subject) holding the
# current window's count and amount; a new window (minute, HQ business day) starts the row again.
risk_counters = sa.Table(
    "risk_counters",
    metadata,
    sa.Column("scope", sa.String(24), primary_key=True),  # member_reads | adjust_store_day | console_adjust_day
    sa.Column("subject", sa.String(120), primary_key=True),  # a terminal, a channel, a store, an operator
    sa.Column("bucket", sa.String(20), nullable=False),  # "2026-11-24T10:05" (a minute) or "2026-11-24" (a day)
    sa.Column("hits", sa.BigInteger, nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False),  # points, for the caps that sum them
    sa.Column("updated_at", Stamp, nullable=False),
)

# A first purchase's referral bonus, waiting out the return window before HQ books it (hq.services.referrals).
pending_referrals = sa.Table(
    "pending_referrals",
    metadata,
    sa.Column("referee_code", sa.String(20), primary_key=True),  # one referral bonus per referee, ever
    sa.Column("referrer_code", sa.String(20), nullable=False),
    sa.Column("points", sa.BigInteger, nullable=False),
    sa.Column("receipt_no", sa.String(80), nullable=False),  # the referee's first purchase
    sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("sold_on", sa.Date, nullable=False),
    sa.Column("clears_on", sa.Date, nullable=False),  # booked by the first release run on or after it
    sa.Column("status", sa.String(10), nullable=False),  # pending | booked | cancelled
    sa.Column("why", sa.String(80)),  # returned | referral_farm | referrer_inactive
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("decided_at", Stamp),
    sa.Index("ix_pending_referrals_status", "status", "clears_on"),
    sa.Index("ix_pending_referrals_referrer", "referrer_code"),
    sa.Index("ix_pending_referrals_receipt", "receipt_no"),
)

# What HQ's velocity and pattern rules saw (hq.services.velocity), for an operator to dismiss or confirm.
risk_flags = sa.Table(
    "risk_flags",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(24), nullable=False),  # enrollments | referral_farm | quick_returns
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("terminal_id", sa.String(40)),
    sa.Column("cashier_id", sa.String(80)),
    sa.Column("member_code", sa.String(20)),
    sa.Column("evidence", sa.Text, nullable=False),  # JSON: the counts, the window, the members / receipts
    sa.Column("at", Stamp, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),  # open | dismissed | confirmed
    sa.Column("decided_by", sa.String(80)),
    sa.Column("decided_at", Stamp),
    sa.Column("note", sa.String(300)),
    sa.Index("ix_risk_flags_status", "status", "store_id", "id"),
    sa.Index("ix_risk_flags_member", "member_code", "kind"),
)

# -- one-time codes for a redemption above the threshold (migration 0015_g, hq/services/redeem_codes.py) --

# One row per code HQ sent: only a salted hash of the code; `otp_id` is the proof a till quotes in its
# sale once the code was verified (`verified_at`), good for one sale (`used_by`: that sale's event id).
redeem_codes = sa.Table(
    "redeem_codes",
    metadata,
    sa.Column("otp_id", sa.String(40), primary_key=True),
    sa.Column("member_code", sa.String(20), nullable=False),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("terminal_id", sa.String(40), nullable=False),
    sa.Column("code_hash", sa.String(64), nullable=False),  # HMAC-SHA256(salt, code), hex
    sa.Column("salt", sa.String(32), nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("expires_at", Stamp, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),  # wrong codes typed so far
    sa.Column("verified_at", Stamp),
    sa.Column("used_by", sa.String(64)),
)
