"""Stores get a country; every member's phone becomes E.164 ('0922333444' -> '+886922333444').

A phone stored without a country code is read in its home store's country (Taiwan for a
store that has none yet). A value that is not a valid number is kept as it is. Once the
phones are in one form, members enrolled twice with one phone in two formats are found
by the same phone and merged by HQ's usual duplicate handling at the next enrollment.

Revision ID: 0003
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from loyalty_core import phones

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("stores") as batch:
        batch.add_column(sa.Column("country", sa.String(2), nullable=False, server_default="TW"))
    conn = op.get_bind()
    regions = dict(conn.execute(sa.text("SELECT store_id, country FROM stores")).all())
    last = ""
    while True:
        rows = conn.execute(
            sa.text("SELECT member_code, phone, home_store FROM members WHERE member_code > :last "
                    "AND phone NOT LIKE '+%' ORDER BY member_code LIMIT :n"),  # fmt: skip
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        changed = []
        for code, phone, store in rows:
            e164 = phones.normalize_stored(phone, regions.get(store) or phones.DEFAULT_REGION)
            if e164 != phone:
                changed.append({"c": code, "p": e164})
        if changed:
            conn.execute(sa.text("UPDATE members SET phone = :p WHERE member_code = :c"), changed)
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("stores") as batch:
        batch.drop_column("country")
