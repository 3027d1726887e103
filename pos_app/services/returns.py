"""Returns by receipt (whole sale or some lines), or without one with a supervisor."""

import datetime as dt
from dataclasses import replace

from loyalty_core import events, ids, ledger
from loyalty_core.errors import DomainError
from loyalty_core.money import check_amount
from loyalty_core.pricing import PricedLine
from loyalty_core.returns import ReturnedLine, return_line
from loyalty_core.validation import clean_code

from .approvals import require_supervisor
from .context import ServiceContext
from .events import audit, new_event_id, record
from .members import balance_of, resolve
from .uow import UnitOfWork
from .views import Receipt, ReturnReceipt, SaleRecord


def find_sale(uow: UnitOfWork, receipt_no: str) -> SaleRecord:
    body = uow.sales.by_receipt(str(receipt_no).strip()[:60])
    if body is None:
        raise DomainError("receipt_not_found", "No sale with that receipt number", receipt_no=str(receipt_no)[:60])
    returned = uow.sales.returned_units(body["receipt_no"])
    return SaleRecord(Receipt.from_dict(body), {str(i): q for i, q in returned.items()})


def lines_by_sku(sale: SaleRecord, wanted: dict[str, int]) -> dict[int, int]:
    """'SKU:QTY' requests -> {line index: qty}, filling lines in order."""
    out: dict[int, int] = {}
    if not wanted:
        raise DomainError("invalid_quantity", "Nothing to return")
    for sku, qty in wanted.items():
        if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
            raise DomainError("invalid_quantity", f"Impossible quantity: {qty}", value=str(qty)[:20])
        left = qty
        for i, line in enumerate(sale.receipt.lines):
            if line["sku"] != sku or left <= 0:
                continue
            free = line["qty"] - sale.returned.get(str(i), 0)
            take = min(free, left)
            if take > 0:
                out[i] = out.get(i, 0) + take
                left -= take
        if left == qty and not any(line["sku"] == sku for line in sale.receipt.lines):
            raise DomainError("return_unknown_line", f"{sku} is not on this receipt", sku=sku)
        if left > 0:
            raise DomainError("return_too_many", f"Not that many {sku} left to return", sku=sku, left=qty - left)
    return out


def _returned_lines(sale: SaleRecord, lines: dict[int, int] | None) -> tuple[dict[int, int], list[ReturnedLine]]:
    receipt_lines = sale.receipt.lines
    if lines is None:
        lines = {i: line["qty"] - sale.returned.get(str(i), 0) for i, line in enumerate(receipt_lines)}
        lines = {i: q for i, q in lines.items() if q > 0}
        if not lines:
            raise DomainError("return_too_many", "Everything on this receipt has already been returned", left=0)
    if not lines:
        raise DomainError("invalid_quantity", "Nothing to return")
    out = []
    for i, qty in lines.items():
        if not isinstance(i, int) or not 0 <= i < len(receipt_lines):
            raise DomainError("return_unknown_line", "That line is not on this receipt", sku=str(i))
        out.append(return_line(PricedLine.from_dict(receipt_lines[i]), sale.returned.get(str(i), 0), qty))
    return lines, out


def _build(
    uow: UnitOfWork, ctx: ServiceContext, sale: SaleRecord, lines: dict[int, int] | None, supervisor_id: str | None,
    at: dt.datetime,
) -> tuple[ReturnReceipt, list[ledger.Entry], dict[int, int]]:
    line_qty, returned = _returned_lines(sale, lines)
    code = sale.receipt.member_code
    day = at.date()
    sale_day = sale.receipt.at.date()
    taken = sum(r.points_taken_back for r in returned)
    given = sum(r.points_given_back for r in returned)
    entries = []
    if taken:
        entries.append(ledger.Entry(ids.uuid7(), code, ledger.RETURN_EARN, -taken, day))
    if given:  # redeemed points come back with the expiry they would have had
        entries.append(ledger.Entry(ids.uuid7(), code, ledger.RETURN_REDEEM, given, day,
                                    ledger.lot_expiry(sale_day, ctx.rules.expiry_months)))  # fmt: skip
    receipt = ReturnReceipt(
        return_no="",
        receipt_no=sale.receipt.receipt_no,
        at=at,
        member_code=code,
        lines=[r.to_dict() for r in returned],
        refund_cents=sum(r.refund_cents for r in returned),
        points_taken_back=taken,
        points_given_back=given,
        balance_after=balance_of(uow, code) - taken + given,
        supervisor_id=supervisor_id,
    )
    return receipt, entries, line_qty


