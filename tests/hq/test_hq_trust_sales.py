"""HQ believes a sale's facts, not its figures: points, spend and tier are HQ's numbers."""

import datetime as dt

import sqlalchemy as sa

from hq.storage import db
from hq.storage import rules as published
from loyalty_core import ledger
from tests.hq.hq_trust_helpers import enrolled, ledger_ids
from tests.support.events import Till, entry


def test_an_earn_entry_of_ten_million_points_on_a_one_dollar_sale_books_what_the_sale_earned(hq):
    till = Till()
    code = enrolled(hq, till)
    forged = till.sale(code, paid=100, earn=10_000_000)
    answer = hq.push([forged]).json()["results"][0]
    assert answer["status"] == "corrected"
    assert answer["till"] == {"points_earned": 10_000_000, "spend_cents": 100}
    assert answer["hq"] == {"points_earned": 1, "spend_cents": 100}
    assert [(e["kind"], e["points"]) for e in answer["entries"]] == [("earn", 1)]
    assert hq.member(code)["balance"] == 100 + 1


def test_two_hundred_earn_entries_in_one_sale_book_one_earn_of_hqs_size(hq):
    till = Till()
    code = enrolled(hq, till)
    forged = till.sale(code, paid=10_000, extra_entries=[entry(code, ledger.EARN, 10_000_000) for _ in range(199)])
    assert hq.statuses([forged]) == ["corrected"]
    assert hq.member(code)["balance"] == 100 + 100
    assert hq.scalar("SELECT count(*) FROM ledger WHERE member_code = :c AND kind = 'earn'", c=code) == 1


def test_a_sale_without_lines_claiming_a_billion_dollars_of_spend_makes_nobody_diamond(hq):
    till = Till()
    code = enrolled(hq, till)
    before = hq.counts()
    no_lines = till.sale(code, paid=10_000, spend=10**11, lines=[])
    assert hq.statuses([no_lines]) == ["rejected:invalid_payload"]
    assert hq.counts() == before
    claimed = till.sale(code, paid=10_000, spend=10**11)  # real lines, forged spend
    assert hq.statuses([claimed]) == ["corrected"]
    view = hq.member(code)
    assert (view["tier"], view["spend_cents"], view["balance"]) == ("basic", 10_000, 200)


def test_a_sale_for_one_member_with_an_earn_entry_for_another_is_rejected_and_books_nothing(hq):
    till = Till()
    a, b = enrolled(hq, till), enrolled(hq, till)
    before = hq.counts()
    theft = till.sale(a, paid=10_000, extra_entries=[entry(b, ledger.EARN, 5_000)])
    assert hq.statuses([theft]) == ["rejected:invalid_payload"]
    assert hq.counts() == before
    assert (hq.member(a)["balance"], hq.member(b)["balance"]) == (100, 100)


def test_a_referral_entry_for_someone_who_referred_nobody_is_rejected(hq):
    till = Till()
    a, stranger = enrolled(hq, till), enrolled(hq, till)
    forged = till.sale(a, extra_entries=[entry(stranger, ledger.REFERRAL, 200)])
    assert hq.statuses([forged]) == ["rejected:invalid_payload"]
    assert hq.member(stranger)["balance"] == 100


def test_points_redeemed_beyond_half_the_amount_due_or_off_the_steps_are_rejected(hq):
    till = Till()
    code = enrolled(hq, till)
    over_cap = till.sale(code, paid=10_000, redeem=100)
    over_cap["payload"]["lines"][0]["unit_price_cents"] = 150  # the till claims 1.50 due for 100 points
    over_cap["payload"]["points_redeemed"] = 100
    odd = till.sale(code, paid=10_000, redeem=100)
    odd["payload"]["points_redeemed"] = 150
    assert hq.statuses([over_cap, odd]) == ["rejected:redeem_over_cap", "rejected:redeem_step"]
    assert hq.member(code)["balance"] == 100


def test_a_redemption_beyond_the_balance_is_accepted_and_flagged(hq):
    till = Till()
    code = enrolled(hq, till)
    assert hq.statuses([till.sale(code, paid=1_000, redeem=1_000)]) == ["applied"]
    view = hq.member(code)
    assert (view["balance"], view["flags"]) == (100 - 1_000 + 10, ["overdraft"])


def test_an_offline_tills_older_tier_is_accepted_a_forged_tier_is_corrected(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01")
    code = enrolled(hq, store_a)
    assert hq.statuses([store_a.sale(code, paid=500_000)], store_a) == ["applied"]
    assert hq.member(code)["tier"] == "silver"
    # Store B was offline: it still priced the member as basic (no discount, x1.0).
    offline = store_b.sale(code, paid=10_000, tier="basic")
    assert hq.statuses([offline], store_b) == ["applied"]
    assert hq.member(code)["balance"] == 100 + 5_000 + 100
    # Nobody ever made the member diamond: a till that prices them so is corrected.
    diamond = store_b.sale(code, paid=10_000, tier="diamond")
    answer = hq.push([diamond], store_b).json()["results"][0]
    assert answer["status"] == "corrected" and answer["hq"]["points_earned"] != answer["till"]["points_earned"]
    assert hq.member(code)["tier"] == "silver"


def test_an_unknown_rules_version_is_rejected_and_an_old_one_only_within_the_grace_window(hq):
    till = Till()
    code = enrolled(hq, till)
    future = till.sale(code)
    future["rules_version"] = 99
    assert hq.statuses([future]) == ["rejected:unknown_rules_version"]
    with db.read(hq.engine) as conn:
        document = published.current_document(conn)
    db.write(hq.engine, lambda conn: published.publish(conn, {**document, "version": 2, "signup_bonus_points": 0},
                                                       hq.clock() - dt.timedelta(days=10)))  # fmt: skip
    stale = till.sale(code)  # version 1, dated today: ten days after version 2 came out
    assert hq.statuses([stale]) == ["rejected:stale_rules_version"]
    late = Till(at=(hq.clock() - dt.timedelta(days=5)).isoformat())  # offline then, 5 days after version 2
    assert hq.statuses([late.sale(code, paid=20_000)]) == ["applied"]
    assert hq.member(code)["balance"] == 100 + 200


def test_entry_ids_are_derived_from_the_terminal_and_event_so_hq_ids_cannot_be_prebooked(hq):
    till = Till()
    code = enrolled(hq, till)
    sale = till.sale(code, paid=10_000)
    sale["payload"]["ledger"][0]["entry_id"] = "hq:online:shop:O-1:earn"  # the id HQ's own order O-1 will use
    assert hq.statuses([sale]) == ["applied"]
    assert ledger_ids(hq, code) == [f"t:S001:T01:{e}" for e in _event_ids(hq, code)]
    order = {"order_id": "O-1", "member_code": code,
             "lines": [{"sku": "CUP-01", "category": "homeware", "unit_price_cents": 5_000, "qty": 1}]}  # fmt: skip
    assert hq.client.post("/api/v1/online/orders", json=order, headers={"Authorization": f"Bearer {hq.channel()}"}
                          ).json()["status"] == "applied"  # fmt: skip
    assert hq.member(code)["balance"] == 100 + 100 + 50  # the online earn was booked, not skipped


def _event_ids(hq, code: str) -> list[str]:
    with db.read(hq.engine) as conn:
        query = sa.text("SELECT event_id, kind FROM ledger WHERE member_code = :c ORDER BY id")
        rows = conn.execute(query, {"c": code}).all()
    return [f"{event_id}:{kind}" for event_id, kind in rows]
