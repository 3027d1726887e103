"""Reading and checking a program draft (tiers, promotions and, optionally, the risk holds' numbers as JSON),
before the shared core parses it.

The core (`loyalty_core.rules.RuleSet.from_dict`) is the last word: what it refuses is never published.
These checks come first only so an operator gets one translated message per mistake, naming the tier or
promotion, instead of the core's first English exception. Each problem is (catalog key, values).
"""

import datetime as dt
import json
from dataclasses import dataclass, field

from loyalty_core.errors import DomainError
from loyalty_core.promotions import CATEGORY_BONUS, KINDS, SKU_BONUS, WEEKDAY_MULTIPLIER
from loyalty_core.rules import RiskPolicy, RuleSet

MAX_TEXT = 100_000  # characters of draft text; a program is a few KB
MAX_ITEMS = 200
MAX_PERMILLE = 100_000
LANGS = ("en", "zh_TW", "zh_CN")
TIER_KEYS = {"code", "names", "threshold_cents", "earn_permille", "discount_bp"}
RISK_KEYS = tuple(RiskPolicy.__dataclass_fields__)  # hq/services/risk.py: what a sale may be before it is held
MAX_RISK = 10**12
PROMOTION_KEYS = {"id", "kind", "names", "multiplier_permille", "weekday", "sku", "category", "points_per_unit",
                  "points", "stackable", "valid_from", "valid_to"}  # fmt: skip


@dataclass
class Problems:
    items: list[tuple[str, dict]] = field(default_factory=list)

    def add(self, catalog_key: str, /, **values: object) -> None:
        if len(self.items) < 50:
            self.items.append((catalog_key, values))

    def __bool__(self) -> bool:
        return bool(self.items)


def parse_text(text: object) -> tuple[dict | None, Problems]:
    """The draft {"tiers", "promotions"} from the textarea, or the problems that stop it."""
    problems = Problems()
    if not isinstance(text, str) or not text.strip():
        problems.add("program.err.empty")
        return None, problems
    if len(text) > MAX_TEXT:
        problems.add("program.err.too_long", limit=MAX_TEXT)
        return None, problems
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add("program.err.json", line=exc.lineno, column=exc.colno)
        return None, problems
    except RecursionError:
        problems.add("program.err.shape")
        return None, problems
    check_draft(data, problems)
    if problems:
        return None, problems
    content = {"tiers": data["tiers"], "promotions": data["promotions"]}
    return (content | {"risk": data["risk"]} if "risk" in data else content), problems


