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


def _trgm_schema(bind: sa.engine.Connection) -> str | None:
    """The schema pg_trgm lives in (created in `public` if it is not there yet), or None without it.

    The operator class is named with that schema: HQ's tables may live in another schema (one per
    test, or a chain's own), where an unqualified `gin_trgm_ops` is not visible."""
    try:
        with bind.begin_nested():  # a savepoint: a refused CREATE EXTENSION must not abort the upgrade
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    except sa.exc.DBAPIError:
        pass
    return bind.execute(sa.text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'pg_trgm'"
    )).scalar()  # fmt: skip


def upgrade() -> None:
    bind = op.get_bind()
    schema = _trgm_schema(bind) if bind.dialect.name == "postgresql" else None
    if schema is None:
        return
    op.execute(f'CREATE INDEX IF NOT EXISTS {INDEX} ON members USING gin (name "{schema}".gin_trgm_ops)')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
