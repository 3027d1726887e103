"""HQ's corrections of till figures (migration 0010), kept for the review queue.

When HQ recomputes a pushed sale or return and books other figures than the till sent (a tier the
till did not know yet, a promotion it priced differently, or a till that lies), the till is answered
`corrected` and HQ's entries win. A row here keeps what the till said next to what HQ booked, so a
person can see which terminals disagree with HQ and how much, and mark each one looked at.
"""

import sqlalchemy as sa

from hq.storage.schema import BigId, Stamp, metadata

corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, unique=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("store_id", sa.String(40), nullable=False),
    sa.Column("terminal_id", sa.String(40), nullable=False),
    sa.Column("member_code", sa.String(20)),
    sa.Column("till_points", sa.BigInteger, nullable=False),
    sa.Column("hq_points", sa.BigInteger, nullable=False),
    sa.Column("till_spend_cents", sa.BigInteger, nullable=False),
    sa.Column("hq_spend_cents", sa.BigInteger, nullable=False),
    sa.Column("at", Stamp, nullable=False),
    sa.Column("reviewed_by", sa.String(40)),  # None: waiting for a person
    sa.Column("reviewed_at", Stamp),
    sa.Column("note", sa.String(200)),
    sa.Index("ix_corrections_store", "store_id", "id"),
)
