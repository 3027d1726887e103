"""Scale: the summary's member counts read partial indexes of the members it counts (issue 9).

`members_total` and `members_new` count members who are not merged, by enrollment day, chain-wide or
for one home store. At 1,000,000 members the chain-wide count was a parallel sequential scan (178 ms
p50) and a store's count the same scan (no index on home_store). Partial indexes of the live members
(`status <> 'merged'`) serve both: 28 ms chain-wide and under 1 ms for a store on the benchmark's
database after VACUUM (index-only scans).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_LIVE = sa.text("status <> 'merged'")


def upgrade() -> None:
    op.create_index("ix_members_live_enrolled", "members", ["enrolled_at"], postgresql_where=_LIVE, sqlite_where=_LIVE)
    op.create_index("ix_members_live_home", "members", ["home_store", "enrolled_at"], postgresql_where=_LIVE,
                    sqlite_where=_LIVE)  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_members_live_home", table_name="members")
    op.drop_index("ix_members_live_enrolled", table_name="members")
