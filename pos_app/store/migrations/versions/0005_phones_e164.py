"""Phones in one form: every stored phone becomes E.164 ('0922-333-444' -> '+886922333444').

Before, a phone was stored as typed minus separators, so '0922333444' and '+886922333444'
were two people. Numbers without a country code are read in the store's country (handed in
by store.migrate from config.json; Taiwan if none). A value that is not a valid number is
left as it is: a migration never loses what it cannot read.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import context, op

from loyalty_core import phones

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    region = context.config.attributes.get("phone_region") or phones.DEFAULT_REGION
    conn = op.get_bind()
    last = ""
    while True:
        rows = conn.execute(
            sa.text("SELECT member_code, phone FROM members WHERE member_code > :last AND phone NOT LIKE '+%' "
                    "ORDER BY member_code LIMIT :n"),  # fmt: skip
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        changed = []
        for code, phone in rows:
            e164 = phones.normalize_stored(phone, region)
            if e164 != phone:
                changed.append({"c": code, "p": e164})
        if changed:
            conn.execute(sa.text("UPDATE members SET phone = :p WHERE member_code = :c"), changed)
        last = rows[-1][0]


def downgrade() -> None:
    pass  # the E.164 form is still a phone number the old code can read
