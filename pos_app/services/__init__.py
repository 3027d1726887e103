"""Use cases: each runs in one unit of work and commits its outbox event with it.

Layer rule: this package imports loyalty_core and itself only (the unit of work's protocol names the
store's repositories for type checking, nothing more). The window imports what it needs from this
package's names below, never from its modules: they are the till's service API.
"""

from .cashiers import Cashier
from .checkout import ClampedQuote, SaleRequest
from .identity import CARD as BY_CARD
from .identity import CLAMPED as IDENTITY_CLAMPED
from .identity import CODE as BY_CODE
from .identity import PHONE as BY_PHONE
from .pos import CashierService, PosService
from .sync_status import SyncNotice, SyncStatus
from .views import CodeSent, CouponView, DaySummary, MemberView, Profile, Receipt, ReturnReceipt

__all__ = [
    "BY_CARD", "BY_CODE", "BY_PHONE", "IDENTITY_CLAMPED",
    "Cashier", "CashierService", "ClampedQuote", "CodeSent", "CouponView", "DaySummary", "MemberView", "PosService", "Profile",
    "Receipt", "ReturnReceipt", "SaleRequest", "SyncNotice", "SyncStatus",
]  # fmt: skip
