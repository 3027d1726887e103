"""How each sale was paid: method (cash / card / other), cash received and change.

Sales confirmed before this revision were not asked; they count as exact cash (the CLI's
default too), so the drawer's expected cash stays what it was.

Revision ID: 0006
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("tender_method", sa.String, nullable=False, server_default="cash"))
        batch.add_column(sa.Column("received_cents", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("change_cents", sa.Integer, nullable=False, server_default="0"))
    op.execute("UPDATE sales SET received_cents = paid_cents")


def downgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("change_cents")
        batch.drop_column("received_cents")
        batch.drop_column("tender_method")
