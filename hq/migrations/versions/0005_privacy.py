"""privacy: the chain's phone look-up key and consent records

Revision ID: 0005
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lookup_keys",
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id"),
    )
    op.create_table(
        "consents",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("member_code", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("notice_version", sa.Integer(), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=90), nullable=False),
        sa.Column("recorded_by", sa.String(length=40), nullable=False),
        sa.Column("event_id", sa.String(length=80), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_consents_member_code", "consents", ["member_code"])
    _audit_chain()


def _audit_chain() -> None:
    """The console's audit_log (its migration 0004) gains the hash chain; without the console it is
    created here with the same columns. Existing entries are linked in id order."""
    inspector = sa.inspect(op.get_bind())
    if "audit_log" not in inspector.get_table_names():
        op.create_table(
            "audit_log",
            sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=False,
                      nullable=False),
            sa.Column("at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("username", sa.String(length=40), nullable=False),
            sa.Column("action", sa.String(length=40), nullable=False),
            sa.Column("target", sa.String(length=120), nullable=False),
            sa.Column("before", sa.Text(), nullable=False),
            sa.Column("after", sa.Text(), nullable=False),
            sa.Column("prev_hash", sa.String(length=64), nullable=False),
            sa.Column("chain_hash", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    else:
        with op.batch_alter_table("audit_log") as batch:
            batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""))
            batch.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=False, server_default=""))
        from hq.services.audit_chain import GENESIS, link

        conn = op.get_bind()
        prev = GENESIS
        rows = conn.execute(sa.text('SELECT id, at, username, action, target, "before", "after" FROM audit_log'
                                    " ORDER BY id")).all()  # fmt: skip
        for r in rows:
            h = link(prev, r.id, r.at, r.username, r.action, r.target, r.before, r.after)
            conn.execute(sa.text("UPDATE audit_log SET prev_hash = :p, chain_hash = :h WHERE id = :i"),
                         {"p": prev, "h": h, "i": r.id})  # fmt: skip
            prev = h
    op.create_table(
        "audit_anchors",
        sa.Column("through_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("through_id"),
    )


def downgrade() -> None:
    op.drop_table("audit_anchors")
    op.drop_table("audit_log")
    op.drop_index("ix_consents_member_code", "consents")
    op.drop_table("consents")
    op.drop_table("lookup_keys")
