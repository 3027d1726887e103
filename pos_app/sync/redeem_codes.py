"""One-time codes for a redemption above the threshold, asked of HQ (hq/api/redeem_codes.py): HQ texts the
member a code; the cashier types what the member reads; HQ's `otp_id` then goes with the sale. Online only:
offline, only the member's card unlocks such a redemption (pos_app/services/identity.py)."""

from __future__ import annotations

from collections.abc import Callable

from loyalty_core.errors import DomainError

from ..services.views import CodeSent
from .hq_client import HqClient, HqError

NEEDS_HQ = "code_needs_hq"
_HQ_SAYS = {"no_sms_channel", "unknown_member", "too_many_codes", "too_many_attempts", "code_expired",
            "wrong_code", "unknown_code"}  # fmt: skip


class HqRedeemCodes:
    def __init__(self, client: Callable[[], HqClient]) -> None:
        self._client = client  # the sync engine's; forked per call (its session belongs to the sync thread)

    def send(self, member_code: str) -> CodeSent:
        answer = self._ask("/members/redeem-code", {"member_code": member_code})
        try:
            return CodeSent(str(answer["otp_id"]), str(answer["to"]))
        except (KeyError, TypeError):
            raise needs_hq() from None

    def verify(self, otp_id: str, code: str) -> str:
        answer = self._ask("/members/redeem-code/verify", {"otp_id": otp_id, "code": code})
        if answer.get("verified") is not True:
            raise needs_hq()
        return str(answer.get("member_code", ""))

    def _ask(self, path: str, body: dict) -> dict:
        client = self._client().fork()
        try:
            return client.request("POST", path, body=body)
        except HqError as exc:
            if exc.code in _HQ_SAYS:  # HQ's refusal, in the cashier's words (pos_app/ui/errors.py)
                raise DomainError(exc.code, exc.message) from None
            raise needs_hq() from None
        finally:
            client.close()


def needs_hq() -> DomainError:
    return DomainError(NEEDS_HQ, "A one-time code needs HQ: scan the member's card instead")
