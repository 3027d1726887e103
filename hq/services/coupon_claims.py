"""A coupon discount a till claims, held against the coupon HQ knows was issued.

A sale's `coupon_cents` (the discount the till gave) must come from a coupon HQ can name:

- a campaign coupon (`CMP<campaign>-<n>`, `campaign_coupons`): its face is the campaign's kind, value
  and minimum spend, its member the one it was issued to;
- a birthday coupon (`BDAY-<member>-<year>`, the one coupon a till signs itself): its face is the
  published rules' `birthday_coupon`, its member the one its id names (whatever a store key signed).

Any other id with a discount is no coupon HQ issued: the sale is rejected `unknown_coupon` (an honest
till applies a coupon only from a code it verified, so it never sends one). A known coupon claimed for
more than its face carries, by another member or below its minimum spend is held for an operator
(`why_held`); on approval the sale is booked with no more than the face value. HQ never books more
coupon value than the coupon carries. Validity (window, per-member limit) stays with
`hq.services.campaign_redemptions`: accepted and flagged, a till's clock may explain it.

The campaign faces a push needs are read in one query with the rest of the batch (`preload`).
"""

from dataclasses import dataclass

import sqlalchemy as sa

from hq.storage import bulk
from hq.storage.campaigns import campaign_coupons, campaigns
from hq.storage.members import MemberState
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import coupons
from loyalty_core.money import percent_of
from loyalty_core.rules import RuleSet

from . import held_reasons
from .campaigns import PREFIX
from .payload import Rejected


@dataclass(frozen=True)
class Face:
    kind: str  # coupons.AMOUNT (value = cents) | coupons.PERCENT (value = basis points)
    value: int
    min_spend_cents: int
    member_code: str | None

    def cap(self, amount_cents: int) -> int:
        """The most this coupon takes off an amount (after member price)."""
        off = self.value if self.kind == coupons.AMOUNT else percent_of(amount_cents, self.value)
        return max(0, min(off, amount_cents))


def preload(work: UnitOfWork, coupon_ids: set[str]) -> None:
    """The campaign coupons among a batch's coupon ids, with their campaign's face, in one query."""
    wanted = sorted(c for c in coupon_ids if c.startswith(PREFIX) and c not in work.coupon_faces)
    for coupon_id in wanted:
        work.coupon_faces[coupon_id] = None
    cc, c = campaign_coupons.c, campaigns.c
    for cond in bulk.among(work.conn, cc.coupon_id, wanted) if wanted else ():
        query = (sa.select(cc.coupon_id, cc.member_code, c.kind, c.value, c.min_spend_cents)
                 .join(campaigns, c.id == cc.campaign_id).where(cond))  # fmt: skip
        for r in work.conn.execute(query):
            work.coupon_faces[r.coupon_id] = {"kind": r.kind, "value": int(r.value),
                                              "min_spend_cents": int(r.min_spend_cents), "member_code": r.member_code}  # fmt: skip


def face_for(work: UnitOfWork, coupon_id: str | None, claimed_cents: int, rules: RuleSet) -> Face | None:
    """The face of the coupon a discount is claimed on; None when no discount is claimed."""
    if not claimed_cents:
        return None  # a coupon id without a discount only marks the coupon used (hq.services.sales)
    face = _birthday_face(coupon_id, rules) if coupon_id else None
    if face is None and coupon_id:
        preload(work, {coupon_id})
        row = work.coupon_faces.get(coupon_id)
        face = Face(**row) if row else None
    if face is None:
        raise Rejected("unknown_coupon", f"{claimed_cents} cents off on a coupon HQ never issued")
    return face


def _birthday_face(coupon_id: str, rules: RuleSet) -> Face | None:
    member, _, year = coupon_id.removeprefix(coupons.BIRTHDAY_PREFIX).rpartition("-")
    template = rules.birthday_coupon
    if not coupon_id.startswith(coupons.BIRTHDAY_PREFIX) or not member or not year.isdigit() or template is None:
        return None
    kind = template.get("kind", coupons.AMOUNT)
    value = template.get("value_cents") if kind == coupons.AMOUNT else template.get("value_bp")
    return Face(kind, int(value or 0), int(template.get("min_spend_cents", 0)), member)


def mismatch(work: UnitOfWork, face: Face | None, claimed_cents: int, amount_cents: int,
             state: MemberState) -> str | None:  # fmt: skip
    """Why the claim does not match the coupon HQ issued (the operator's sentence), or None."""
    if face is None:
        return None
    if claimed_cents > face.cap(amount_cents):
        return held_reasons.sentence("coupon_over_face", claimed_cents=claimed_cents, cap_cents=face.cap(amount_cents))
    owner = work.resolve(face.member_code) if face.member_code else None
    if face.member_code and (owner is None or owner.code != state.code):
        return held_reasons.sentence("coupon_other_member")
    if amount_cents < face.min_spend_cents:
        return held_reasons.sentence("coupon_min_spend", amount_cents=amount_cents, min_cents=face.min_spend_cents)
    return None
