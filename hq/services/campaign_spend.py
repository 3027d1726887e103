"""What a campaign's coupon holders spent in its window: purchases made in the window, less the returns
of those purchases (whenever they came back).

A return is booked on the day it happens, as a negative spend row. Summing spend rows by date would
charge a campaign with the return of a purchase made before it started (and show negative spend), so a
return counts only if the purchase it returns was made in the window: a till's return names the sale's
receipt (`sales.on_date`), an online return its order (the order's own spend row). A return without a
receipt names no purchase and is left out, as are rows a merge moved (they keep their own dates).
"""

import datetime as dt
import json
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import events, online_returns, sales, spend
from loyalty_core.ids import hq_entry_id

_CHUNK = 500
_ONLINE = hq_entry_id("online", "")  # "hq:online:": an online order's or return's source


def net_spend(conn: Connection, codes: Iterable[str], start: dt.date, end: dt.date) -> dict[str, int]:
    """member code -> cents bought in [start, end] net of the returns of those purchases."""
    out: dict[str, int] = {}
    returns: list[tuple[str, str, int]] = []  # (member, source, cents < 0)
    wanted = sorted(set(codes))
    s = spend.c
    for i in range(0, len(wanted), _CHUNK):
        query = sa.select(s.member_code, s.on_date, s.cents, s.source).where(
            s.member_code.in_(wanted[i : i + _CHUNK]), s.on_date >= start)
        for row in conn.execute(query):
            if row.cents > 0 and _day(row.on_date) <= end:
                out[row.member_code] = out.get(row.member_code, 0) + int(row.cents)
            elif row.cents < 0:
                returns.append((row.member_code, row.source, int(row.cents)))
    bought_on = _purchase_days(conn, [(code, source) for code, source, _ in returns])
    for code, source, cents in returns:
        day = bought_on.get(source)
        if day is not None and start <= day <= end:
            out[code] = out.get(code, 0) + cents
    return out


def _purchase_days(conn: Connection, returns: list[tuple[str, str]]) -> dict[str, dt.date]:
    """(member, return's spend source) -> {source: the day of the purchase it returned} (where HQ can tell)."""
    online = [(code, s) for code, s in returns if s.startswith(_ONLINE)]
    return {**_till_purchase_days(conn, [s for _, s in returns if not s.startswith(_ONLINE)]),
            **_online_purchase_days(conn, online)}  # fmt: skip


def _till_purchase_days(conn: Connection, event_ids: list[str]) -> dict[str, dt.date]:
    receipts: dict[str, str] = {}  # return event -> the sale's receipt number
    for i in range(0, len(event_ids), _CHUNK):
        query = sa.select(events.c.event_id, events.c.body).where(events.c.event_id.in_(event_ids[i : i + _CHUNK]))
        for event_id, body in conn.execute(query):
            receipt = json.loads(body).get("payload", {}).get("receipt_no")
            if isinstance(receipt, str) and receipt:
                receipts[event_id] = receipt
    wanted = sorted(set(receipts.values()))
    days: dict[str, dt.date] = {}
    for i in range(0, len(wanted), _CHUNK):
        query = sa.select(sales.c.receipt_no, sales.c.on_date).where(sales.c.receipt_no.in_(wanted[i : i + _CHUNK]))
        days.update({r.receipt_no: _day(r.on_date) for r in conn.execute(query)})
    return {event_id: days[receipt] for event_id, receipt in receipts.items() if receipt in days}


def _online_purchase_days(conn: Connection, returns: list[tuple[str, str]]) -> dict[str, dt.date]:
    """An online return's order, and the day HQ booked that order's spend (its own spend row)."""
    out: dict[str, dt.date] = {}
    r, s = online_returns.c, spend.c
    for code, source in returns:  # online returns are few; two indexed lookups each
        channel, _, return_id = source.removeprefix(_ONLINE).partition(":")
        order_id = conn.execute(sa.select(r.order_id).where(r.channel == channel, r.return_id == return_id)).scalar()
        if order_id is None:
            continue
        day = conn.execute(sa.select(sa.func.min(s.on_date)).where(
            s.member_code == code, s.source == hq_entry_id("online", channel, order_id), s.cents > 0)).scalar()  # fmt: skip
        if day is not None:
            out[source] = _day(day)
    return out


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
