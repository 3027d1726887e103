"""A coupon discount counts only as HQ issued the coupon: its id, member, face value and minimum spend
(hq/services/coupon_claims.py). HQ never books more coupon value than the coupon carries."""

import datetime as dt

import sqlalchemy as sa

from hq.services import held
from hq.storage import db
from hq.storage.campaigns import campaign_coupons, campaigns
from loyalty_core import coupons, ledger, pricing
from tests.hq.hq_trust_helpers import enrolled
from tests.support.events import Till, default_rules, entry


def coupon_sale(till: Till, code: str, gross: int, coupon_id: str | None, claimed: int) -> dict:
    """A sale of one line of `gross` cents with `claimed` cents off on `coupon_id`, priced as a till prices it."""
    day = dt.date.fromisoformat(till.at[:10])
    q = pricing.quote(default_rules(), pricing.MemberTerms(code, "basic", None, 0),
                      [pricing.CartLine("SKU-1", "general", gross, 1)], day, 0,
                      coupons.Coupon(coupon_id or "till", coupons.AMOUNT, claimed))  # fmt: skip
    event = till.sale(code, paid=gross)
    event["payload"].update(coupon_id=coupon_id, coupon_cents=q.coupon_cents, paid_cents=q.paid_cents,
                            spend_cents=q.paid_cents, points_earned=q.points_earned,
                            lines=[line.to_dict() for line in q.lines],
                            ledger=[entry(code, ledger.EARN, q.points_earned)])  # fmt: skip
    return event


def campaign_coupon(hq, member_code: str, value: int = 10_000, min_spend: int = 0) -> str:
    """A 100.00-off campaign coupon HQ issued to `member_code` (as hq/services/campaigns.py stores it)."""
    today = hq.clock().date()

    def issue(conn) -> str:
        campaign_id = conn.execute(campaigns.insert().values(
            name="Winter tea", kind="amount", value=value, min_spend_cents=min_spend, valid_from=today,
            valid_until=today + dt.timedelta(days=30), per_member_limit=1, budget_cents=10**7, budget_count=100,
            issued_count=1, issued_cents=value, audience="list", created_by="mkt", created_at=hq.clock(),
        )).inserted_primary_key[0]  # fmt: skip
        coupon_id = f"CMP{campaign_id}-1"
        conn.execute(campaign_coupons.insert().values(coupon_id=coupon_id, campaign_id=campaign_id,
                                                      member_code=member_code, issued_at=hq.clock()))  # fmt: skip
        return coupon_id

    return db.write(hq.engine, issue)


def state(hq, code: str) -> dict:
    view = hq.member(code)
    uses = hq.scalar("SELECT count(*) FROM coupon_uses WHERE member_code = :c", c=code)
    held_rows = hq.scalar("SELECT count(*) FROM held_adjustments WHERE member_code = :c AND kind = 'sale'", c=code)
    return {"balance": view["balance"], "spend": view["spend_cents"], "coupon_uses": uses, "held": held_rows}


def test_nine_hundred_off_claimed_on_a_hundred_dollar_campaign_coupon_is_held_and_books_only_the_face(hq):
    till = Till()
    code = enrolled(hq, till)
    coupon_id = campaign_coupon(hq, code)
    greedy = coupon_sale(till, code, 100_000, coupon_id, 90_000)
    answer = hq.push([greedy], till).json()["results"][0]
    assert answer["status"] == "held" and "at most 10000" in answer["message"]
    assert state(hq, code) == {"balance": 100, "spend": 0, "coupon_uses": 0, "held": 1}
    decided = db.write(hq.engine, lambda conn: held.approve(conn, answer["review_id"], "risk-1", hq.clock()))
    assert decided["status"] == "approved"
    assert state(hq, code) == {"balance": 100 + 900, "spend": 100_000 - 10_000, "coupon_uses": 1, "held": 1}


def test_a_coupon_id_hq_never_issued_with_499_off_is_rejected_and_books_nothing(hq):
    till = Till()
    code = enrolled(hq, till)
    before = hq.counts()
    invented = coupon_sale(till, code, 100_000, "CMP999-1", 49_900)
    no_id = coupon_sale(till, code, 100_000, None, 49_900)
    assert hq.statuses([invented, no_id], till) == ["rejected:unknown_coupon"] * 2
    assert hq.counts() == before
    assert hq.scalar("SELECT count(*) FROM rejections WHERE reason = 'unknown_coupon'") == 2


def test_a_campaign_coupon_claimed_at_its_face_by_its_member_is_applied(hq):
    till = Till()
    code = enrolled(hq, till)
    coupon_id = campaign_coupon(hq, code, min_spend=20_000)
    assert hq.statuses([coupon_sale(till, code, 30_000, coupon_id, 10_000)], till) == ["applied"]
    assert state(hq, code) == {"balance": 100 + 200, "spend": 20_000, "coupon_uses": 1, "held": 0}


def test_someone_elses_coupon_or_a_sale_below_its_minimum_spend_is_held(hq):
    till = Till()
    code, other = enrolled(hq, till), enrolled(hq, till)
    theirs = campaign_coupon(hq, other)
    mine = campaign_coupon(hq, code, min_spend=50_000)
    answers = hq.push([coupon_sale(till, code, 30_000, theirs, 10_000),
                       coupon_sale(till, code, 30_000, mine, 10_000)], till).json()["results"]  # fmt: skip
    assert [a["status"] for a in answers] == ["held", "held"]
    assert "another member" in answers[0]["message"] and "minimum spend" in answers[1]["message"]
    assert state(hq, code) == {"balance": 100, "spend": 0, "coupon_uses": 0, "held": 2}


def test_a_birthday_coupon_counts_for_its_member_up_to_the_published_face_value(hq):
    """The rules' birthday coupon is 100.00 off from 500.00: whatever a store key signed, no more."""
    till = Till()
    code, other = enrolled(hq, till), enrolled(hq, till)
    year = till.at[:4]
    fair = coupon_sale(till, code, 60_000, f"BDAY-{code}-{year}", 10_000)
    inflated = coupon_sale(till, other, 60_000, f"BDAY-{other}-{year}", 20_000)
    borrowed = coupon_sale(till, other, 60_000, f"BDAY-{code}-{int(year) - 1}", 10_000)
    assert hq.statuses([fair, inflated, borrowed], till) == ["applied", "held", "held"]
    assert state(hq, code) == {"balance": 100 + 500, "spend": 50_000, "coupon_uses": 1, "held": 0}
    assert state(hq, other) == {"balance": 100, "spend": 0, "coupon_uses": 0, "held": 2}


def test_a_coupon_id_without_a_discount_only_marks_the_coupon_used_as_before(hq):
    till = Till()
    code = enrolled(hq, till)
    assert hq.statuses([till.sale(code, coupon_id="PAPER-7")], till) == ["applied"]
    with db.read(hq.engine) as conn:
        assert conn.execute(sa.text("SELECT coupon_id FROM coupon_uses")).scalars().all() == ["PAPER-7"]
