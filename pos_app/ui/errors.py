"""Refusals in the cashier's language: every DomainError code maps to a translatable text.

The domain raises DomainError(code, message, **params); the English `message`
is for logs and the CLI. Here each code gets its own text, translated at
display time and filled with the error's params.
"""

import logging
import string

from loyalty_core.errors import DomainError

from . import fmt
from .i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

CONTEXT = "Errors"

MESSAGES: dict[str, str] = {
    # members and cards
    "member_not_found": QT_TRANSLATE_NOOP("Errors", "No member matches that."),
    "member_inactive": QT_TRANSLATE_NOOP("Errors", "This member cannot collect or spend points right now."),
    "member_closed": QT_TRANSLATE_NOOP("Errors", "This membership was closed at the member's request."),
    "profile_needs_hq": QT_TRANSLATE_NOOP(
        "Errors", "Correcting this member's name, phone or birthday needs HQ. Try again when the till is online."
    ),
    "nothing_to_change": QT_TRANSLATE_NOOP("Errors", "Nothing to change."),
    "insecure_hq_url": QT_TRANSLATE_NOOP("Errors", "HQ must be reached over https://."),
    "invalid_ca_bundle": QT_TRANSLATE_NOOP("Errors", "That file is not a list of CA certificates (PEM)."),
    "invalid_qr": QT_TRANSLATE_NOOP("Errors", "This code is not a member card."),
    "forged_qr": QT_TRANSLATE_NOOP("Errors", "This member card's signature is not valid. Do not accept it."),
    "expired_qr": QT_TRANSLATE_NOOP("Errors", "This member code has expired. Ask the member to refresh it."),
    "phone_taken": QT_TRANSLATE_NOOP("Errors", "This phone number already belongs to a member."),
    "consent_required": QT_TRANSLATE_NOOP("Errors", "The member must accept the terms to join."),
    "invalid_phone": QT_TRANSLATE_NOOP("Errors", "That is not a phone number."),
    "not_mobile": QT_TRANSLATE_NOOP("Errors", "Members enroll with a mobile number; that is a landline."),
    "invalid_country": QT_TRANSLATE_NOOP("Errors", "That country is not supported (TW, CN or HK)."),
    "invalid_name": QT_TRANSLATE_NOOP("Errors", "Please enter a real name (letters only)."),
    "name_too_long": QT_TRANSLATE_NOOP("Errors", "A name is at most {max} characters."),
    "invalid_birthday": QT_TRANSLATE_NOOP("Errors", "The birthday is not a real date of birth."),
    "invalid_date": QT_TRANSLATE_NOOP("Errors", "That is not a date."),
    "invalid_datetime": QT_TRANSLATE_NOOP("Errors", "That is not a date and time."),
    "invalid_field": QT_TRANSLATE_NOOP("Errors", "That detail cannot be edited."),
    # sales
    "empty_cart": QT_TRANSLATE_NOOP("Errors", "The sale has no items yet."),
    "too_many_lines": QT_TRANSLATE_NOOP("Errors", "A sale can have at most {max} lines."),
    "invalid_amount": QT_TRANSLATE_NOOP("Errors", "That amount is not possible."),
    "invalid_quantity": QT_TRANSLATE_NOOP("Errors", "The quantity must be between 1 and 999."),
    "invalid_line": QT_TRANSLATE_NOOP("Errors", "That sale line is not valid."),
    "invalid_sku": QT_TRANSLATE_NOOP("Errors", "That product code is not valid."),
    "invalid_category": QT_TRANSLATE_NOOP("Errors", "Please choose a category."),
    "invalid_points": QT_TRANSLATE_NOOP("Errors", "That number of points is not allowed."),
    "insufficient_points": QT_TRANSLATE_NOOP("Errors", "The member does not have enough points for that."),
    "redeem_step": QT_TRANSLATE_NOOP("Errors", "Points are redeemed in steps of {step}."),
    "redeem_over_cap": QT_TRANSLATE_NOOP("Errors", "At most {max} points can pay for this sale."),
    "redeem_offline_limit": QT_TRANSLATE_NOOP("Errors", "While offline, at most {max} points can be redeemed."),
    "redeem_needs_identity": QT_TRANSLATE_NOOP(
        "Errors", "More than {max} points: scan the member's card or confirm with a one-time code."
    ),
    "redeem_needs_card": QT_TRANSLATE_NOOP(
        "Errors", "More than {max} points: scan the member's card (offline, no one-time code can be sent)."
    ),
    "invalid_identified_by": QT_TRANSLATE_NOOP("Errors", "How the member was identified is not known."),
    "invalid_otp_id": QT_TRANSLATE_NOOP("Errors", "That one-time code proof is not valid."),
    "code_needs_hq": QT_TRANSLATE_NOOP("Errors", "A one-time code needs HQ: scan the member's card instead."),
    "no_sms_channel": QT_TRANSLATE_NOOP("Errors", "HQ cannot send text messages: scan the member's card."),
    "too_many_codes": QT_TRANSLATE_NOOP("Errors", "Too many codes were sent to this member: scan the card."),
    "too_many_attempts": QT_TRANSLATE_NOOP("Errors", "Too many wrong codes: send a new one."),
    "code_expired": QT_TRANSLATE_NOOP("Errors", "This code has expired: send a new one."),
    "wrong_code": QT_TRANSLATE_NOOP("Errors", "That is not the code sent to the member."),
    "unknown_code": QT_TRANSLATE_NOOP("Errors", "No such code was sent from this till: send a new one."),
    # coupons
    "invalid_coupon": QT_TRANSLATE_NOOP("Errors", "This coupon cannot be used for this sale."),
    "forged_coupon": QT_TRANSLATE_NOOP("Errors", "This coupon's signature is not valid."),
    "coupon_used": QT_TRANSLATE_NOOP("Errors", "This coupon has already been used."),
    "coupon_wrong_member": QT_TRANSLATE_NOOP("Errors", "This coupon belongs to another member."),
    "coupon_not_hq_signed": QT_TRANSLATE_NOOP("Errors", "Only HQ issues this kind of coupon; it cannot be used."),
    "revoked_coupon": QT_TRANSLATE_NOOP("Errors", "This coupon comes from a retired till and cannot be used."),
    "card_needs_reissue": QT_TRANSLATE_NOOP(
        "Errors", "This card is from a retired till. Find the member by phone and give them a new card."
    ),
    "coupon_expired": QT_TRANSLATE_NOOP("Errors", "This coupon expired on {until}."),
    "coupon_min_spend": QT_TRANSLATE_NOOP("Errors", "This coupon needs a spend of at least {min}."),
    # returns
    "receipt_not_found": QT_TRANSLATE_NOOP("Errors", "No sale has receipt number {receipt_no}."),
    "return_too_many": QT_TRANSLATE_NOOP("Errors", "Not that many items are left to return."),
    "return_unknown_line": QT_TRANSLATE_NOOP("Errors", "That item is not on this receipt."),
    "supervisor_required": QT_TRANSLATE_NOOP("Errors", "A supervisor must approve this."),
    # supervisors, cashiers, adjustments
    "not_supervisor": QT_TRANSLATE_NOOP("Errors", "Only a supervisor can approve this."),
    "invalid_reason": QT_TRANSLATE_NOOP("Errors", "Please choose a reason."),
    "invalid_supervisor": QT_TRANSLATE_NOOP("Errors", "That supervisor ID is not valid."),
    "bad_pin": QT_TRANSLATE_NOOP("Errors", "Wrong PIN. {left} tries left before the cashier is locked."),
    "bad_pin_one": QT_TRANSLATE_NOOP("Errors", "Wrong PIN. 1 try left before the cashier is locked."),
    "cashier_locked": QT_TRANSLATE_NOOP("Errors", "Too many wrong PINs. Try again in {minutes} minutes."),
    "unknown_cashier": QT_TRANSLATE_NOOP("Errors", "Unknown cashier ID."),
    "bad_login": QT_TRANSLATE_NOOP("Errors", "Unknown cashier ID or wrong PIN."),
    "cashier_locked_out": QT_TRANSLATE_NOOP("Errors", "Locked after too many wrong PINs. A supervisor must unlock it."),
    "no_supervisor": QT_TRANSLATE_NOOP("Errors", "This till has no supervisor yet. Add one first."),
    "pin_required": QT_TRANSLATE_NOOP("Errors", "Enter the PIN."),
    "invalid_cashier": QT_TRANSLATE_NOOP("Errors", "That cashier ID is not valid."),
    "cashier_exists": QT_TRANSLATE_NOOP("Errors", "That cashier ID is already taken."),
    "invalid_pin": QT_TRANSLATE_NOOP("Errors", "A PIN is 4 to 8 digits."),
    "invalid_role": QT_TRANSLATE_NOOP("Errors", "That role does not exist."),
    # set-up and sync
    "not_initialized": QT_TRANSLATE_NOOP("Errors", "This till is not set up yet."),
    "storage_full": QT_TRANSLATE_NOOP("Errors", "The disk is full: nothing was saved. Free some space and try again."),
    "invalid_run": QT_TRANSLATE_NOOP("Errors", "No such reconciliation run."),
    "already_initialized": QT_TRANSLATE_NOOP("Errors", "This till is already set up."),
    "invalid_store": QT_TRANSLATE_NOOP("Errors", "Store ID: letters, digits, - and _ only (up to 20)."),
    "invalid_terminal": QT_TRANSLATE_NOOP("Errors", "Terminal ID: letters, digits, - and _ only (up to 20)."),
    "invalid_hq_url": QT_TRANSLATE_NOOP("Errors", "The HQ address must start with http:// or https://"),
    "invalid_rules": QT_TRANSLATE_NOOP("Errors", "The loyalty rules received are not valid."),
    "no_hq": QT_TRANSLATE_NOOP("Errors", "This till has no HQ address."),
    "hq_unreachable": QT_TRANSLATE_NOOP("Errors", "HQ cannot be reached. Everything is kept and will sync later."),
    "usage": QT_TRANSLATE_NOOP("Errors", "That command is not valid."),
    "not_demo": QT_TRANSLATE_NOOP("Errors", "This till belongs to a real store; demo mode needs its own data folder."),
    "no_port": QT_TRANSLATE_NOOP("Errors", "No free network port for the demo HQ."),
    "demo_hq_failed": QT_TRANSLATE_NOOP("Errors", "The demo HQ could not start."),
    # paying and printing
    "invalid_tender": QT_TRANSLATE_NOOP("Errors", "That is not a payment method."),
    "not_enough_cash": QT_TRANSLATE_NOOP("Errors", "Not enough cash: {received} received, {due} due."),
    "printer_missing": QT_TRANSLATE_NOOP("Errors",
                                         "The printer was not found ({detail}). Check its cable or address in Settings."),
    "printer_offline": QT_TRANSLATE_NOOP("Errors", "The printer stopped answering ({detail})."),
    "printer_no_paper": QT_TRANSLATE_NOOP("Errors", "The printer is out of paper. Load a new roll."),
    "printer_failed": QT_TRANSLATE_NOOP("Errors", "The printer could not print: {detail}"),
    "invalid_printer_usb": QT_TRANSLATE_NOOP("Errors", "A USB printer is its vendor:product id in hex, e.g. 04b8:0202."),
    "invalid_printer_network": QT_TRANSLATE_NOOP("Errors",
                                                 "A network printer is a host or host:port, e.g. 192.168.1.50:9100."),
    "invalid_printer_serial": QT_TRANSLATE_NOOP("Errors",
                                                "A serial printer is a device such as /dev/ttyUSB0 (or /dev/ttyUSB0@19200)."),
    # the window's own refusals
    "not_a_code": QT_TRANSLATE_NOOP("Errors", "Not a member card, product or receipt: {text}"),
    "unknown_product": QT_TRANSLATE_NOOP("Errors", "No product with code {text}."),
    "no_member": QT_TRANSLATE_NOOP("Errors", "Identify the member first (scan the card or type the phone)."),
    "no_camera": QT_TRANSLATE_NOOP("Errors", "No camera found. Use the scanner or type the phone number."),
    "camera_failed": QT_TRANSLATE_NOOP("Errors", "The camera stopped working: {detail}"),
    "not_ready": QT_TRANSLATE_NOOP("Errors", "The till is still starting. Please wait a moment."),
    "export_failed": QT_TRANSLATE_NOOP("Errors", "Could not save the file: {detail}"),
    "internal": QT_TRANSLATE_NOOP("Errors", "Something went wrong. Nothing was changed. Please try again."),
}

