"""Request and response shapes: what the OpenAPI document promises.

Requests are strict (no type coercion, no unknown fields): a till that sends
"12" for 12 has a bug we want to hear about, not paper over.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from hq.services.payload import parse_instant

_ID = r"^[A-Za-z0-9][A-Za-z0-9_\-.:]{0,63}$"
_CODE = r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$"
MAX_SAFE_INT = 2**53 - 1  # bounds above this turn into inexact floats in JSON Schema (and JavaScript)


def _integral(value: object) -> object:
    """JSON has one number type: 7.0 is the integer 7 (as JSON Schema says); 7.5 and "7" are not."""
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_SAFE_INT:
        return int(value)
    return value


Int = Annotated[int, BeforeValidator(_integral)]

EventType = Literal[
    "member.enrolled", "member.updated", "sale.confirmed", "sale.returned", "points.adjusted", "coupon.issued"
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ErrorOut(BaseModel):
    error: str = Field(description="stable machine-readable code")
    message: str
    details: list[dict[str, Any]] | None = None


class EventIn(Strict):
    event_id: str = Field(pattern=_ID, description="made by the till (UUIDv7); applied at most once")
    type: EventType
    store_id: str = Field(pattern=_CODE)
    terminal_id: str = Field(pattern=_CODE)
    seq: Int = Field(ge=0, le=MAX_SAFE_INT)
    occurred_at: str = Field(
        min_length=10, max_length=40, description="ISO 8601, till clock", json_schema_extra={"format": "date-time"}
    )
    # Constraints before the validator, or pydantic writes them as non-JSON-Schema "ge"/"le" keys.
    rules_version: Annotated[int, Field(ge=0, le=2**31), BeforeValidator(_integral)] | None = None
    payload: dict[str, Any] = Field(description="per type; see docs/SYNC_PROTOCOL.md")

    @field_validator("occurred_at")
    @classmethod
    def _iso(cls, value: str) -> str:
        parse_instant(value)  # ValueError -> 422
        return value

    def as_sent(self) -> dict:
        """The event as the till sent it (what HQ hashes); `model_dump` would walk the payload again."""
        event = {
            "event_id": self.event_id, "type": self.type, "store_id": self.store_id, "terminal_id": self.terminal_id,
            "seq": self.seq, "occurred_at": self.occurred_at, "payload": self.payload,
        }  # fmt: skip
        if "rules_version" in self.model_fields_set:
            event["rules_version"] = self.rules_version
        return event


class PushIn(Strict):
    events: list[EventIn] = Field(max_length=500)


class EventResult(BaseModel):
    event_id: str
    status: Literal["applied", "corrected", "held", "duplicate", "rejected"]
    reason: str | None = None
    message: str | None = None
    entries: list[dict] | None = Field(default=None, description="corrected: the entries HQ booked")
    till: dict | None = Field(default=None, description="corrected: {points_earned, spend_cents} as the till sent")
    hq: dict | None = Field(default=None, description="corrected: {points_earned, spend_cents} as HQ booked")
    review_id: int | None = Field(default=None, description="held: the adjustment's review id")


class PushOut(BaseModel):
    results: list[EventResult]


class Change(BaseModel):
    seq: int
    kind: str
    data: dict[str, Any]


class PullOut(BaseModel):
    changes: list[Change] | None = None
    next: int | None = None
    more: bool | None = None
    refetch: bool | None = None
    floor: int | None = None


class SnapshotOut(BaseModel):
    feed_seq: int
    members: list[dict[str, Any]]
    next: str | None
    more: bool
    rules: dict[str, Any] | None = None
    store_keys: list[dict[str, Any]] | None = None
    coupons: list[dict[str, Any]] | None = Field(
        default=None, description="the page's members' live HQ campaign coupons, each as the feed's `coupon` change"
    )


class BucketsOut(BaseModel):
    buckets: dict[str, str]


class BucketOut(BaseModel):
    bucket: int
    members: dict[str, int]


# Constraints before the validator (see EventIn.rules_version), so the schema says them as JSON Schema does.
Points = Annotated[int, Field(ge=-(2**50), le=2**50), BeforeValidator(_integral)]  # far beyond any real balance
Count = Annotated[int, Field(ge=0, le=2**31 - 1), BeforeValidator(_integral)]


class MemberDifferenceIn(Strict):
    member_code: str = Field(pattern=_CODE)
    till_balance: Points | None = Field(description="null: the till did not have the member")
    hq_balance: Points | None = Field(description="what HQ answered that night; null: unknown")
    correction_points: Points = 0
    fixed: bool


class ReconcileReportIn(Strict):
    """One nightly reconciliation run as the till saw it; the till's store and terminal come from its token."""

    run_id: Annotated[int, Field(ge=1, le=MAX_SAFE_INT), BeforeValidator(_integral)] = Field(
        description="the till's run number: a resent report is one row")
    started_at: str = Field(min_length=10, max_length=40, json_schema_extra={"format": "date-time"})
    finished_at: str | None = Field(default=None, min_length=10, max_length=40,
                                    json_schema_extra={"format": "date-time"})  # fmt: skip
    status: Literal["ok", "differences", "failed"]
    members: Annotated[int, Field(ge=0, le=MAX_SAFE_INT), BeforeValidator(_integral)]
    buckets_differing: Count
    differences: Count
    fixed: Count
    error: str | None = Field(default=None, max_length=200)
    members_differing: list[MemberDifferenceIn] = Field(default=[], max_length=200)

    @field_validator("started_at", "finished_at")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is not None and parse_instant(value).tzinfo is None:  # parse errors are ValueErrors too -> 422
            raise ValueError("a time with its UTC offset")
        return value

    def consistent(self) -> bool:
        """Cross-field sense JSON Schema cannot say: no more fixed, or members listed, than differences."""
        return self.fixed <= self.differences and len(self.members_differing) <= self.differences

    def instants(self) -> dict:
        """The report with its times as datetimes (what the table stores)."""
        out = self.model_dump()
        out["started_at"] = parse_instant(self.started_at)
        out["finished_at"] = parse_instant(self.finished_at) if self.finished_at else None
        return out