def quote_return(uow: UnitOfWork, ctx: ServiceContext, receipt_no: str, lines: dict[int, int] | None = None) -> ReturnReceipt:
    return _build(uow, ctx, find_sale(uow, receipt_no), lines, None, ctx.now())[0]


def return_sale(
    uow: UnitOfWork, ctx: ServiceContext, receipt_no: str, lines: dict[int, int] | None = None,
    supervisor_id: str | None = None, at: dt.datetime | None = None, return_id: str | None = None,
) -> ReturnReceipt:  # fmt: skip
    if return_id and (done := uow.sales.return_by_id(return_id)):
        return ReturnReceipt.from_dict(done)
    if supervisor_id is not None:
        supervisor_id = require_supervisor(uow, supervisor_id)
    sale = find_sale(uow, receipt_no)
    receipt, entries, line_qty = _build(uow, ctx, sale, lines, supervisor_id, at or ctx.now())
    return _save(uow, ctx, receipt, entries, line_qty, return_id, -receipt.refund_cents)


def return_without_receipt(
    uow: UnitOfWork, ctx: ServiceContext, member_query: str, amount_cents: int, category: str, supervisor_id: str
) -> ReturnReceipt:
    """The customer lost the receipt: a supervisor approves, points follow the member's rate."""
    supervisor_id = require_supervisor(uow, supervisor_id)
    check_amount(amount_cents)
    category = clean_code(category, "category")
    member, _ = resolve(uow, ctx, member_query)
    tier = ctx.rules.ladder.get(member.tier_code)
    taken = amount_cents * tier.earn_permille // (ctx.rules.cents_per_point * 1000)
    at = ctx.now()
    entries = [ledger.Entry(ids.uuid7(), member.member_code, ledger.RETURN_EARN, -taken, at.date())] if taken else []
    receipt = ReturnReceipt(
        return_no="",
        receipt_no="",
        at=at,
        member_code=member.member_code,
        lines=[{"sku": None, "category": category, "qty": 1, "refund_cents": amount_cents,
                "points_taken_back": taken, "points_given_back": 0, "spend_cents": amount_cents}],
        refund_cents=amount_cents,
        points_taken_back=taken,
        points_given_back=0,
        balance_after=balance_of(uow, member.member_code) - taken,
        supervisor_id=supervisor_id,
    )  # fmt: skip
    audit(uow, ctx, supervisor_id, "return.without_receipt", member.member_code,
          {"amount_cents": amount_cents, "category": category, "points_taken_back": taken})  # fmt: skip
    return _save(uow, ctx, receipt, entries, {}, None, -amount_cents)


def _save(
    uow: UnitOfWork, ctx: ServiceContext, receipt: ReturnReceipt, entries: list[ledger.Entry], line_qty: dict[int, int],
    return_id: str | None, spend_delta: int,
) -> ReturnReceipt:
    return_no = f"X-{ctx.store_id}-{ctx.terminal_id}-{uow.admin.next_number('return'):06d}"
    receipt = ReturnReceipt(**{**receipt.__dict__, "return_no": return_no})
    return_id = return_id or ids.uuid7()
    body = {**receipt.to_dict(), "return_id": return_id}
    event_id = new_event_id()
    # Named as HQ names them (loyalty_core.ids), so they are recognised when they come back.
    entries = [replace(e, entry_id=ids.till_entry_id(ctx.store_id, ctx.terminal_id, event_id, e.kind)) for e in entries]
    uow.sales.add_return({**body, "receipt_no": receipt.receipt_no or None}, receipt.at.date().isoformat(), line_qty)
    uow.ledger.add(entries, ref=return_no, event_id=event_id)
    if spend_delta:
        uow.members.add_spend(receipt.member_code, receipt.at.date(), spend_delta, return_no)
    # line_qty: {receipt line index: units}, so HQ checks the units against its own copy of the sale.
    payload = {**body, "spend_cents": spend_delta, "line_qty": {str(i): q for i, q in line_qty.items()},
               "ledger": [e.to_dict() for e in entries]}  # fmt: skip
    record(uow, ctx, events.SALE_RETURNED, payload, event_id)
    uow.commit()
    return receipt
