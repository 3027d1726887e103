"""Scale: a trigram index so the console's search by part of a name uses an index (issue 9).

`member360.search` matches names with `LIKE '%part%'`, which no B-tree can serve: at 100,000
members it was a sequential scan (61.8 ms). On PostgreSQL with the pg_trgm extension a GIN
trigram index serves that LIKE as it is. SQLite has no such index, and a PostgreSQL where the
extension cannot be created (no privilege, not installed) keeps the scan: both are skipped
quietly so the migration never fails for want of an optional speed-up.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEX = "ix_members_name_trgm"


def _has_trgm(bind: sa.engine.Connection) -> bool:
    try:
        with bind.begin_nested():  # a savepoint: a refused CREATE EXTENSION must not abort the upgrade
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        return True
    except sa.exc.DBAPIError:
        return False


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _has_trgm(bind):
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON members USING gin (name gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
