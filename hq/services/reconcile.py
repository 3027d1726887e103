"""Nightly reconciliation, HQ side: bucket digests via `loyalty_core.reconcile`.

Only active members are hashed: a merged member's balance is zero and it
resolves to its survivor, so a till compares the survivor instead.
"""

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import members
from loyalty_core.member import ACTIVE
from loyalty_core.reconcile import BUCKETS, BucketHasher

_STREAM = 20_000


def digests(conn: Connection) -> dict[int, str]:
    hasher = BucketHasher(BUCKETS)
    query = sa.select(members.c.member_code, members.c.balance).where(members.c.status == ACTIVE)
    result = conn.execution_options(stream_results=True, yield_per=_STREAM).execute(query)
    for code, balance in result:
        hasher.add(code, int(balance))
    return hasher.digests()


def bucket(conn: Connection, n: int) -> dict[str, int]:
    query = (
        sa.select(members.c.member_code, members.c.balance)
        .where(members.c.bucket == n, members.c.status == ACTIVE)
        .order_by(members.c.member_code)
    )
    return {code: int(balance) for code, balance in conn.execute(query)}
