"""Campaigns: HQ issues signed coupons to a segment or a list of members, within a budget it enforces.

Budgets are in integer cents and in coupons. An amount coupon reserves its value against the money
budget when issued; a percent coupon's cost is unknown until it is used, so it reserves nothing and
its cost shows in tracking (what sales reported as the coupon's amount). Issuing stops at whichever
budget runs out first; members left over are reported, never silently dropped. Members in overdraft or
with an open risk flag get none (hq/services/campaign_audience.py); they are listed with the reason.
"""

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services import campaign_audience, campaign_spend
from hq.services.operators import audit
from hq.services.operators.roles import ADMIN, MARKETING, Operator
from hq.services.payload import is_plain
from hq.services.reports import rfm
from hq.storage import feed, sealed
from hq.storage.schema import coupon_uses, events, members
from hq.storage.schema import coupons as coupon_table
from loyalty_core import coupons, signing
from loyalty_core.errors import DomainError

from ..storage.campaigns import campaign_coupons, campaigns, hq_coupon_keys

CREATORS = (ADMIN, MARKETING)
MAX_CENTS = 10**11
PREFIX = "CMP"  # campaign coupon ids: CMP<campaign id>-<n>
MAX_LIST = 50_000
MAX_CSV_BYTES = 2_000_000
_CODE = re.compile(r"^[A-Z0-9-]{4,20}$")


@dataclass(frozen=True)
class Draft:
    name: str
    kind: str
    value: int  # cents off, or basis points off
    min_spend_cents: int
    valid_from: dt.date
    valid_until: dt.date
    per_member_limit: int
    budget_cents: int
    budget_count: int
    audience: str  # "segment:<code>" or "list"
    member_codes: tuple[str, ...] = ()


def may_create(operator: Operator) -> bool:
    return operator.policy.writes and operator.role in CREATORS


def _int(form: dict, name: str, low: int, high: int) -> int:
    raw = str(form.get(name) or "").strip()
    if not re.fullmatch(r"\d{1,12}", raw) or not low <= int(raw) <= high:
        raise DomainError(f"campaign_{name}", f"{name} must be a whole number in [{low}, {high}]", low=low, high=high)
    return int(raw)


def _date(form: dict, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(form.get(name) or "").strip())
    except ValueError:
        raise DomainError(f"campaign_{name}", f"{name} must be a date (YYYY-MM-DD)") from None


def parse_codes(text: str) -> tuple[str, ...]:
    """Member codes from an uploaded CSV: the first column of each row, a header row allowed."""
    if len(text) > MAX_CSV_BYTES:
        raise DomainError("campaign_list_too_big", "The list is too big", limit=MAX_LIST)
    codes: list[str] = []
    for i, row in enumerate(csv.reader(io.StringIO(text))):
        cell = row[0].strip().upper() if row and row[0] else ""
        if not cell or (i == 0 and not _CODE.fullmatch(cell)):
            continue  # blank line, or a header
        if not _CODE.fullmatch(cell):
            raise DomainError("campaign_bad_code", f"Row {i + 1} is not a member code", row=i + 1)
        codes.append(cell)
    if not codes:
        raise DomainError("campaign_empty_list", "The list has no member codes")
    if len(codes) > MAX_LIST:
        raise DomainError("campaign_list_too_big", "The list is too big", limit=MAX_LIST)
    return tuple(dict.fromkeys(codes))


def parse(form: dict, csv_text: str | None, today: dt.date) -> Draft:
    """Checks every field; raises DomainError (code campaign_<field>) on the first bad one."""
    name = str(form.get("name") or "").strip()
    if not is_plain(name, 120):
        raise DomainError("campaign_name", "The name must be 1-120 printable characters")
    kind = form.get("kind")
    if kind not in (coupons.AMOUNT, coupons.PERCENT):
        raise DomainError("campaign_kind", "Choose amount or percent")
    value = _int(form, "value", 1, 10_000_000) if kind == coupons.AMOUNT else _int(form, "value", 1, 100) * 100
    valid_from, valid_until = _date(form, "valid_from"), _date(form, "valid_until")
    if valid_until < valid_from or valid_until < today or (valid_until - valid_from).days > 366:
        raise DomainError("campaign_valid_until", "The end must be on or after the start and today, within a year")
    audience = str(form.get("audience") or "")
    codes: tuple[str, ...] = ()
    if audience == "list":
        codes = parse_codes(csv_text or "")
    elif audience.removeprefix("segment:") not in rfm.SEGMENTS:
        raise DomainError("campaign_audience", "Choose a segment or upload a list")
    return Draft(name, kind, value, _int(form, "min_spend_cents", 0, MAX_CENTS), valid_from, valid_until,
                 _int(form, "per_member_limit", 1, 100), _int(form, "budget_cents", 1, MAX_CENTS),
                 _int(form, "budget_count", 1, 10_000_000), audience, codes)  # fmt: skip