class ReconcileReportOut(BaseModel):
    report_id: int
    duplicate: bool


class MemberOut(BaseModel):
    member: dict[str, Any]
    member_code: str
    balance: int
    tier: str
    spend_cents: int
    flags: list[str]
    lots: list[dict[str, Any]]
    debt: int
    merged_from: str | None
    merged_codes: list[str]


class CartLineIn(Strict):
    sku: str = Field(pattern=_CODE)
    category: str = Field(pattern=_CODE)
    unit_price_cents: Int = Field(ge=1, le=100_000_000)
    qty: Int = Field(ge=1, le=999)


class OrderIn(Strict):
    order_id: str = Field(pattern=_ID)
    member_code: str = Field(pattern=_CODE)
    lines: list[CartLineIn] = Field(min_length=1, max_length=200)
    redeem_points: Int = Field(default=0, ge=0, le=10_000_000)


class OrderOut(BaseModel):
    status: Literal["applied", "duplicate"]
    order_id: str
    member_code: str
    subtotal_cents: int
    discount_cents: int
    points_redeemed: int
    redeem_cents: int
    paid_cents: int
    points_earned: int
    balance_after: int
    tier_after: str
    promotions: list[str]
    lines: list[dict[str, Any]]


class ReturnLineIn(Strict):
    line: Int = Field(ge=0, le=199, description="index of the line in the order")
    qty: Int = Field(ge=1, le=999)


class ReturnIn(Strict):
    return_id: str = Field(pattern=_ID)
    order_id: str = Field(pattern=_ID)
    lines: list[ReturnLineIn] = Field(min_length=1, max_length=200)


class ReturnOut(BaseModel):
    status: Literal["applied", "duplicate"]
    return_id: str
    order_id: str
    member_code: str
    refund_cents: int
    points_taken_back: int
    points_given_back: int
    balance_after: int


class KeyIn(Strict):
    key_id: str = Field(pattern=_CODE)
    public_key: str = Field(min_length=40, max_length=64, description="base64url Ed25519 public key")


class KeyOut(BaseModel):
    store_id: str
    key_id: str
    public_key: str
    status: Literal["registered", "unchanged"]


class HealthOut(BaseModel):
    status: str
    database: str
    feed_seq: int
    rules_version: int
