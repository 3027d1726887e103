"""The console's risk review queue: active members HQ flagged (overdraft, coupon reuse, campaign coupon,
duplicate phone) and coupons used twice, per store for store managers."""

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.members import CAMPAIGN_COUPON, COUPON_REUSE, DUPLICATE_PHONE, OVERDRAFT
from hq.storage.schema import coupon_conflicts, members

FLAGS = (OVERDRAFT, COUPON_REUSE, CAMPAIGN_COUPON, DUPLICATE_PHONE)


def flagged_members(conn: Connection, store_id: str | None, limit: int) -> dict[str, list[dict]]:
    """flag -> up to `limit` active members carrying it (flags are a comma-separated column)."""
    m = members.c
    found = {}
    for flag in FLAGS:
        query = sa.select(m.member_code, m.name, m.phone, m.balance, m.home_store, m.flags).where(
            m.flags.like(f"%{flag}%"), m.status == "active")
        if store_id is not None:
            query = query.where(m.home_store == store_id)
        rows = [dict(r._mapping) for r in conn.execute(query.order_by(m.member_code).limit(limit))]
        found[flag] = [r for r in rows if flag in r["flags"].split(",")]
    return found


def reused_coupons(conn: Connection, store_id: str | None, limit: int) -> list[dict]:
    c = coupon_conflicts.c
    mine = [c.store_id == store_id] if store_id is not None else []
    query = sa.select(c.coupon_id, c.store_id, c.member_code, c.at).where(*mine).order_by(c.id.desc()).limit(limit)
    return [dict(r._mapping) for r in conn.execute(query)]
