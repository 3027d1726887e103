"""A campaign marketing issues in HQ's console reaches real tills and is redeemed there: the coupon shows
on the member at a till that was running, a till set up afterwards trusts HQ's key from its snapshot,
HQ tracks the use, and a second use anywhere is refused once the first has synced."""

import datetime as dt

import pytest
from sync_harness import Console, settle

from loyalty_core import coupons
from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine
from loyalty_core.signing import Signer

BASKET = [CartLine("TEA-500", "tea", 15000, 2)]  # 300.00, over the campaign's 200.00 minimum


def issue_campaign(hq, member_codes: list[str]) -> str:
    """Marketing issues 50.00-off coupons to an uploaded list; returns the campaign page's path."""
    today = hq.clock().date()
    form = {"name": "Winter tea", "kind": "amount", "value": "5000", "min_spend_cents": "20000",
            "valid_from": today.isoformat(), "valid_until": (today + dt.timedelta(days=30)).isoformat(),
            "per_member_limit": "1", "budget_cents": "100000", "budget_count": "100", "audience": "list"}  # fmt: skip
    upload = {"codes_file": ("list.csv", ("member_code\n" + "\n".join(member_codes)).encode(), "text/csv")}
    answer = Console(hq, "mkt", "marketing").submit("/console/campaigns/new", "/console/campaigns", form, files=upload)
    assert answer.status_code == 303, answer.text
    return answer.headers["location"].split("?")[0]


def tracking(hq, page: str) -> dict[str, str]:
    html = Console(hq, "auditor", "auditor").get(page).text
    return {k: html.split(f'id="{k}">')[1].split("<")[0] for k in ("issued", "used")}


def test_a_campaign_coupon_reaches_the_tills_and_is_redeemed_once_chain_wide(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    ann = a.pos.enroll(phone="0915100001", name="Ann", consent_terms=True).member_code
    bo = a.pos.enroll(phone="0915100002", name="Bo", consent_terms=True).member_code
    settle([a], hq)
    page = issue_campaign(hq, [ann, bo])
    settle([a], hq)

    [offer] = a.pos.find_member(ann).coupons  # shown on the member panel, signed by HQ
    assert (offer.kind, offer.value, offer.min_spend_cents) == ("amount", 5000, 20000)
    b = till_factory(hq, "S002", "T01")  # a store PC set up after the campaign: HQ's key came in its snapshot
    settle([a, b], hq)
    assert b.pos.quote_sale(ann, BASKET, coupon_code=offer.code).coupon_cents == 5000

    receipt = a.pos.confirm_sale(ann, BASKET, coupon_code=offer.code)
    assert (receipt.coupon_cents, receipt.paid_cents) == (5000, 25000)
    settle([a, b], hq)
    assert hq.scalar("SELECT count(*) FROM coupon_uses WHERE coupon_id = :c", c=offer.coupon_id) == 1
    assert tracking(hq, page) == {"issued": "2", "used": "1"}
    with pytest.raises(DomainError) as refused:
        b.pos.confirm_sale(ann, BASKET, coupon_code=offer.code)
    assert refused.value.code == "coupon_used"
    assert a.pos.find_member(ann).coupons == []  # used: no longer offered
    assert [c.value for c in a.pos.find_member(bo).coupons] == [5000]


def test_a_till_refuses_a_coupon_HQ_did_not_sign_or_that_was_altered(hq, till_factory):  # noqa: N802
    a = till_factory(hq, "S001", "T01")
    ann = a.pos.enroll(phone="0915100003", name="Ann", consent_terms=True).member_code
    settle([a], hq)
    issue_campaign(hq, [ann])
    settle([a], hq)
    [offer] = a.pos.find_member(ann).coupons
    prefix, key_id, body, signature = offer.code.split(".")
    richer = coupons.issue(coupons.Coupon(offer.coupon_id, "amount", 500000, 0, None, ann), Signer.generate(key_id))
    altered = ".".join([prefix, key_id, richer.split(".")[2], signature])  # HQ's signature on another body
    for code, why in ((richer, "forged_coupon"), (altered, "forged_coupon")):
        with pytest.raises(DomainError) as refused:
            a.pos.confirm_sale(ann, BASKET, coupon_code=code)
        assert refused.value.code == why
    assert a.pos.find_member(ann).coupons == [offer]  # nothing used, nothing written
