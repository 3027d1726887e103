"""pos-app sale | return (by receipt, or without one: a supervisor's PIN from standard input)"""

from loyalty_core.errors import DomainError
from loyalty_core.money import parse_amount
from loyalty_core.tender import CASH, METHODS

from .admin_cmd import supervisor_approves
from .parsing import parse_at, parse_int, parse_line, parse_return_line


def register(sub) -> None:
    sale = sub.add_parser("sale", help="quote or confirm a sale for a member")
    sale.add_argument("--member", required=True, help="member code, phone or scanned QR text")
    sale.add_argument("--line", action="append", required=True, help="SKU|CATEGORY|UNIT_PRICE|QTY (repeatable)")
    sale.add_argument("--redeem", default="0", help="points to redeem (steps of 100)")
    sale.add_argument("--coupon")
    sale.add_argument("--at", help="ISO date-time of the sale (promotions depend on it)")
    sale.add_argument("--dry-run", action="store_true", help="quote only; nothing is saved")
    sale.add_argument("--tender", default=CASH, help=f"how it was paid: {' | '.join(METHODS)} (default: cash)")
    sale.add_argument("--received", help="cash handed over, e.g. 500.00 (default: the exact amount)")
    sale.add_argument("--identified-by", default="code", choices=("card", "phone", "code"),
                      help="how the member was identified: card (scanned) | phone | code (typed; the default); "
                           "above the rules' redeem_identity_points a typed one cannot redeem")  # fmt: skip
    sale.set_defaults(handler=_sale)

    ret = sub.add_parser("return", help="return a whole sale or some lines by receipt number, or without one")
    ret.add_argument("--receipt")
    ret.add_argument("--line", action="append", help="SKU:QTY (repeatable); none = everything left")
    ret.add_argument("--dry-run", action="store_true")
    ret.add_argument("--member", help="without a receipt: the member")
    ret.add_argument("--amount", help="without a receipt: the amount refunded, e.g. 120.00")
    ret.add_argument("--category", help="without a receipt: the goods' category")
    ret.add_argument("--supervisor", help="without a receipt: the approving supervisor")
    ret.add_argument("--pin-stdin", action="store_true", help="read the supervisor's PIN from standard input")
    ret.set_defaults(handler=_return)


def _sale(args, lazy):
    lines = [parse_line(text) for text in args.line]
    redeem = parse_int(args.redeem, "points")
    at = parse_at(args.at)
    received = parse_amount(args.received) if args.received is not None else None
    pos = lazy.get().pos
    if args.dry_run:
        quote = pos.quote_sale(args.member, lines, redeem, args.coupon, at, identified_by=args.identified_by)
        return {"dry_run": True, **_quote_dict(quote)}
    return pos.confirm_sale(args.member, lines, redeem, args.coupon, at, tender_method=args.tender,
                            received_cents=received, identified_by=args.identified_by).to_dict()  # fmt: skip


def _quote_dict(q) -> dict:
    return {
        "member_code": q.member_code,
        "tier": q.tier_code,
        "lines": [line.to_dict() for line in q.lines],
        "subtotal_cents": q.subtotal_cents,
        "discount_cents": q.discount_cents,
        "coupon_cents": q.coupon_cents,
        "due_cents": q.due_cents,
        "points_redeemed": q.points_redeemed,
        "redeem_cents": q.redeem_cents,
        "paid_cents": q.paid_cents,
        "points_earned": q.points_earned,
        "max_redeem_points": q.max_redeem_points,
        "promotions": list(q.promotions),
    }


def _return(args, lazy):
    if args.receipt is None:
        return _return_without_receipt(args, lazy)
    pos = lazy.get().pos
    if not args.line:
        if args.dry_run:
            return {"dry_run": True, **pos.quote_return(args.receipt).to_dict()}
        return pos.return_sale(args.receipt).to_dict()
    wanted: dict[str, int] = {}
    for text in args.line:
        sku, qty = parse_return_line(text)
        wanted[sku] = wanted.get(sku, 0) + qty
    return pos.return_skus(args.receipt, wanted, dry_run=args.dry_run).to_dict()


def _return_without_receipt(args, lazy):
    missing = [f"--{n.replace('_', '-')}" for n in ("member", "amount", "category", "supervisor")
               if getattr(args, n) is None] + ([] if args.pin_stdin else ["--pin-stdin"])  # fmt: skip
    if missing:
        raise DomainError("usage", f"A return needs --receipt, or {' '.join(missing)} without one")
    amount = parse_amount(args.amount)
    supervisor = supervisor_approves(lazy, args.supervisor)
    return lazy.get().pos.return_without_receipt(args.member, amount, args.category, supervisor).to_dict()
