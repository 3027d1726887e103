"""HQ's check of a campaign coupon a till says it used: in its validity window, by its member, within the
per-member limit. A sale is never refused for it (the goods are gone); the member is flagged and the use
listed on the review page for a supervisor, the way a reused coupon is (hq/services/sales.py)."""

import datetime as dt

import sqlalchemy as sa

from hq.storage.schema import coupon_uses

from ..storage.campaigns import campaign_coupons, campaigns
from .campaigns import PREFIX


def problem(conn, pending_uses: list[dict], coupon_id: str, member_code: str, day: dt.date) -> str | None:
    """None if the use is fine; else why HQ holds it: expired | not_yet | wrong_member | over_limit."""
    if not coupon_id.startswith(PREFIX):
        return None
    cc, c = campaign_coupons.c, campaigns.c
    row = conn.execute(sa.select(cc.campaign_id, cc.member_code, c.valid_from, c.valid_until, c.per_member_limit)
                       .join(campaigns, c.id == cc.campaign_id).where(cc.coupon_id == coupon_id)).first()  # fmt: skip
    if row is None:
        return None  # not one of ours (a till-made id that happens to start alike)
    if day > row.valid_until:
        return "expired"
    if day < row.valid_from:
        return "not_yet"
    if row.member_code != member_code:
        return "wrong_member"
    used = conn.execute(sa.select(sa.func.count()).select_from(coupon_uses)
                        .join(campaign_coupons, cc.coupon_id == coupon_uses.c.coupon_id)
                        .where(cc.campaign_id == row.campaign_id, coupon_uses.c.member_code == member_code)).scalar_one()  # fmt: skip
    mine = f"{PREFIX}{row.campaign_id}-"
    used += sum(1 for u in pending_uses if u["coupon_id"].startswith(mine) and u["member_code"] == member_code)
    return "over_limit" if used >= row.per_member_limit else None  # called before this use is recorded
