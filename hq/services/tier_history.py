"""A member's tier history, derived: HQ stores no table of it.

Every tier change HQ makes is published as a `tier` feed row (hq.storage.unit_of_work.UnitOfWork.set_tier), so the feed is the
history; the members row keeps the last change (`prev_tier`, `tier_changed_at`), which survives a feed
prune. Newest first; each row says from which tier to which, when, and the rolling spend that decided it.
"""

import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import feed, members

LIMIT = 100


def history(conn: Connection, code: str) -> list[dict]:
    member = conn.execute(sa.select(members.c.tier, members.c.prev_tier, members.c.tier_changed_at)
                          .where(members.c.member_code == code)).first()  # fmt: skip
    if member is None:
        return []
    query = (sa.select(feed.c.data, feed.c.created_at).where(feed.c.member_code == code, feed.c.kind == "tier")
             .order_by(feed.c.seq.desc()).limit(LIMIT))  # fmt: skip
    changes = [(json.loads(r.data), r.created_at) for r in conn.execute(query)]
    rows = []
    for i, (data, at) in enumerate(changes):
        before = changes[i + 1][0].get("tier") if i + 1 < len(changes) else None
        rows.append({"at": at, "to": data.get("tier"), "from": before, "spend_cents": data.get("spend_cents")})
    if rows and rows[-1]["from"] is None and len(rows) == 1 and member.prev_tier:
        rows[-1]["from"] = member.prev_tier
    if not rows and member.prev_tier and member.tier_changed_at is not None:  # the feed was pruned
        rows.append({"at": member.tier_changed_at, "to": member.tier, "from": member.prev_tier, "spend_cents": None})
    return rows
