"""What a receipt says, in the current language, as plain rows: one layout for the screen, PDF,
system printers and ESC/POS thermal printers (they differ only in how they draw it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import fmt
from .i18n import QT_TRANSLATE_NOOP, translate

TENDER_NAMES = {
    "cash": QT_TRANSLATE_NOOP("Printing", "Cash"),
    "card": QT_TRANSLATE_NOOP("Printing", "Card"),
    "other": QT_TRANSLATE_NOOP("Printing", "Other"),
}


@dataclass(frozen=True)
class Row:
    label: str
    value: str = ""
    strong: bool = False


@dataclass(frozen=True)
class Paper:
    title: str
    header: tuple[str, ...]  # centred lines: store, address, till and cashier, date and time
    number: str  # the receipt number, never wrapped
    blocks: tuple[tuple[Row, ...], ...]  # separated by a rule
    footer: tuple[str, ...] = ()
    code: str | None = None  # printed as a QR code the Returns screen scans
    big: Row | None = None  # shown large (the change to give back)


@dataclass(frozen=True)
class StoreHeader:
    """The receipt's letterhead, from Settings (a till without one prints its store id)."""

    name: str
    address: str = ""
    lines: tuple[str, ...] = field(default=())

    def texts(self) -> tuple[str, ...]:
        return tuple(t for t in (self.name, *self.address.splitlines(), *self.lines) if t.strip())


@dataclass(frozen=True)
class Expiring:
    points: int
    on: dt.date | None


def tender_name(method: str) -> str:
    text = TENDER_NAMES.get(method)
    return translate("Printing", text) if text else method


def _till_line(terminal_id: str, cashier_id: str | None) -> str:
    if cashier_id:
        return translate("Printing", "Till {till} · Cashier {cashier}").format(till=terminal_id, cashier=cashier_id)
    return translate("Printing", "Till {till}").format(till=terminal_id)


def tender_rows(tender: dict) -> tuple[Row, ...]:
    method = tender.get("method", "cash")
    rows = [Row(translate("Printing", "Paid by"), tender_name(method))]
    if method == "cash":
        rows.append(Row(translate("Printing", "Received"), fmt.money(tender.get("received_cents", 0))))
        rows.append(Row(translate("Printing", "Change"), fmt.money(tender.get("change_cents", 0)), strong=True))
    return tuple(rows)


def sale_paper(session, receipt, store: StoreHeader, expiring: Expiring | None = None) -> Paper:
    """A sale receipt: lines, member price, coupon, points, tender, the new balance, a QR of the receipt no."""
    from .widgets.cart_view import category_name

    lines = []
    for line in receipt.lines:
        if line["sku"] == "OPEN":
            name = translate("Printing", "Open amount ({category})").format(category=category_name(line["category"]))
        else:
            name = session.product_name(line["sku"])
        lines.append(Row(f"{name} × {fmt.number(line['qty'])}", fmt.money(line["subtotal_cents"])))
    totals = [Row(translate("Printing", "Subtotal"), fmt.money(receipt.subtotal_cents))]
    if receipt.discount_cents:
        totals.append(Row(translate("Printing", "Member discount"), "-" + fmt.money(receipt.discount_cents)))
    if receipt.coupon_cents:
        totals.append(Row(translate("Printing", "Coupon"), "-" + fmt.money(receipt.coupon_cents)))
    if receipt.points_redeemed:
        label = translate("Printing", "Points redeemed: {points}").format(points=fmt.points(receipt.points_redeemed))
        totals.append(Row(label, "-" + fmt.money(receipt.redeem_cents)))
    totals.append(Row(translate("Printing", "Paid"), fmt.money(receipt.paid_cents), strong=True))
    points = [
        Row(translate("Printing", "Points earned"), fmt.points(receipt.points_earned)),
        Row(translate("Printing", "Points redeemed"), fmt.points(receipt.points_redeemed)),
        Row(translate("Printing", "New balance"), fmt.points(receipt.balance_after), strong=True),
        Row(translate("Printing", "Tier"), session.tier_name(receipt.tier_after)),
    ]
    if expiring is not None and expiring.points > 0:
        label = translate("Printing", "Expiring by {date}").format(date=fmt.date(expiring.on) if expiring.on else "")
        points.append(Row(label, fmt.points(expiring.points)))
    who = translate("Printing", "Member: {name} ({code})").format(name=receipt.member_name, code=receipt.member_code)
    tender = receipt.tender or {"method": "cash", "received_cents": receipt.paid_cents, "change_cents": 0}
    return Paper(
        title=translate("Printing", "Receipt"),
        header=(*store.texts(), _till_line(receipt.terminal_id, receipt.cashier_id), fmt.date_time(receipt.at)),
        number=receipt.receipt_no,
        blocks=((Row(who),), tuple(lines), tuple(totals), tender_rows(tender), tuple(points)),
        footer=(translate("Printing", "Keep this receipt for returns."),),
        code=receipt.receipt_no,
        big=_change_row(tender),
    )


def _change_row(tender: dict) -> Row | None:
    if tender.get("method") != "cash" or not tender.get("change_cents"):
        return None
    return Row(translate("Printing", "Change"), fmt.money(tender["change_cents"]), strong=True)


def return_paper(session, ret, store: StoreHeader, terminal_id: str = "") -> Paper:
    from .widgets.cart_view import category_name

    rows = []
    for line in ret.lines:
        name = (
            session.product_name(line["sku"])
            if line.get("sku") and line["sku"] != "OPEN"
            else category_name(line.get("category") or "")
        )
        rows.append(Row(f"{name} × {fmt.number(line['qty'])}", fmt.money(line["refund_cents"])))
    figures = (
        Row(translate("Printing", "Refund"), fmt.money(ret.refund_cents), strong=True),
        Row(translate("Printing", "Points taken back"), fmt.points(ret.points_taken_back)),
        Row(translate("Printing", "Points given back"), fmt.points(ret.points_given_back)),
        Row(translate("Printing", "New balance"), fmt.points(ret.balance_after), strong=True),
    )
    original = ret.receipt_no or translate("Printing", "none (approved by {supervisor})").format(
        supervisor=ret.supervisor_id or ""
    )
    source = translate("Printing", "Original receipt: {receipt}").format(receipt=original)
    who = translate("Printing", "Member: {code}").format(code=ret.member_code)
    header = (*store.texts(), *((_till_line(terminal_id, None),) if terminal_id else ()), fmt.date_time(ret.at))
    return Paper(
        title=translate("Printing", "Return"),
        header=header,
        number=ret.return_no,
        blocks=((Row(source), Row(who)), tuple(rows), figures),
    )
