"""Tiers: who gets which multiplier and member price, and how to move up."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tier:
    code: str
    names: dict[str, str]  # language tag -> display name ("en", "zh_TW", "zh_CN")
    threshold_cents: int  # qualifying spend in the last 12 months to reach it
    earn_permille: int  # 1200 = x1.2
    discount_bp: int  # member price discount, basis points (200 = 2%)

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names.get("en") or self.code


@dataclass(frozen=True)
class TierProgress:
    tier: Tier
    next_tier: Tier | None
    spend_to_next_cents: int  # 0 at the top tier


class TierLadder:
    """The tiers ordered by threshold, lowest first."""

    def __init__(self, tiers: list[Tier]) -> None:
        self.tiers = sorted(tiers, key=lambda t: t.threshold_cents)
        self._by_code = {t.code: t for t in self.tiers}

    def get(self, code: str) -> Tier:
        return self._by_code.get(code, self.tiers[0])

    @property
    def lowest(self) -> Tier:
        return self.tiers[0]

    def for_spend(self, spend_cents: int) -> Tier:
        reached = [t for t in self.tiers if spend_cents >= t.threshold_cents]
        return reached[-1] if reached else self.tiers[0]

    def rank(self, code: str) -> int:
        return self.tiers.index(self.get(code))

    def after_purchase(self, current_code: str, spend_cents: int) -> Tier:
        """Upgrades happen at once; a purchase never moves anyone down."""
        current, earned = self.get(current_code), self.for_spend(spend_cents)
        return earned if self.rank(earned.code) > self.rank(current.code) else current

    def at_review(self, current_code: str, spend_cents: int) -> Tier:
        """The yearly review: up to what was earned, down by at most one step."""
        current, earned = self.rank(current_code), self.rank(self.for_spend(spend_cents).code)
        if earned >= current:
            return self.tiers[earned]
        return self.tiers[current - 1]

    def progress(self, current_code: str, spend_cents: int) -> TierProgress:
        current = self.get(current_code)
        higher = [t for t in self.tiers if t.threshold_cents > current.threshold_cents]
        if not higher:
            return TierProgress(current, None, 0)
        nxt = higher[0]
        return TierProgress(current, nxt, max(0, nxt.threshold_cents - spend_cents))
