"""store keys belong to the terminal that registered them, and can be revoked

A terminal registers one key, once; revoking the terminal (or rotating its key)
sets `revoked_at`, and the `store_key` feed row tells every till. Keys an
operator added with `pos-hq store add --public-key` have no terminal.

Revision ID: 0006
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("store_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("terminal_id", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_store_keys_terminal", ["store_id", "terminal_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("store_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_store_keys_terminal")
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("terminal_id")
