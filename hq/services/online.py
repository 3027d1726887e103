"""The online shop: orders and returns against the same ledger, priced by the domain.

Each order is idempotent by the shop's order id (per channel): the same id
with the same body replays the stored answer; with another body it is a
conflict and changes nothing. Points are worked out by `pricing.quote` with
the published rules and HQ's authoritative balance, so the shop and the
tills can never disagree about what an order earns.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hq.storage import db, feed
from hq.storage import rules as published
from hq.storage.members import MemberState
from hq.storage.schema import online_orders, online_returns
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger, pricing
from loyalty_core.errors import DomainError
from loyalty_core.ids import hq_entry_id
from loyalty_core.ledger import Entry
from loyalty_core.member import CLOSED, STOPPED
from loyalty_core.purchase import purchase
from loyalty_core.returns import return_line

from . import referrals
from .sales import book_purchase, shopper_of


@dataclass(frozen=True)
class Outcome:
    status: str  # "applied" or "duplicate"
    result: dict


def _hash(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def place_order(engine: Engine, channel: str, body: dict, now: dt.datetime) -> Outcome:
    return db.write(engine, lambda conn: _place(conn, channel, body, now))


def _place(conn: Connection, channel: str, body: dict, now: dt.datetime) -> Outcome:
    key = (online_orders.c.channel == channel) & (online_orders.c.order_id == body["order_id"])
    done = conn.execute(sa.select(online_orders.c.body_hash, online_orders.c.result).where(key)).first()
    if done is not None:
        return _replay(done, _hash(body), "order")
    work = UnitOfWork(conn, published.current(conn), now)
    state = _buyer(work, body["member_code"], body.get("redeem_points", 0))
    cart = [pricing.CartLine(x["sku"], x["category"], x["unit_price_cents"], x["qty"]) for x in body["lines"]]
    bought = purchase(work.rules, shopper_of(work, state), cart, work.today, body.get("redeem_points", 0))
    if state.member.status == STOPPED:
        bought = bought.without_earning()
    quote = bought.quote
    source = hq_entry_id("online", channel, body["order_id"])
    entries = bought.entries(lambda kind: f"{source}:{kind}", work.today, work.rules.expiry_months)
    entries, bonus = referrals.split(entries)  # booked once the order clears the return window (referrals.py)
    book_purchase(work, state, bought, entries, work.today, source)
    if bonus is not None:
        receipt = referrals.online_receipt(channel, body["order_id"])
        referrals.defer(work, state, bonus, receipt, (source, f"online:{channel}"), work.today)
    result = _order_result(body["order_id"], state, quote)
    conn.execute(online_orders.insert().values(
        channel=channel, order_id=body["order_id"], body_hash=_hash(body), member_code=state.code,
        lines=feed.dumps([line.to_dict() for line in quote.lines]), returned="{}", result=feed.dumps(result),
        created_at=now,
    ))  # fmt: skip
    work.flush()
    return Outcome("applied", result)


def _replay(done, body_hash: str, what: str) -> Outcome:
    if done.body_hash != body_hash:
        raise DomainError("changed_body", f"This {what} id was used before with a different body")
    return Outcome("duplicate", json.loads(done.result))


def _member(work: UnitOfWork, code: str) -> MemberState:
    state = work.resolve(code)
    if state is None:
        raise DomainError("unknown_member", f"No member {code!r}")
    return state


def _buyer(work: UnitOfWork, code: str, redeem_points: int) -> MemberState:
    """Who may buy as a member online: the same as at a till, except that a member who stopped processing
    still shops (earning nothing) and one whose membership was closed is not a member any more."""
    state = _member(work, code)
    if state.member.status == CLOSED:
        raise DomainError("member_closed", "This membership was closed at the member's request")
    if state.member.status == STOPPED and redeem_points:
        raise DomainError("member_inactive", "This member cannot collect or spend points", status=STOPPED)
    return state


def _book(work: UnitOfWork, state: MemberState, source: str, moves: list[tuple[str, int]]) -> None:
    """One entry per non-zero move; ids derive from the order, so a retry can never book twice."""
    for kind, points in moves:
        if points:
            expires = ledger.lot_expiry(work.today, work.rules.expiry_months) if points > 0 else None
            work.add_entry(Entry(f"{source}:{kind}", state.code, kind, points, work.today, expires), source)


def _order_result(order_id: str, state: MemberState, q: pricing.Quote) -> dict:
    return {
        "order_id": order_id, "member_code": state.code, "subtotal_cents": q.subtotal_cents,
        "discount_cents": q.discount_cents, "points_redeemed": q.points_redeemed, "redeem_cents": q.redeem_cents,
        "paid_cents": q.paid_cents, "points_earned": q.points_earned, "balance_after": state.balance,
        "tier_after": state.member.tier_code, "promotions": list(q.promotions),
        "lines": [line.to_dict() for line in q.lines],
    }  # fmt: skip


def return_items(engine: Engine, channel: str, body: dict, now: dt.datetime) -> Outcome:
    return db.write(engine, lambda conn: _return(conn, channel, body, now))


def _return(conn: Connection, channel: str, body: dict, now: dt.datetime) -> Outcome:
    key = (online_returns.c.channel == channel) & (online_returns.c.return_id == body["return_id"])
    done = conn.execute(sa.select(online_returns.c.body_hash, online_returns.c.result).where(key)).first()
    if done is not None:
        return _replay(done, _hash(body), "return")
    order_key = (online_orders.c.channel == channel) & (online_orders.c.order_id == body["order_id"])
    order = conn.execute(sa.select(online_orders).where(order_key).with_for_update()).first()
    if order is None:
        raise DomainError("unknown_order", f"No order {body['order_id']!r} from this channel")
    work = UnitOfWork(conn, published.current(conn), now)
    state = _member(work, order.member_code)
    lines, returned = json.loads(order.lines), json.loads(order.returned)
    back = _returned_lines(lines, returned, body["lines"])
    source = hq_entry_id("online", channel, body["return_id"])
    taken = sum(r.points_taken_back for r in back)
    given = sum(r.points_given_back for r in back)
    _book(work, state, source, [(ledger.RETURN_EARN, -taken), (ledger.RETURN_REDEEM, given)])
    referrals.cancel_returned(work, {referrals.online_receipt(channel, body["order_id"])}, work.today)
    spend = sum(r.spend_cents for r in back)
    if spend:
        work.add_spend(state, work.today, -spend, source)
    result = {"return_id": body["return_id"], "order_id": body["order_id"], "member_code": state.code,
              "refund_cents": sum(r.refund_cents for r in back), "points_taken_back": taken,
              "points_given_back": given, "balance_after": state.balance}  # fmt: skip
    conn.execute(sa.update(online_orders).where(order_key).values(returned=feed.dumps(returned)))
    conn.execute(online_returns.insert().values(channel=channel, return_id=body["return_id"], order_id=body["order_id"],
                                                body_hash=_hash(body), result=feed.dumps(result), created_at=now))  # fmt: skip
    work.flush()
    return Outcome("applied", result)


def _returned_lines(lines: list[dict], returned: dict, wanted: list[dict]) -> list:
    """Each requested line through `returns.return_line`; updates `returned` in place."""
    out = []
    for item in wanted:
        index = item["line"]
        if not 0 <= index < len(lines):
            raise DomainError("unknown_line", f"The order has no line {index}", line=index)
        before = returned.get(str(index), 0)
        out.append(return_line(pricing.PricedLine.from_dict(lines[index]), before, item["qty"]))
        returned[str(index)] = before + item["qty"]
    return out
