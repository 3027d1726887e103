"""One-time codes that allow a redemption above `risk.redeem_identity_points` when a till found the member
by a typed phone or member code (docs/SYNC_PROTOCOL.md, Identity at redemption).

- `send`: a terminal asks; HQ makes a 6-digit code, keeps only a salted HMAC of it, and sends it to the
  member's phone through the SMS sink (`POS_HQ_SMS=log:FILE` appends `{"to": E.164, "text"}` per line;
  unset: `no_sms_channel`). At most `SENDS_PER_HOUR` codes per member per hour of HQ's clock.
- `verify`: the cashier types what the member read; the code is good for `VALID` from sending, from the
  terminal that asked, for `MAX_ATTEMPTS` wrong tries. A right code marks the row verified: its `otp_id`
  is what the till quotes in the sale.
- `problem` (at push): a sale quoting an `otp_id` must name a verified row of the same member and
  terminal not used by another sale; it is then used by this one.
"""

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import counters
from hq.storage.schema import redeem_codes
from loyalty_core.member import ACTIVE
from loyalty_core.personal_data import mask_phone

from . import lookup

VALID = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 5
SENDS_PER_HOUR = 3
SCOPE = "redeem_code_send"
SMS_ENV = "POS_HQ_SMS"


class Refused(Exception):
    """A clear refusal for the API: (HTTP status, code, English message)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class Sent(NamedTuple):
    otp_id: str
    expires_at: dt.datetime
    to_masked: str  # the phone it went to, masked, for the cashier to read out


def sms_file() -> Path:
    """The log sink's file; `no_sms_channel` when HQ has no way to text a member."""
    spec = os.environ.get(SMS_ENV, "")
    if not spec.startswith("log:") or not spec[4:]:
        raise Refused(409, "no_sms_channel", "HQ has no SMS channel configured: use the member's card")
    return Path(spec[4:])


def send(conn: Connection, store_id: str, terminal_id: str, member_code: str, now: dt.datetime) -> Sent:
    sink = sms_file()
    now = now.astimezone(dt.UTC)  # SQLite keeps a datetime's wall time only: store UTC, as _aware reads it
    found = lookup.find(conn, member_code)
    if found is None or found[0].member.status != ACTIVE:
        raise Refused(404, "unknown_member", "No active member with that code")
    member = found[0].member
    hits = counters.add(conn, SCOPE, member.member_code, now.strftime("%Y-%m-%dT%H"), now).hits
    if hits > SENDS_PER_HOUR:
        raise Refused(429, "too_many_codes", f"At most {SENDS_PER_HOUR} codes per member per hour")
    code, salt, otp_id = f"{secrets.randbelow(10**6):06d}", secrets.token_hex(16), secrets.token_urlsafe(18)
    conn.execute(redeem_codes.insert().values(
        otp_id=otp_id, member_code=member.member_code, store_id=store_id, terminal_id=terminal_id,
        code_hash=_hash(salt, code), salt=salt, created_at=now, expires_at=now + VALID, attempts=0,
    ))  # fmt: skip
    text = f"{code} 點數折抵驗證碼 / 积分抵扣验证码 / your code to redeem points (10 min)"
    with sink.open("a", encoding="utf-8") as out:  # the log sink: one JSON object per line
        out.write(json.dumps({"to": member.phone, "text": text}, ensure_ascii=False) + "\n")
    return Sent(otp_id, now + VALID, mask_phone(member.phone))


def verify(conn: Connection, terminal_id: str, store_id: str, otp_id: str, code: str, now: dt.datetime) -> str:
    """The member code the verified `otp_id` is for; `Refused` for a wrong, spent or expired code."""
    now = now.astimezone(dt.UTC)
    c = redeem_codes.c
    row = conn.execute(sa.select(redeem_codes).where(c.otp_id == otp_id).with_for_update()).first()  # tries count once
    if row is None or (row.store_id, row.terminal_id) != (store_id, terminal_id):
        raise Refused(404, "unknown_code", "No such code was sent from this till")
    if row.attempts >= MAX_ATTEMPTS:
        raise Refused(429, "too_many_attempts", "Too many wrong codes: send a new one")
    if _aware(row.expires_at) <= now:
        raise Refused(410, "code_expired", "This code has expired: send a new one")
    if not hmac.compare_digest(row.code_hash, _hash(row.salt, code)):
        conn.execute(sa.update(redeem_codes).where(c.otp_id == otp_id).values(attempts=c.attempts + 1))
        raise Refused(400, "wrong_code", "That is not the code sent to the member")
    if row.verified_at is None:
        conn.execute(sa.update(redeem_codes).where(c.otp_id == otp_id).values(verified_at=now))
    return str(row.member_code)


def problem(conn: Connection, event: dict, member_code: str) -> str | None:
    """Why a sale's `otp_id` is no proof (None: it is, and this sale now uses it)."""
    otp_id = event["payload"].get("otp_id")
    if not isinstance(otp_id, str) or not otp_id or len(otp_id) > 40:
        return "no one-time code"
    c = redeem_codes.c
    row = conn.execute(sa.select(redeem_codes).where(c.otp_id == otp_id)).first()
    if row is None or row.verified_at is None or row.terminal_id != event.get("terminal_id") \
            or row.store_id != event.get("store_id") or row.member_code != member_code:  # fmt: skip
        return "a one-time code HQ did not verify for this member and till"
    if row.used_by not in (None, event["event_id"]):
        return "a one-time code another sale used"
    conn.execute(sa.update(redeem_codes).where(c.otp_id == otp_id).values(used_by=event["event_id"]))
    return None


def _hash(salt: str, code: str) -> str:
    return hmac.new(salt.encode(), code.encode(), hashlib.sha256).hexdigest()


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)

