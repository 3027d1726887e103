"""program drafts: the next rules version, edited in the console before it is published

Revision ID: 0008
Revises: 0007 (0006 on the program branch, where 0007 does not exist yet; the integrator re-chains)
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "program_drafts",
        sa.Column("draft_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_version", sa.Integer),
    )
    op.create_index("ix_program_drafts_status", "program_drafts", ["status"])


def downgrade() -> None:
    op.drop_index("ix_program_drafts_status", table_name="program_drafts")
    op.drop_table("program_drafts")
