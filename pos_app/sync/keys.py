"""Public keys HQ hands a till, on the feed and on the snapshot's first page.

Two kinds: each store terminal's key (it signs the QR cards that terminal printed), and HQ's own
coupon keys (`source == "hq"`), the only keys a till accepts on a coupon other than the birthday
coupon it signs itself (`loyalty_core.coupons.parse`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

STORE = "store"
HQ = "hq"


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    public_key: str  # base64url Ed25519
    revoked_at: str | None = None  # HQ revoked the terminal holding it (cards it signed need reissue)
    source: str = STORE

    @classmethod
    def from_wire(cls, d: dict[str, Any]) -> TrustedKey:
        revoked = d.get("revoked_at")
        return cls(str(d["key_id"]), str(d["public_key"]), str(revoked) if revoked else None,
                   HQ if d.get("source") == HQ else STORE)  # fmt: skip

    @property
    def is_hq(self) -> bool:
        return self.source == HQ
