"""What HQ tells others about a member: the profile plus authoritative totals."""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pos_app.domain.ledger import Entry, Wallet, wallet
from pos_app.domain.rules import RuleSet

from .members import MemberState
from .schema import ledger, spend


def _among(column: sa.Column, codes: list[str], contiguous: bool) -> sa.ColumnElement:
    """`column IN codes`; for a snapshot page (every code between the first and the last), one index range."""
    return column.between(codes[0], codes[-1]) if contiguous else column.in_(codes)


def entries_by_member(conn: Connection, codes: list[str], contiguous: bool = False) -> dict[str, list[Entry]]:
    """Each member's ledger in HQ order. `contiguous`: `codes` are sorted and no code between them is missing."""
    out: dict[str, list[Entry]] = {c: [] for c in codes}
    if not codes:
        return out
    c = ledger.c
    query = (
        sa.select(c.entry_id, c.member_code, c.kind, c.points, c.on_date, c.expires_on)
        .where(_among(c.member_code, codes, contiguous))
        .order_by(c.member_code, c.id)
    )
    for r in conn.execute(query):
        out[r.member_code].append(Entry(r.entry_id, r.member_code, r.kind, int(r.points), r.on_date, r.expires_on))
    return out


def rolling_spend(
    conn: Connection, codes: list[str], rules: RuleSet, today: dt.date, contiguous: bool = False
) -> dict[str, int]:
    out = dict.fromkeys(codes, 0)
    if not codes:
        return out
    cutoff = today - dt.timedelta(days=rules.spend_window_days)
    query = (
        sa.select(spend.c.member_code, sa.func.sum(spend.c.cents))
        .where(_among(spend.c.member_code, codes, contiguous), spend.c.on_date > cutoff)
        .group_by(spend.c.member_code)
    )
    out.update({code: int(total or 0) for code, total in conn.execute(query)})
    return out


def lots(w: Wallet) -> list[dict]:
    return [
        {"expires_on": None if lot.expires_on == dt.date.max else lot.expires_on.isoformat(),
         "points": lot.points, "remaining": lot.remaining}
        for lot in w.lots
    ]  # fmt: skip


def member_view(state: MemberState, entries: list[Entry], spend_cents: int, with_ledger: bool = False) -> dict:
    """A look-up's view has the lots (the online shop cannot compute them); a snapshot's has the
    ledger instead: the till rebuilds the lots from it, so HQ neither computes nor sends them twice."""
    view = {
        "member": state.member.to_dict(),
        "member_code": state.code,
        "balance": state.balance,
        "tier": state.member.tier_code,
        "spend_cents": spend_cents,
        "flags": state.sorted_flags(),
    }
    if with_ledger:
        view["ledger"] = [e.to_dict() for e in entries]
    else:
        w = wallet(entries)
        view["lots"], view["debt"] = lots(w), w.debt
    return view
