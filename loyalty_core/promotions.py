"""Promotions that change what a sale earns.

Multipliers from several promotions do not compound: the best one wins,
unless every promotion that applies is marked stackable.
"""

import datetime as dt
from dataclasses import dataclass, field

WEEKDAY_MULTIPLIER = "weekday_multiplier"
BIRTHDAY_MULTIPLIER = "birthday_multiplier"
SKU_BONUS = "sku_bonus"
CATEGORY_BONUS = "category_bonus"
REFERRAL = "referral"
KINDS = {WEEKDAY_MULTIPLIER, BIRTHDAY_MULTIPLIER, SKU_BONUS, CATEGORY_BONUS, REFERRAL}


@dataclass(frozen=True)
class Promotion:
    id: str
    kind: str
    names: dict[str, str] = field(default_factory=dict)
    multiplier_permille: int = 1000
    weekday: int | None = None  # Monday = 0, as datetime.weekday()
    sku: str | None = None
    category: str | None = None
    points_per_unit: int = 0
    points: int = 0  # referral bonus
    stackable: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (self.valid_to is None or day <= self.valid_to)

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names.get("en") or self.id


def is_birthday_month(birthday: dt.date | int | None, day: dt.date) -> bool:
    """`birthday` is the date, or only its month (what a till keeps about other stores' members)."""
    if birthday is None:
        return False
    return (birthday if isinstance(birthday, int) else birthday.month) == day.month


def multiplier_promotions(promotions: list[Promotion], day: dt.date, birthday: dt.date | int | None) -> list[Promotion]:
    """The multiplier promotions that apply to a sale on `day`."""
    applies = []
    for p in promotions:
        if not p.active_on(day):
            continue
        if (
            p.kind == WEEKDAY_MULTIPLIER
            and p.weekday == day.weekday()
            or p.kind == BIRTHDAY_MULTIPLIER
            and is_birthday_month(birthday, day)
        ):
            applies.append(p)
    return applies


def combined_multiplier(applying: list[Promotion]) -> tuple[int, list[str]]:
    """(permille, ids used): the best single one, or the product if all stack."""
    if not applying:
        return 1000, []
    if len(applying) > 1 and all(p.stackable for p in applying):
        total = 1000
        for p in applying:
            total = total * p.multiplier_permille // 1000
        return total, [p.id for p in applying]
    best = max(applying, key=lambda p: p.multiplier_permille)
    return best.multiplier_permille, [best.id]


def unit_bonus(promotions: list[Promotion], day: dt.date, sku: str, category: str) -> tuple[int, str | None]:
    """Bonus points per unit for a line: the best SKU or category bonus."""
    best, best_id = 0, None
    for p in promotions:
        if not p.active_on(day):
            continue
        hit = (p.kind == SKU_BONUS and p.sku == sku) or (p.kind == CATEGORY_BONUS and p.category == category)
        if hit and p.points_per_unit > best:
            best, best_id = p.points_per_unit, p.id
    return best, best_id


def referral_points(promotions: list[Promotion], day: dt.date) -> int:
    return max((p.points for p in promotions if p.kind == REFERRAL and p.active_on(day)), default=0)
