"""What every use case needs besides storage: who we are, the rules, the keys, the time."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from loyalty_core import personal_data, signing
from loyalty_core.rules import RuleSet


def system_clock() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass
class ServiceContext:
    store_id: str
    terminal_id: str
    rules: RuleSet  # replaced when HQ publishes a new rule set
    signer: signing.Signer  # this store's key for member cards and coupons
    keyring: signing.KeyRing  # keys we trust: ours, HQ's, other stores'
    clock: Callable[[], dt.datetime] = system_clock
    # True while HQ is configured but unreachable; the sync engine sets it.
    is_offline: Callable[[], bool] = field(default=lambda: False)
    region: str = "TW"  # the store's country: phones typed without a country code are read in it
    # The chain's phone look-up key (pos_app/privacy.py): from an owner-only file, never the database.
    lookup_key: bytes = field(default=b"", repr=False)

    def snapshot(self) -> "ServiceContext":
        """This context with the rule set of this moment: a use case takes one at its start and reads
        only that, so a rule set the sync thread publishes meanwhile never mixes into one sale (and the
        event records the version that priced it). The sync thread replaces `rules`, never mutates it."""
        return replace(self)

    def phone_hash(self, raw_phone: str) -> str:
        """The keyed hash members are found by; raises DomainError for text that is not a phone."""
        return personal_data.lookup_hash(self.lookup_key, raw_phone, self.region)

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()
