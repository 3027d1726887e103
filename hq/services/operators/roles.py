"""What each operator role may see and do. One table, so a reviewer reads the whole policy here.

Two point limits, on purpose apart (docs/CONSOLE.md, "Adjustment limits"):
- `max_adjust_points`: the largest adjustment the operator books themself from the member page.
- `max_approve_points`: the largest adjustment HELD by HQ (a till's adjustment over the published trust policy's
  `max_adjust_points`, 10,000 by default, or over its store's daily total) that the operator may approve. It is
  above the hold threshold for finance, so what a till holds for finance, finance can approve; admin approves any.
  A store manager approves none: a hold is a check on the store, so someone outside it decides (they may reject).
"""

from dataclasses import dataclass

ADMIN, MARKETING, FINANCE, STORE_MANAGER, AUDITOR = "admin", "marketing", "finance", "store_manager", "auditor"
ROLES = (ADMIN, MARKETING, FINANCE, STORE_MANAGER, AUDITOR)


@dataclass(frozen=True)
class Policy:
    writes: bool  # any change at all (an auditor only reads)
    full_phone: bool  # sees members' phone numbers unmasked
    max_adjust_points: int  # largest manual adjustment, either way
    max_approve_points: int | None  # largest held adjustment it may approve, either way; None: any
    manages_operators: bool
    manages_stores: bool
    reads_audit: bool
    one_store: bool  # sees only its own store's members, sales and tills
    max_adjust_day_points: int  # |points| one operator may adjust in an HQ business day, all members together


FINANCE_APPROVE_POINTS = 100_000  # ten times the default hold threshold (loyalty_core.rules.TrustPolicy)

POLICIES: dict[str, Policy] = {
    ADMIN: Policy(True, True, 100_000, None, True, True, True, False, 500_000),
    MARKETING: Policy(True, True, 0, 0, False, False, False, False, 0),
    FINANCE: Policy(True, False, 10_000, FINANCE_APPROVE_POINTS, False, False, False, False, 50_000),
    STORE_MANAGER: Policy(True, False, 1_000, 0, False, False, False, True, 3_000),
    AUDITOR: Policy(False, False, 0, 0, False, False, True, False, 0),
}


@dataclass(frozen=True)
class Operator:
    username: str
    role: str
    store_id: str | None = None

    @property
    def policy(self) -> Policy:
        return POLICIES[self.role]

    def may_approve(self, points: int) -> bool:
        """Whether this operator may approve a held adjustment of `points` (either sign)."""
        limit = self.policy.max_approve_points
        return self.policy.writes and (limit is None or abs(points) <= limit)

    def store_scope(self, asked: str | None) -> str | None:
        """The store a query is limited to: a store manager's own, whatever they asked for."""
        return self.store_id if self.policy.one_store else asked

    def sees_store(self, store_id: str | None) -> bool:
        return not self.policy.one_store or store_id == self.store_id