def check_draft(data: object, problems: Problems) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("tiers"), list) or not isinstance(
        data.get("promotions"), list
    ):
        problems.add("program.err.shape")
        return
    unknown = sorted(set(data) - {"tiers", "promotions", "risk"})
    if unknown:
        problems.add("program.err.unknown_key", names=", ".join(map(str, unknown))[:80])
    if "risk" in data:
        _check_risk(data["risk"], problems)
    if len(data["tiers"]) > MAX_ITEMS or len(data["promotions"]) > MAX_ITEMS:
        problems.add("program.err.too_many", limit=MAX_ITEMS)
        return
    _check_tiers(data["tiers"], problems)
    _check_promotions(data["promotions"], problems)


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _code(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 20 and all(c.isalnum() or c in "-_" for c in value)


def _text(value: object) -> bool:
    """Shown on receipts and pages; no control characters (PostgreSQL cannot even store a NUL)."""
    return isinstance(value, str) and 0 < len(value) <= 80 and all(c.isprintable() for c in value)


def _names(item: dict, key: str, known: set[str], problems: Problems) -> None:
    names = item.get("names", {})
    if not isinstance(names, dict) or not all(_text(v) for v in names.values()) or set(names) - set(LANGS):
        problems.add("program.err.names", code=key)
    unknown = sorted(set(item) - known)
    if unknown:
        problems.add("program.err.unknown_field", code=key, names=", ".join(map(str, unknown))[:80])


def _check_tiers(tiers: list, problems: Problems) -> None:
    seen: set[str] = set()
    thresholds: dict[object, str] = {}
    if not tiers:
        problems.add("program.err.no_tiers")
    for i, tier in enumerate(tiers, 1):
        if not isinstance(tier, dict) or not _code(tier.get("code")):
            problems.add("program.err.tier_code", n=i)
            continue
        code = tier["code"]
        if code in seen:
            problems.add("program.err.tier_duplicate", code=code)
        seen.add(code)
        threshold = tier.get("threshold_cents")
        if not _whole(threshold, 0, 10**12):
            problems.add("program.err.tier_threshold", code=code)
        elif threshold in thresholds:
            problems.add("program.err.tier_overlap", code=code, other=thresholds[threshold])
        else:
            thresholds[threshold] = code
        if not _whole(tier.get("earn_permille"), 0, MAX_PERMILLE):
            problems.add("program.err.tier_earn", code=code, high=MAX_PERMILLE)
        if not _whole(tier.get("discount_bp", 0), 0, 10_000):
            problems.add("program.err.tier_discount", code=code)
        _names(tier, code, TIER_KEYS, problems)
    if thresholds and 0 not in thresholds:
        problems.add("program.err.tier_lowest")


def _check_promotions(promotions: list, problems: Problems) -> None:
    seen = set()
    for i, p in enumerate(promotions, 1):
        if not isinstance(p, dict) or not _code(p.get("id")):
            problems.add("program.err.promo_id", n=i)
            continue
        pid = p["id"]
        if pid in seen:
            problems.add("program.err.promo_duplicate", id=pid)
        seen.add(pid)
        if p.get("kind") not in KINDS:
            problems.add("program.err.promo_kind", id=pid, kinds=", ".join(sorted(KINDS)))
            continue
        _check_promotion(pid, p, problems)
        _names(p, pid, PROMOTION_KEYS, problems)


def _check_promotion(pid: str, p: dict, problems: Problems) -> None:
    if not _whole(p.get("multiplier_permille", 1000), 1000, MAX_PERMILLE):
        problems.add("program.err.promo_multiplier", id=pid, high=MAX_PERMILLE)
    if p["kind"] == WEEKDAY_MULTIPLIER and not _whole(p.get("weekday"), 0, 6):
        problems.add("program.err.promo_weekday", id=pid)
    if p["kind"] == SKU_BONUS and not _code(p.get("sku")):
        problems.add("program.err.promo_sku", id=pid)
    if p["kind"] == CATEGORY_BONUS and not _code(p.get("category")):
        problems.add("program.err.promo_category", id=pid)
    for name in ("points_per_unit", "points"):
        if not _whole(p.get(name, 0), 0, 1_000_000):
            problems.add("program.err.promo_points", id=pid, field=name)
    if not isinstance(p.get("stackable", False), bool):
        problems.add("program.err.promo_stackable", id=pid)
    _check_dates(pid, p, problems)


def _check_dates(pid: str, p: dict, problems: Problems) -> None:
    dates = []
    for name in ("valid_from", "valid_to"):
        value = p.get(name)
        try:
            dates.append(None if value is None else dt.date.fromisoformat(value))
        except (TypeError, ValueError):
            problems.add("program.err.promo_date", id=pid, field=name)
            return
    if dates[0] and dates[1] and dates[1] < dates[0]:
        problems.add("program.err.promo_dates", id=pid)


def _check_risk(risk: object, problems: Problems) -> None:
    """Each a whole number from 1: a sale beyond it is held for an operator (0 would hold every sale)."""
    if not isinstance(risk, dict):
        problems.add("program.err.risk_shape")
        return
    unknown = sorted(set(risk) - set(RISK_KEYS))
    if unknown:
        problems.add("program.err.unknown_field", code="risk", names=", ".join(map(str, unknown))[:80])
    for name in RISK_KEYS:
        if name in risk and not _whole(risk[name], 1, MAX_RISK):
            problems.add("program.err.risk_value", field=name)


def full_document(in_force: dict, draft: dict, version: int) -> dict:
    """The whole rules document a draft becomes: what is in force, with the draft's tiers, promotions and
    risk numbers (a draft without "risk" keeps those in force)."""
    document = {**in_force, "version": version, "tiers": draft["tiers"], "promotions": draft["promotions"]}
    if "risk" in draft:
        document["risk"] = {**(in_force.get("risk") or {}), **draft["risk"]}
    return document


def core_check(document: dict, problems: Problems) -> RuleSet | None:
    """The shared core's verdict on the whole document (the one the tills will parse)."""
    try:
        return RuleSet.from_dict(document)
    except DomainError as exc:
        problems.add("program.err.core", detail=exc.message[:200])
        return None