def _signer(conn: Connection, now: dt.datetime) -> tuple[signing.Signer, list[tuple[str, str | None, str]]]:
    """HQ's coupon key, made on first use, and the feed rows a new key needs: it goes on the feed ahead
    of the coupons it signed, so every till trusts it as HQ's by the time they arrive."""
    sealer, k = sealed.default_sealer(), hq_coupon_keys.c
    row = conn.execute(sa.select(hq_coupon_keys).order_by(k.created_at.desc()).limit(1)).first()
    if row is not None:
        private = sealer.open(row.private_key, _purpose(row.key_id))
        if not sealed.is_sealed(row.private_key):  # stored before keys were sealed: seal it now
            conn.execute(sa.update(hq_coupon_keys).where(k.key_id == row.key_id)
                         .values(private_key=sealer.seal(private, _purpose(row.key_id))))  # fmt: skip
        return signing.Signer(row.key_id, private), []
    signer = signing.Signer.generate(f"hq-cpn-{now:%Y%m%d}")
    public = signing.b64(signer.public_bytes())
    conn.execute(hq_coupon_keys.insert().values(
        key_id=signer.key_id, private_key=sealer.seal(signer.private_bytes(), _purpose(signer.key_id)),
        public_key=public, created_at=now))  # fmt: skip
    return signer, [(feed.STORE_KEY, None, feed.dumps(hq_key_row(signer.key_id, public)))]


def _purpose(key_id: str) -> str:
    """What a seal is bound to: this table and this key (hq/storage/sealed.py)."""
    return f"hq_coupon_keys:{key_id}"


def hq_key_row(key_id: str, public_key: str) -> dict:
    """One of HQ's coupon keys as the feed and the snapshot show it: `source` "hq" is what lets a till
    accept it on a coupon (a store's key signs QR cards, never coupons)."""
    return {"key_id": key_id, "store_id": None, "public_key": public_key, "revoked_at": None, "source": "hq"}


def public_key_rows(conn: Connection) -> list[dict]:
    """HQ's coupon keys, for a new till's snapshot."""
    keys = conn.execute(sa.select(hq_coupon_keys.c.key_id, hq_coupon_keys.c.public_key).order_by(hq_coupon_keys.c.key_id))
    return [hq_key_row(r.key_id, r.public_key) for r in keys]


def coupon_change(coupon_id: str, code: str, member_code: str) -> dict:
    """A campaign coupon as a till takes it: the feed's `coupon` change, and a snapshot page's `coupons`."""
    return {"coupon_id": coupon_id, "code": code, "member_code": member_code}


def live_coupons(conn: Connection, first: str, last: str, today: dt.date) -> list[dict]:
    """The campaign coupons of members `first`..`last` (a snapshot page) a till may still take: not used
    anywhere in the chain (coupon_uses, where every use lands, even one held for review) and not expired.

    A till bootstrapped after a campaign never sees the feed rows that carried its coupons (they are
    below the snapshot's feed_seq), so the snapshot carries them. A use that commits after the page's
    feed_seq was read comes through the feed as `coupon_used`, after this. The query starts from the
    live campaigns (a handful) and reads each one's coupons for the code range through
    ix_campaign_coupons_member (campaign_id, member_code): one index range per campaign, not a scan."""
    cc, c, cp, u = campaign_coupons.c, campaigns.c, coupon_table.c, coupon_uses.c
    query = (sa.select(cc.coupon_id, cp.code, cc.member_code)
             .select_from(campaigns.join(campaign_coupons, cc.campaign_id == c.id)
                          .join(coupon_table, cp.coupon_id == cc.coupon_id)
                          .outerjoin(coupon_uses, u.coupon_id == cc.coupon_id))
             .where(c.valid_until >= today, cc.member_code.between(first, last), u.coupon_id.is_(None))
             .order_by(cc.member_code, cc.coupon_id))  # fmt: skip
    return [coupon_change(r.coupon_id, r.code, r.member_code) for r in conn.execute(query)]


def _audience(conn: Connection, draft: Draft, today: dt.date) -> list[str]:
    m = members.c
    if draft.audience == "list":
        wanted = list(draft.member_codes)
    else:
        segment = draft.audience.removeprefix("segment:")
        wanted = sorted(s.member_code for s in rfm.score(conn, today) if s.segment == segment)
    active: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        active |= set(conn.execute(sa.select(m.member_code).where(m.member_code.in_(chunk), m.status == "active")).scalars())
    return [c for c in wanted if c in active]