_FALLBACK = QT_TRANSLATE_NOOP("Errors", "This was refused ({code}).")


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Messages whose wording changes for exactly one of something: code -> (count parameter, code for one).
_SINGULAR = {"bad_pin": ("left", "bad_pin_one")}


def message_for(code: str, **params: object) -> str:
    count, singular = _SINGULAR.get(code, (None, None))
    if count is not None and singular is not None and params.get(count) == 1:
        code = singular
    template = MESSAGES.get(code)
    if template is None:
        return translate(CONTEXT, _FALLBACK).format(code=code)
    text = translate(CONTEXT, template)
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    shown = dict(params)
    for key, value in params.items():  # amounts travel as cents: {min} shows min_cents as money
        if key.endswith("_cents") and isinstance(value, int):
            shown.setdefault(key.removesuffix("_cents"), fmt.money(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            shown[key] = fmt.number(value)
    values = _Params({k: v for k, v in shown.items() if k in names})
    return text.format_map(values)


def error_text(exc: BaseException) -> str:
    """The text to show for any exception an op raised."""
    if isinstance(exc, DomainError):
        return message_for(exc.code, **exc.params)
    log.error("unexpected error", exc_info=exc)
    return message_for("internal")


def ui_error(code: str, **params: object) -> DomainError:
    """A refusal raised by the window itself (same path as the domain's)."""
    return DomainError(code, code, **params)
