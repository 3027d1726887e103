"""login_sources: refused console sign-ins counted per client address (a source that keeps failing is blocked)

Revision ID: 0014_a
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_a"
down_revision = "0013"
branch_labels = None
depends_on = None

_STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "login_sources",
        sa.Column("source", sa.String(64), primary_key=True),
        sa.Column("window_start", _STAMP, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("blocked_until", _STAMP),
    )


def downgrade() -> None:
    op.drop_table("login_sources")
