"""What use cases hand back to the UI and the CLI: plain, JSON-ready values."""

import datetime as dt
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

_PLAIN = (str, int, float, type(None))  # bool is an int


def _jsonable(value: Any) -> Any:
    if isinstance(value, _PLAIN):  # most values: asked first, they are as they are
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        # Field by field, not dataclasses.asdict: asdict deep-copies every value first, and we
        # build new dicts and lists here anyway.
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    return value


class Jsonable:
    def to_dict(self) -> dict[str, Any]:
        jsonable: dict[str, Any] = _jsonable(self)  # a dataclass: a dict of its fields
        return jsonable


@dataclass(frozen=True)
class CouponView(Jsonable):
    coupon_id: str
    code: str
    kind: str
    value: int
    min_spend_cents: int
    valid_until: dt.date | None


@dataclass(frozen=True)
class MemberView(Jsonable):
    member_code: str
    name: str
    masked_name: str  # what others in the queue may see
    phone: str
    masked_phone: str
    birthday: dt.date | None
    tier: str
    tier_names: dict[str, str]
    balance: int  # confirmed + pending
    confirmed: int  # as HQ last confirmed it
    pending: int  # recorded here, not yet confirmed by HQ
    expiring_30d: int
    expiring_on: dt.date | None  # first date on which some points expire
    spend_cents: int  # qualifying spend, last 12 months
    next_tier: str | None
    spend_to_next_cents: int
    birthday_month: bool
    consent_marketing: bool
    qr_payload: str
    status: str
    enrolled_at: dt.datetime
    coupons: list[CouponView] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)  # promotion ids active today for this member
    merged_from: str | None = None  # the code that was scanned, if it was merged into this one
    reduced: bool = False  # held as the minimum (masked): a profile edit starts from HQ's copy


@dataclass(frozen=True)
class Receipt(Jsonable):
    receipt_no: str
    sale_id: str
    at: dt.datetime
    store_id: str
    terminal_id: str
    member_code: str
    member_name: str
    lines: list[dict[str, Any]]
    subtotal_cents: int
    discount_cents: int
    coupon_id: str | None
    coupon_cents: int
    points_redeemed: int
    redeem_cents: int
    paid_cents: int
    points_earned: int
    balance_after: int
    tier_after: str
    promotions: list[str]
    cashier_id: str | None = None
    # {"method": "cash" | "card" | "other", "received_cents", "change_cents"}; sales from before
    # tenders were kept read as exact cash
    tender: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def from_dict(body: dict[str, Any]) -> "Receipt":
        fields = {k: body[k] for k in Receipt.__dataclass_fields__ if k in body}
        tender = body.get("tender") or {"method": "cash", "received_cents": body["paid_cents"], "change_cents": 0}
        return Receipt(**{**fields, "at": dt.datetime.fromisoformat(body["at"]), "tender": tender})


@dataclass(frozen=True)
class SaleRecord(Jsonable):
    """A confirmed sale as a return needs it: lines and what is already back."""

    receipt: Receipt
    returned: dict[str, int]  # line index (as str) -> units already returned


@dataclass(frozen=True)
class ReturnReceipt(Jsonable):
    return_no: str
    receipt_no: str
    at: dt.datetime
    member_code: str
    lines: list[dict[str, Any]]
    refund_cents: int
    points_taken_back: int
    points_given_back: int
    balance_after: int
    supervisor_id: str | None

    @staticmethod
    def from_dict(body: dict[str, Any]) -> "ReturnReceipt":
        fields = {k: body[k] for k in ReturnReceipt.__dataclass_fields__}
        return ReturnReceipt(
            **{**fields, "at": dt.datetime.fromisoformat(body["at"]), "receipt_no": body["receipt_no"] or ""}
        )


@dataclass(frozen=True)
class DaySummary(Jsonable):
    date: dt.date
    store_id: str
    sales: int
    paid_cents: int
    discount_cents: int
    points_issued: int
    points_redeemed: int
    redeem_cents: int
    enrollments: int
    returns: int
    refund_cents: int
    adjustments: int
    by_tier: dict[str, dict[str, int]]  # tier -> {"sales": n, "paid_cents": c, "points_issued": p}
    pending_events: int
    # method -> {"sales": n, "paid_cents": c, "received_cents": r, "change_cents": g}
    by_tender: dict[str, dict[str, int]] = field(default_factory=dict)
    expected_cash_cents: int = 0  # what the sales put in the drawer: cash received minus change


@dataclass(frozen=True)
class CodeSent(Jsonable):
    """HQ texted the member a one-time code: the proof to verify it under, and where it went (masked)."""

    otp_id: str
    to_masked: str


@dataclass(frozen=True)
class Profile(Jsonable):
    """What a profile edit starts from: the member's own data (from HQ when this till holds it reduced)."""

    name: str
    phone: str
    birthday: dt.date | None
