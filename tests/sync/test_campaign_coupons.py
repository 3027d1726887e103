"""A campaign marketing issues in HQ's console reaches real tills and is redeemed there: the coupon shows
on the member at a till that was running, a till set up afterwards trusts HQ's key from its snapshot,
HQ tracks the use, and a second use anywhere is refused once the first has synced. A till bootstrapped
after the campaign gets the members' live coupons in its snapshot, once, without the ones already used."""

import datetime as dt

import pytest
import sqlalchemy as sa

from hq.services import snapshot
from hq.storage import db as hq_db
from hq.storage import feed
from loyalty_core import coupons
from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine
from loyalty_core.signing import Signer
from tests.sync.sync_harness import Console, settle

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


def coupon_rows(till, member_code: str) -> list[tuple]:
    """(coupon_id, used_ref) of every coupon the till holds for the member, straight from its store."""
    with till.engine.connect() as conn:
        sql = "SELECT coupon_id, used_ref FROM coupons WHERE member_code = :m ORDER BY coupon_id"
        return [tuple(r) for r in conn.execute(sa.text(sql), {"m": member_code})]


def test_a_till_bootstrapped_after_a_campaign_lists_the_live_coupons_once_and_redeems_them(
    hq_factory, till_factory, clock
):
    hq = hq_factory(clock=clock.utc)
    a = till_factory(hq, "S001", "T01", clock=clock)
    ann, bo, cy = (a.pos.enroll(phone=f"091510001{i}", name=n, consent_terms=True).member_code
                   for i, n in enumerate(("Ann", "Bo", "Cy")))  # fmt: skip
    settle([a], hq)
    issue_campaign(hq, [ann, bo, cy])
    settle([a], hq)
    [used_elsewhere] = a.pos.find_member(bo).coupons
    assert a.pos.confirm_sale(bo, BASKET, coupon_code=used_elsewhere.code).coupon_cents == 5000
    settle([a], hq)  # HQ knows Bo's coupon is used

    b = till_factory(hq, "S002", "T01", clock=clock)  # a new store PC: the campaign's feed rows are below its snapshot
    settle([b], hq)
    assert b.sync.puller.cursor() == hq.feed_head()
    [offer] = b.pos.find_member(ann).coupons  # what the counter shows on the member panel
    assert (offer.kind, offer.value, offer.min_spend_cents) == ("amount", 5000, 20000)
    assert offer == a.pos.find_member(ann).coupons[0]  # the very coupon the running till got from the feed
    assert [c.value for c in b.pos.find_member(cy).coupons] == [5000]
    assert b.pos.find_member(bo).coupons == [] and coupon_rows(b, bo) == []  # used at till A: never handed out

    with b.uow() as uow:  # the snapshot and the feed overlap: the whole feed again, the campaign's coupons too
        uow.sync.set_cursor(0)
        uow.commit()
    settle([b], hq)
    for _ in range(2):  # more feed, then HQ drops what B has read: B is told to bootstrap again
        a.pos.confirm_sale(cy, BASKET)
    settle([a], hq)
    assert hq.feed_head() - 1 > b.sync.puller.cursor()
    hq.write(lambda conn: feed.prune(conn, hq.feed_head() - 1))
    assert b.sync.run_once()["pull"]["bootstrapped"]
    assert b.pos.find_member(ann).coupons == [offer] and coupon_rows(b, ann) == [(offer.coupon_id, None)]
    assert b.pos.find_member(bo).coupons == []

    receipt = b.pos.confirm_sale(ann, BASKET, coupon_code=offer.code)
    assert (receipt.coupon_cents, receipt.paid_cents) == (5000, 25000)
    settle([a, b], hq)
    assert hq.scalar("SELECT count(*) FROM coupon_uses WHERE coupon_id = :c", c=offer.coupon_id) == 1
    assert b.pos.find_member(ann).coupons == [] and a.pos.find_member(ann).coupons == []

    clock.advance(days=31)  # past the campaign's end: Cy's unused coupon is no longer handed out
    c = till_factory(hq, "S003", "T01", clock=clock)
    settle([c], hq)
    assert [coupon_rows(c, code) for code in (ann, bo, cy)] == [[], [], []]


def test_a_snapshot_page_reads_its_coupons_in_one_query_whatever_its_size(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    codes = [a.pos.enroll(phone=f"09151002{i:02d}", name="Member", consent_terms=True).member_code for i in range(6)]
    settle([a], hq)
    issue_campaign(hq, codes)
    today = hq.clock().date()

    def statements(limit: int) -> tuple[int, int]:
        seen: list[str] = []

        def count(conn, cursor, statement, *args) -> None:
            seen.append(statement)

        sa.event.listen(hq.engine, "before_cursor_execute", count)
        try:
            with hq_db.read(hq.engine) as conn:
                page = snapshot.page(conn, "", limit, today)
        finally:
            sa.event.remove(hq.engine, "before_cursor_execute", count)
        return len(seen), len(page["coupons"])

    one, six = statements(1), statements(len(codes))
    assert (one[1], six[1]) == (1, 6)
    assert one[0] == six[0]  # no query per member
