"""The console's terminal review: each till's last contact, clock skew, look-up throttle, revocation and the
events HQ rejected from it (store managers see their own store's)."""

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import rejections, terminals

_t, _r = terminals.c, rejections.c
_COLUMNS = (_t.store_id, _t.terminal_id, _t.last_contact_at, _t.clock_skew_at, _t.clock_skew_events,
            _t.lookups_stopped_at, _t.lookups_stopped, _t.revoked_at)  # fmt: skip


def terminals_with_rejections(conn: Connection, store_id: str | None = None) -> list[dict]:
    rejected = (sa.select(_r.store_id, _r.terminal_id, sa.func.count().label("n"))
                .group_by(_r.store_id, _r.terminal_id).subquery())  # fmt: skip
    query = (
        sa.select(*_COLUMNS, sa.func.coalesce(rejected.c.n, 0).label("rejected"))
        .outerjoin(rejected, sa.and_(rejected.c.store_id == _t.store_id, rejected.c.terminal_id == _t.terminal_id))
        .order_by(_t.store_id, _t.terminal_id)
    )  # fmt: skip
    if store_id is not None:
        query = query.where(_t.store_id == store_id)
    return [dict(x._mapping) for x in conn.execute(query)]


def terminal_with_rejections(conn: Connection, store_id: str, terminal_id: str,
                             limit: int = 200) -> tuple[dict, list[dict]] | None:  # fmt: skip
    """The terminal and its latest rejected events, or None if HQ has no such terminal."""
    row = conn.execute(sa.select(*_COLUMNS).where(_t.store_id == store_id, _t.terminal_id == terminal_id)).first()
    if row is None:
        return None
    events = conn.execute(sa.select(_r.event_id, _r.reason, _r.message, _r.at)
                          .where(_r.store_id == store_id, _r.terminal_id == terminal_id)
                          .order_by(_r.id.desc()).limit(limit))  # fmt: skip
    return dict(row._mapping), [dict(x._mapping) for x in events]
