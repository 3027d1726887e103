"""The loyalty program as data: a versioned rule set HQ publishes.

`RuleSet.from_dict` is the only way in, so a published rule set that is
malformed is refused as a whole instead of half-applied.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .errors import DomainError
from .promotions import KINDS, Promotion
from .tiers import Tier, TierLadder


@dataclass(frozen=True)
class RedeemPolicy:
    points_per_step: int = 100
    cents_per_step: int = 100
    max_share_bp: int = 5000  # at most 50% of the amount due


@dataclass(frozen=True)
class TrustPolicy:
    """What HQ accepts from a till without an operator (see docs/SYNC_PROTOCOL.md, Trust model)."""

    # per adjustment; above it the adjustment is held for review (finance approves holds up to 100,000: roles.py)
    max_adjust_points: int = 10_000
    max_adjust_store_day_points: int = 50_000  # sum of |points| per store and business day
    max_unreceipted_return_cents: int = 100_000  # a return without a receipt refunds at most this
    # refunds without a receipt per store and HQ day; beyond it each one is applied (the money is gone) and flagged
    max_unreceipted_store_day_cents: int = 300_000
    rules_grace_days: int = 7  # a till offline when a new version came out may use the old one this long
    clock_skew_hours: int = 6  # an event dated further ahead of HQ's clock is applied at HQ's time
    member_reads_per_minute: int = 30  # look-ups one token may make per minute of HQ's clock (hq.services.member_reads)


@dataclass(frozen=True)
class RiskPolicy:
    """How far a sale may stand from a store's norms before HQ holds it for an operator (the "risk"
    section of the rules; see docs/SYNC_PROTOCOL.md, What HQ holds for review). Held, not refused: a
    real sale that big is approved and booked as it would have been."""

    max_sale_cents: int = 3_000_000  # the basket's amount before coupon and points (30,000.00)
    max_sale_units: int = 500  # units sold on one receipt
    max_sale_lines: int = 60  # lines on one receipt
    max_sale_points: int = 60_000  # points one sale earns (earn, bonus; HQ defers a referral): the largest sale at x2
    max_redeems_per_member_day: int = 5  # sales with a redemption, per member and business day, chain-wide
    # Against fraud farming (hq/services/referrals.py, hq/services/velocity.py): flags, not holds.
    referral_clear_days: int = 14  # a referral bonus is booked once the referee's first purchase is this old
    max_enrollments_terminal_hour: int = 10  # enrollments one terminal sends per hour of HQ's clock
    max_referrals_referrer_day: int = 3  # first purchases naming one referrer per HQ business day
    quick_return_minutes: int = 10  # a sale returned this soon after it was rung up is a quick return
    max_quick_returns_store_day: int = 3  # quick returns one store sends per HQ business day
    cashier_min_day: int = 10  # a cashier's returns (or adjustments) per HQ day are never an outlier up to this
    cashier_outlier_pct: int = 300  # past this share of the store's other cashiers' average that day: an outlier
    # Redeeming more points than this needs the member's card scanned or a one-time code sent to the
    # member: a typed phone or member code is not proof enough (the till refuses, HQ holds a sale without it).
    redeem_identity_points: int = 2000


@dataclass(frozen=True)
class PrivacyRules:
    """The published privacy notices (what a member agrees to, by version) and how long data is kept."""

    retention_years: int = 3  # a member inactive this long is anonymized (pos-hq retention run)
    audit_retention_years: int = 5
    notices: tuple[tuple[str, int, tuple[tuple[str, str], ...]], ...] = ()  # (kind, version, ((language, text),))

    def notice_version(self, kind: str) -> int | None:
        return next((v for k, v, _ in self.notices if k == kind), None)

    def notice_text(self, kind: str, language: str) -> str | None:
        texts = dict(next((t for k, _, t in self.notices if k == kind), ()))
        return texts.get(language) or texts.get("en")


@dataclass(frozen=True)
class RuleSet:
    version: int
    ladder: TierLadder
    promotions: list[Promotion]
    cents_per_point: int = 100  # 1 point per 1.00 paid
    signup_bonus_points: int = 100
    redeem: RedeemPolicy = RedeemPolicy()
    expiry_months: int = 12
    offline_redeem_allowance_points: int = 5000
    spend_window_days: int = 365
    birthday_coupon: dict[str, Any] | None = None  # {"kind", "value_cents" or "value_bp", "min_spend_cents"}
    trust: TrustPolicy = TrustPolicy()
    risk: RiskPolicy = RiskPolicy()
    privacy: PrivacyRules = PrivacyRules()

    @staticmethod
    def from_dict(data: dict[str, Any]) -> "RuleSet":
        try:
            return _parse(data)
        except DomainError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DomainError("invalid_rules", f"Rule set is malformed: {exc}") from None


def _int(value: object, low: int = 0, high: int = 10**12) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"{value!r} is not a whole number in [{low}, {high}]")
    return value


def _date(value: object) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def _tier(d: dict[str, Any]) -> Tier:
    return Tier(
        code=str(d["code"]),
        names=dict(d.get("names", {})),
        threshold_cents=_int(d["threshold_cents"]),
        earn_permille=_int(d["earn_permille"], 0, 100_000),
        discount_bp=_int(d.get("discount_bp", 0), 0, 10_000),
    )


def _promotion(d: dict[str, Any]) -> Promotion:
    if d["kind"] not in KINDS:
        raise ValueError(f"unknown promotion kind {d['kind']!r}")
    weekday = d.get("weekday")
    return Promotion(
        id=str(d["id"]),
        kind=d["kind"],
        names=dict(d.get("names", {})),
        multiplier_permille=_int(d.get("multiplier_permille", 1000), 1000, 100_000),
        weekday=None if weekday is None else _int(weekday, 0, 6),
        sku=d.get("sku"),
        category=d.get("category"),
        points_per_unit=_int(d.get("points_per_unit", 0), 0, 1_000_000),
        points=_int(d.get("points", 0), 0, 1_000_000),
        stackable=bool(d.get("stackable", False)),
        valid_from=_date(d.get("valid_from")),
        valid_to=_date(d.get("valid_to")),
    )


def _parse(data: dict[str, Any]) -> RuleSet:
    tiers = [_tier(t) for t in data["tiers"]]
    if not tiers or min(t.threshold_cents for t in tiers) != 0:
        raise ValueError("the lowest tier must start at 0")
    if len({t.code for t in tiers}) != len(tiers):
        raise ValueError("tier codes must be unique")
    redeem = data.get("redeem", {})
    return RuleSet(
        version=_int(data["version"], 1),
        ladder=TierLadder(tiers),
        promotions=[_promotion(p) for p in data.get("promotions", [])],
        cents_per_point=_int(data.get("cents_per_point", 100), 1),
        signup_bonus_points=_int(data.get("signup_bonus_points", 0)),
        redeem=RedeemPolicy(
            points_per_step=_int(redeem.get("points_per_step", 100), 1),
            cents_per_step=_int(redeem.get("cents_per_step", 100), 1),
            max_share_bp=_int(redeem.get("max_share_bp", 5000), 0, 10_000),
        ),
        expiry_months=_int(data.get("expiry_months", 12), 1, 120),
        offline_redeem_allowance_points=_int(data.get("offline_redeem_allowance_points", 0)),
        spend_window_days=_int(data.get("spend_window_days", 365), 1, 3650),
        birthday_coupon=dict(data["birthday_coupon"]) if data.get("birthday_coupon") else None,
        trust=_trust(data.get("trust", {})),
        risk=_risk(data.get("risk") or {}),
        privacy=_privacy(data.get("privacy") or {}),
    )


def _trust(d: dict[str, Any]) -> TrustPolicy:
    default = TrustPolicy()
    return TrustPolicy(
        max_adjust_points=_int(d.get("max_adjust_points", default.max_adjust_points)),
        max_adjust_store_day_points=_int(d.get("max_adjust_store_day_points", default.max_adjust_store_day_points)),
        max_unreceipted_return_cents=_int(d.get("max_unreceipted_return_cents", default.max_unreceipted_return_cents)),
        max_unreceipted_store_day_cents=_int(
            d.get("max_unreceipted_store_day_cents", default.max_unreceipted_store_day_cents)
        ),
        rules_grace_days=_int(d.get("rules_grace_days", default.rules_grace_days), 0, 365),
        clock_skew_hours=_int(d.get("clock_skew_hours", default.clock_skew_hours), 1, 24 * 30),
        member_reads_per_minute=_int(d.get("member_reads_per_minute", default.member_reads_per_minute), 1, 10_000),
    )


def _risk(d: dict[str, Any]) -> RiskPolicy:
    """Names this version does not know are ignored (a till older than HQ still reads the document);
    HQ's console refuses them in a draft (hq/services/program_checks.py)."""
    default = RiskPolicy()
    return RiskPolicy(**{name: _int(d.get(name, getattr(default, name)), 1) for name in default.__dataclass_fields__})


def _privacy(d: dict[str, Any]) -> PrivacyRules:
    notices = []
    for kind, notice in dict(d.get("notices") or {}).items():
        if kind not in ("terms", "marketing"):
            raise ValueError(f"unknown notice {kind!r}")
        texts = tuple(sorted((str(lang), str(text)) for lang, text in dict(notice.get("texts") or {}).items()))
        notices.append((kind, _int(notice["version"], 1), texts))
    return PrivacyRules(
        retention_years=_int(d.get("retention_years", 3), 1, 50),
        audit_retention_years=_int(d.get("audit_retention_years", 5), 1, 50),
        notices=tuple(sorted(notices)),
    )
