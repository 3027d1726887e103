"""A member's rights at HQ: a copy of everything, erasure, and "stop processing".

Erasure anonymizes: the name, phone and birthday go from the member row, from every stored event
body (enrollments and profile edits), and from the feed's member rows; the ledger, spend and
coupons stay (the accounts need the amounts; they carry no personal data). The member's status
becomes `closed` and a feed row tells every till, which removes what it held at its next pull.
Codes merged into the member are the same person and are erased with it.

On SQLite the database runs with `secure_delete` (hq/storage/db.py), so the old values are zeroed in the
pages, and `checkpoint` empties the WAL afterwards. On PostgreSQL the rows are updated in place;
`vacuum` reclaims the old row versions.
"""

import datetime as dt
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hq.services import audit_chain, consents, lookup
from hq.storage import db, feed
from hq.storage.members import from_row
from hq.storage.schema import coupon_uses, coupons, events, ledger, members, online_orders, spend
from hq.storage.schema import feed as feed_table
from loyalty_core import events as ev_types
from loyalty_core.errors import DomainError
from loyalty_core.member import CLOSED, STOPPED
from loyalty_core.validation import clean_text

PERSONAL = ("phone", "name", "birthday")
ERASED_NAME = ""
ERASED_PHONE = ""


def _member_row(conn: Connection, code: str):
    row = conn.execute(sa.select(members).where(members.c.member_code == code)).first()
    if row is None:
        raise DomainError("unknown_member", f"No member {code!r}")
    return row


def _codes(conn: Connection, code: str) -> list[str]:
    """The member and every code merged into it."""
    return [code, *lookup.merged_codes(conn, code)]


# -- export ---------------------------------------------------------------------------------------


def export(conn: Connection, code: str, now: dt.datetime, operator: str = "cli") -> dict:
    """Everything HQ holds about the member, as JSON: profile, consents, ledger, sales, coupons.
    Audited: who read a member's data, and when, is part of the usage log."""
    row = _member_row(conn, code)
    audit_chain.record(conn, now, operator, "member.export", row.member_code)
    codes = _codes(conn, row.member_code)
    view = lookup.show(conn, row.member_code, now.astimezone().date()) or {}
    entries = conn.execute(
        sa.select(ledger.c.entry_id, ledger.c.member_code, ledger.c.kind, ledger.c.points, ledger.c.on_date,
                  ledger.c.expires_on, ledger.c.event_id)
        .where(ledger.c.member_code.in_(codes)).order_by(ledger.c.id)
    ).all()  # fmt: skip
    event_ids = {e.event_id for e in entries}
    event_ids |= set(conn.execute(sa.select(spend.c.source).where(spend.c.member_code.in_(codes))).scalars())
    event_ids |= set(conn.execute(sa.select(coupon_uses.c.event_id).where(coupon_uses.c.member_code.in_(codes)))
                     .scalars())  # fmt: skip
    bodies = [json.loads(b) for b in conn.execute(
        sa.select(events.c.body).where(events.c.event_id.in_(sorted(event_ids))).order_by(events.c.received_at)
    ).scalars()] if event_ids else []  # fmt: skip
    sales = [b for b in bodies if b.get("type") in (ev_types.SALE_CONFIRMED, ev_types.SALE_RETURNED)]
    online = conn.execute(
        sa.select(online_orders.c.channel, online_orders.c.order_id, online_orders.c.result,
                  online_orders.c.created_at).where(online_orders.c.member_code.in_(codes))
    ).all()  # fmt: skip
    coupon_rows = conn.execute(
        sa.select(coupons.c.coupon_id, coupons.c.member_code, coupons.c.issued_by, coupons.c.event_id)
        .where(coupons.c.member_code.in_(codes))
    ).all()  # fmt: skip
    used = {r.coupon_id: r for r in conn.execute(sa.select(coupon_uses).where(coupon_uses.c.member_code.in_(codes)))}
    return {
        "member_code": row.member_code,
        "exported_at": now.isoformat(),
        "profile": {**view.get("member", {}), "flags": view.get("flags", []), "balance": view.get("balance"),
                    "spend_cents": view.get("spend_cents"), "merged_codes": codes[1:]},
        "consents": [c for code_ in codes for c in consents.history(conn, code_)],
        "ledger": [{**r._asdict(), "on_date": _iso(r.on_date), "expires_on": _iso(r.expires_on)} for r in entries],
        "sales": [{"event_id": b["event_id"], "type": b["type"], "store_id": b["store_id"],
                   "occurred_at": b["occurred_at"], **{k: v for k, v in b["payload"].items() if k != "ledger"}}
                  for b in sales],
        "online_orders": [{"channel": o.channel, "order_id": o.order_id, "result": json.loads(o.result),
                           "at": _iso(o.created_at)} for o in online],
        "coupons": [{**c._asdict(), "used_at": _iso(used[c.coupon_id].used_at) if c.coupon_id in used else None}
                    for c in coupon_rows],
    }  # fmt: skip


def _iso(value) -> str | None:
    return value if value is None or isinstance(value, str) else value.isoformat()


# -- erasure --------------------------------------------------------------------------------------