def create(conn: Connection, operator: Operator, draft: Draft, now: dt.datetime) -> dict:
    """Stores the campaign and issues its coupons, per_member_limit per member, until a budget runs out. Audited."""
    if not may_create(operator):
        raise DomainError("forbidden", "Your role may not create campaigns")
    targets = _audience(conn, draft, now.date())
    if draft.audience == "list" and len(targets) < len(draft.member_codes):
        unknown = sorted(set(draft.member_codes) - set(targets))
        raise DomainError("campaign_unknown_members", "Some codes are not active members", count=len(unknown),
                          first=unknown[0])  # fmt: skip
    held = campaign_audience.held_back(conn, targets)  # overdraft or an open risk flag: no coupon
    eligible = [code for code in targets if code not in held]
    unit = draft.value if draft.kind == coupons.AMOUNT else 0
    # round-robin, so a budget that runs out leaves some members one coupon short rather than none at all
    slots = [code for _ in range(draft.per_member_limit) for code in eligible]
    fits = min(len(slots), draft.budget_count, draft.budget_cents // unit if unit else len(slots))
    campaign_id = conn.execute(campaigns.insert().values(
        name=draft.name, kind=draft.kind, value=draft.value, min_spend_cents=draft.min_spend_cents,
        valid_from=draft.valid_from, valid_until=draft.valid_until, per_member_limit=draft.per_member_limit,
        budget_cents=draft.budget_cents, budget_count=draft.budget_count, issued_count=fits, issued_cents=fits * unit,
        audience=draft.audience, created_by=operator.username, created_at=now,
    ).returning(campaigns.c.id)).scalar_one()  # fmt: skip
    signer, feed_rows = _signer(conn, now)
    rows: list[dict] = []
    for n, code in enumerate(slots[:fits], start=1):
        coupon = coupons.Coupon(f"{PREFIX}{campaign_id}-{n}", draft.kind, draft.value, draft.min_spend_cents,
                                draft.valid_until, code)  # fmt: skip
        text = coupons.issue(coupon, signer)
        rows.append(coupon_change(coupon.coupon_id, text, code))
        feed_rows.append((feed.COUPON, code, feed.dumps(coupon_change(coupon.coupon_id, text, code))))
    if rows:
        conn.execute(coupon_table.insert(), [{**r, "issued_by": f"campaign:{campaign_id}",
                                              "event_id": f"campaign:{campaign_id}"} for r in rows])  # fmt: skip
        conn.execute(campaign_coupons.insert(), [{"coupon_id": r["coupon_id"], "campaign_id": campaign_id,
                                                  "member_code": r["member_code"], "issued_at": now} for r in rows])  # fmt: skip
    campaign_audience.record(conn, campaign_id, held, eligible, slots[:fits], draft.per_member_limit)
    result = {"id": campaign_id, "issued": fits, "left_out": len(slots) - fits, "held_back": len(held),
              "reserved_cents": fits * unit}  # fmt: skip
    audit.record(conn, now, operator.username, "campaign.create", f"campaign:{campaign_id}", None,
                 {"name": draft.name, "kind": draft.kind, "value": draft.value, "audience": draft.audience, **result})
    feed.append(conn, feed_rows, now)  # last: see hq/storage/feed.py
    return result


def listing(conn: Connection) -> list[dict]:
    c = campaigns.c
    return [dict(r._mapping) for r in conn.execute(sa.select(campaigns).order_by(c.id.desc()).limit(500))]


def tracking(conn: Connection, campaign_id: int) -> dict:
    """Issued, used, cost in cents, what members who used a coupon spent in the window vs. those who did not
    (hq/services/campaign_spend.py: purchases in the window net of their returns), and who was left out."""
    row = conn.execute(sa.select(campaigns).where(campaigns.c.id == campaign_id)).first()
    if row is None:
        raise DomainError("unknown_campaign", "No such campaign")
    cc, u = campaign_coupons.c, coupon_uses.c
    used = conn.execute(sa.select(cc.member_code, u.event_id).join(coupon_uses, u.coupon_id == cc.coupon_id)
                        .where(cc.campaign_id == campaign_id)).all()  # fmt: skip
    issued = conn.execute(sa.select(sa.func.count()).where(cc.campaign_id == campaign_id)).scalar_one()
    holders = set(conn.execute(sa.select(cc.member_code).where(cc.campaign_id == campaign_id)).scalars())
    users = {r.member_code for r in used}
    cost = _cost(conn, row, [r.event_id for r in used])
    spent = campaign_spend.net_spend(conn, holders, row.valid_from, row.valid_until)
    return {"campaign": dict(row._mapping), "issued": int(issued), "used": len(used), "cost_cents": cost,
            "users": len(users), "users_spend_cents": sum(spent.get(c, 0) for c in users),
            "others": len(holders - users), "others_spend_cents": sum(spent.get(c, 0) for c in holders - users),
            "left_out": campaign_audience.left_out(conn, campaign_id)}  # fmt: skip


def _cost(conn: Connection, row, event_ids: list[str]) -> int:
    """An amount coupon costs its value; a percent coupon what the sale reported as its discount."""
    if row.kind == coupons.AMOUNT:
        return row.value * len(event_ids)
    total = 0
    for start in range(0, len(event_ids), 500):
        bodies = conn.execute(sa.select(events.c.body).where(events.c.event_id.in_(event_ids[start : start + 500])))
        total += sum(_coupon_cents(body) for body in bodies.scalars())
    return total


def _coupon_cents(body: str) -> int:
    value = json.loads(body).get("payload", {}).get("coupon_cents", 0)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
