"""Minimum data on a till (and consent on record): members are found by a keyed hash of the phone, most are held reduced.

`phone_hash` (HMAC of the normalized phone under the chain's look-up key) replaces the phone as
the look-up column; `reduced` = 1 marks a member held in the form of loyalty_core.personal_data
(masked name and phone in `name` / `phone`, `birthday` NULL, `birth_month` only). A partial index
finds the few full profiles (this till's enrollments HQ has not acknowledged yet).

Existing rows are hashed and reduced by pos_app.privacy.settle once the till has its key.

Revision ID: 0007
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("members", sa.Column("phone_hash", sa.String))
    op.add_column("members", sa.Column("birth_month", sa.Integer))
    op.add_column("members", sa.Column("reduced", sa.Integer, nullable=False, server_default="0"))
    op.drop_index("ix_members_phone", "members")
    op.create_index("ix_members_phone_hash", "members", ["phone_hash"])
    op.create_index("ix_members_full", "members", ["member_code"], sqlite_where=sa.text("reduced = 0"))
    op.create_table(  # consent on record (loyalty_core/consent.py)
        "consents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_code", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("granted", sa.Integer, nullable=False),
        sa.Column("notice_version", sa.Integer),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("channel", sa.String, nullable=False),
        sa.Column("place", sa.String, nullable=False),
        sa.Column("recorded_by", sa.String, nullable=False),
    )
    op.create_index("ix_consents_member", "consents", ["member_code", "id"])


def downgrade() -> None:
    op.drop_table("consents")
    op.drop_index("ix_members_full", "members")
    op.drop_index("ix_members_phone_hash", "members")
    op.create_index("ix_members_phone", "members", ["phone"])
    with op.batch_alter_table("members") as batch:
        batch.drop_column("reduced")
        batch.drop_column("birth_month")
        batch.drop_column("phone_hash")
