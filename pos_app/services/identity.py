"""How the member of a sale was identified, and when that is proof enough to redeem (rules data:
`risk.redeem_identity_points`, see docs/SYNC_PROTOCOL.md, Identity at redemption).

A typed phone number or member code can be anyone's: redeeming more than the threshold needs the
member's card scanned (a signed QR code) or a one-time code HQ sent to the member's phone and
verified (`otp_id`, the proof HQ answered). Offline there is no code: only the card.
"""

from loyalty_core import qr
from loyalty_core.errors import DomainError

from .context import ServiceContext

CARD, PHONE, CODE = "card", "phone", "code"  # scanned card, typed phone, typed member code (or a name picked)
WAYS = (CARD, PHONE, CODE)
CLAMPED = "redeem_clamped_identity"  # a ClampedQuote's reason: the points stopped at the threshold
MAX_OTP_ID = 40
OTP_DIGITS = 6


def checked_way(identified_by: object) -> str:
    if identified_by not in WAYS:
        raise DomainError("invalid_identified_by", f"identified_by must be one of {', '.join(WAYS)}")
    return str(identified_by)


def effective(member_query: str, identified_by: object) -> str:
    """A sale looked up by the card's QR text (the CLI's --member, a scan) is a card, whatever was said."""
    return CARD if qr.looks_like_qr(str(member_query).strip()) else checked_way(identified_by)


def proven(identified_by: str, otp_id: str | None) -> bool:
    """True when the identification allows any redemption (card, or a code HQ verified)."""
    return identified_by == CARD or bool(otp_id)


def limit_for(ctx: ServiceContext, identified_by: str, otp_id: str | None) -> int | None:
    """The most points this identification may redeem; None: no limit from identity."""
    return None if proven(checked_way(identified_by), otp_id) else ctx.rules.risk.redeem_identity_points


def check(ctx: ServiceContext, identified_by: str, otp_id: str | None, points: int) -> None:
    """Refuses a redemption above the threshold without a card or a verified code."""
    if otp_id is not None and (not isinstance(otp_id, str) or not 0 < len(otp_id) <= MAX_OTP_ID):
        raise DomainError("invalid_otp_id", "That one-time code proof is not valid")
    limit = limit_for(ctx, identified_by, otp_id)
    if limit is None or points <= limit:
        return
    if ctx.is_offline():
        raise DomainError("redeem_needs_card", f"Offline, redeeming more than {limit} points needs the member's "
                          "card scanned (a one-time code needs HQ)", max=limit)  # fmt: skip
    raise DomainError("redeem_needs_identity", f"Redeeming more than {limit} points: scan the member's card or "
                      "confirm with a one-time code", max=limit)  # fmt: skip