def erase(conn: Connection, code: str, reason: str, now: dt.datetime, operator: str = "cli") -> dict:
    """Anonymizes the member everywhere at HQ (one transaction, audited) and tells every till."""
    reason = clean_text(reason, "reason", 200)
    row = _member_row(conn, code)
    codes = _codes(conn, row.member_code)
    rows, scrubbed = _erase(conn, [row.member_code], codes)
    audit_chain.record(conn, now, operator, "member.erase", row.member_code, None,
                       {"reason": reason, "codes": codes, **scrubbed})  # fmt: skip
    feed.append(conn, rows, now)  # last: see hq.storage.feed
    return {"member_code": row.member_code, "erased_codes": codes, "status": CLOSED, "reason": reason, **scrubbed}


def erase_many(conn: Connection, codes: list[str], reason: str, now: dt.datetime) -> list[str]:
    """The retention job's erasure of many members at once (one pass over the stored events)."""
    every = sorted({c for code in codes for c in _codes(conn, code)})
    rows, _ = _erase(conn, codes, every)
    audit_chain.record(conn, now, "retention", "member.erase", f"{len(codes)} members", None,
                       {"reason": reason, "codes": every})  # fmt: skip
    feed.append(conn, rows, now)
    return every


def _erase(conn: Connection, closing: list[str], codes: list[str]) -> tuple[list[tuple], dict]:
    """The members' rows, event bodies and feed rows anonymized; returns the feed rows to append."""
    conn.execute(
        sa.update(members).where(members.c.member_code.in_(codes))
        .values(name=ERASED_NAME, phone=ERASED_PHONE, birthday=None, consent_marketing=False,
                status=sa.case((members.c.member_code.in_(closing), CLOSED), else_=members.c.status))
    )  # fmt: skip
    scrubbed = {"events_scrubbed": _scrub_events(conn, codes), "feed_rows_scrubbed": _scrub_feed(conn, codes)}
    return [(feed.MEMBER, c, feed.dumps(_member_dict(conn, c))) for c in codes], scrubbed


def _member_dict(conn: Connection, code: str) -> dict:
    return from_row(_member_row(conn, code)).member.to_dict()


def _scrub_events(conn: Connection, codes: list[str]) -> int:
    """Enrollment and profile-edit bodies of these members lose name, phone and birthday (the body hash
    stays: a till's retry of the original body is still answered `duplicate`)."""
    wanted = set(codes)
    query = sa.select(events.c.event_id, events.c.body).where(
        events.c.type.in_((ev_types.MEMBER_ENROLLED, ev_types.MEMBER_UPDATED)))
    if len(codes) <= 20:  # a request: the database filters; the retention job reads the member events once
        query = query.where(sa.or_(*[events.c.body.contains(f'"{c}"') for c in codes]))
    candidates = conn.execute(query).all()
    changed = []
    for event_id, body in candidates:
        event = json.loads(body)
        p = event.get("payload") or {}
        member = p.get("member") if isinstance(p.get("member"), dict) else None
        code = member.get("member_code") if member else p.get("member_code")
        if code not in wanted:
            continue
        if member:
            p["member"] = {k: (None if k in PERSONAL else v) for k, v in member.items()}
        if isinstance(p.get("changes"), dict):
            p["changes"] = {k: (None if k in PERSONAL else v) for k, v in p["changes"].items()}
        changed.append({"e": event_id, "b": json.dumps(event, sort_keys=True, separators=(",", ":"))})
    if changed:
        conn.execute(sa.update(events).where(events.c.event_id == sa.bindparam("e")).values(body=sa.bindparam("b")),
                     changed)  # fmt: skip
    return len(changed)


def _scrub_feed(conn: Connection, codes: list[str]) -> int:
    rows = conn.execute(
        sa.select(feed_table.c.seq, feed_table.c.data)
        .where(feed_table.c.member_code.in_(codes), feed_table.c.kind == feed.MEMBER)
    ).all()  # fmt: skip
    changed = []
    for seq, data in rows:
        d = json.loads(data)
        changed.append({"s": seq, "d": feed.dumps({k: (None if k in PERSONAL else v) for k, v in d.items()})})
    if changed:
        conn.execute(sa.update(feed_table).where(feed_table.c.seq == sa.bindparam("s")).values(data=sa.bindparam("d")),
                     changed)  # fmt: skip
    return len(changed)


def stop_processing(conn: Connection, code: str, reason: str, now: dt.datetime, operator: str = "cli") -> dict:
    """No marketing and no earning from now on: consent withdrawn, status `stopped` (tills refuse to
    book points for the member, as for any member who is not active)."""
    reason = clean_text(reason, "reason", 200)
    row = _member_row(conn, code)
    if row.status not in ("active", STOPPED):
        raise DomainError("member_inactive", f"Member {code} is {row.status}")
    conn.execute(sa.update(members).where(members.c.member_code == row.member_code)
                 .values(status=STOPPED, consent_marketing=False))  # fmt: skip
    audit_chain.record(conn, now, operator, "member.stop", row.member_code, {"status": row.status},
                       {"status": STOPPED, "reason": reason})  # fmt: skip
    feed.append(conn, [(feed.MEMBER, row.member_code, feed.dumps(_member_dict(conn, row.member_code)))], now)
    return {"member_code": row.member_code, "status": STOPPED, "reason": reason}


def checkpoint(engine: Engine) -> None:
    """After an erasure, nothing erased lingers in the database files (hq.storage.db.flush_old_versions)."""
    db.flush_old_versions(engine)
