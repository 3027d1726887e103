"""What a draft changes, per tier and promotion field, in words an operator reads (the page translates them).

A change is (section, key, field, before, after, kind): kind is "added", "removed" or "changed". Added and
removed items are listed field by field, so a reviewer sees the whole of what comes or goes.
"""

from dataclasses import asdict, dataclass

from loyalty_core.rules import RiskPolicy

TIER_FIELDS = ("names", "threshold_cents", "earn_permille", "discount_bp")
PROMOTION_FIELDS = ("kind", "names", "multiplier_permille", "weekday", "sku", "category", "points_per_unit",
                    "points", "stackable", "valid_from", "valid_to")  # fmt: skip
# What the core takes for a field left out, so writing the default or leaving it out is no change.
DEFAULTS = {"names": {}, "discount_bp": 0, "multiplier_permille": 1000, "points_per_unit": 0, "points": 0,
            "stackable": False}  # fmt: skip


@dataclass(frozen=True)
class Change:
    section: str  # "tier" | "promotion" | "risk"
    key: str  # tier code or promotion id
    field: str
    before: object
    after: object
    kind: str  # "added" | "removed" | "changed"


def diff(in_force: dict, draft: dict) -> list[Change]:
    """Tiers first, then promotions, in the draft's order (removed ones last), then the risk numbers."""
    return (
        _section("tier", "code", TIER_FIELDS, in_force.get("tiers", []), draft.get("tiers", []))
        + _section("promotion", "id", PROMOTION_FIELDS, in_force.get("promotions", []), draft.get("promotions", []))
        + _risk(in_force.get("risk") or {}, draft.get("risk"))
    )


def _risk(before: dict, after: dict | None) -> list[Change]:
    """A draft without "risk" keeps the numbers in force; one left out of "risk" keeps its value too."""
    if after is None:
        return []
    defaults = asdict(RiskPolicy())
    changes = []
    for name, default in defaults.items():
        was, now = before.get(name, default), after.get(name, before.get(name, default))
        if was != now:
            changes.append(Change("risk", "", name, was, now, "changed"))
    return changes


def _value(item: dict, name: str) -> object:
    return item.get(name, DEFAULTS.get(name))


def _section(section: str, key: str, fields: tuple[str, ...], old: list[dict], new: list[dict]) -> list[Change]:
    before = {str(item[key]): item for item in old}
    after = {str(item[key]): item for item in new}
    changes = []
    for code, item in after.items():
        was = before.get(code)
        for name in fields:
            now = _value(item, name)
            if was is None:
                if now is not None and now != DEFAULTS.get(name):
                    changes.append(Change(section, code, name, None, now, "added"))
            elif _value(was, name) != now:
                changes.append(Change(section, code, name, _value(was, name), now, "changed"))
    for code, item in before.items():
        if code not in after:
            changes.extend(Change(section, code, name, _value(item, name), None, "removed")
                           for name in fields if _value(item, name) not in (None, DEFAULTS.get(name)))  # fmt: skip
    return changes


def shown(value: object) -> str:
    """A field's value as text for the page and the audit log ("—" for none; names as lang: text)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in sorted(value.items()))
    return str(value)
