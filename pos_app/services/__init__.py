"""Use cases: each runs in one unit of work and commits its outbox event with it.

Layer rule: this package imports loyalty_core and itself only (the unit of work's protocol names the
store's repositories for type checking, nothing more). The window imports what it needs from this
package's names below, never from its modules: they are the till's service API.
"""

from .cashiers import Cashier
from .checkout import ClampedQuote, SaleRequest
from .pos import CashierService, PosService
from .sync_status import SyncNotice, SyncStatus
from .views import CouponView, DaySummary, MemberView, Profile, Receipt, ReturnReceipt

__all__ = [
    "Cashier", "CashierService", "ClampedQuote", "CouponView", "DaySummary", "MemberView", "PosService", "Profile",
    "Receipt", "ReturnReceipt", "SaleRequest", "SyncNotice", "SyncStatus",
]  # fmt: skip
