"""The same phone enrolled in two places: the member HQ accepted first survives, whatever enrolled_at says."""

from loyalty_core import ledger
from tests.hq.hq_helpers import auth
from tests.support.events import Till, new_phone


def _twins(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01")
    phone = new_phone()
    earlier = store_a.enroll(phone=phone, enrolled_at="2026-11-20T09:00:00+08:00")
    later = store_b.enroll(phone=phone.replace("09", "09-", 1), enrolled_at="2026-11-21T09:00:00+08:00")
    return store_a, store_b, earlier, later


def test_the_same_phone_enrolled_at_two_stores_keeps_the_member_hq_accepted_first(hq):
    store_a, store_b, earlier, later = _twins(hq)
    keep, gone = later["payload"]["member"]["member_code"], earlier["payload"]["member"]["member_code"]
    # The enrollment the till dates later reaches HQ first: HQ's order decides, not the tills' clocks.
    assert hq.statuses([later, store_b.sale(keep, paid=5_000)], store_b) == ["applied", "applied"]
    assert hq.statuses([earlier], store_a) == ["applied"]

    survivor = hq.member(gone)
    assert survivor["member_code"] == keep and survivor["merged_from"] == gone
    assert survivor["balance"] == 250 and survivor["spend_cents"] == 5_000
    assert survivor["merged_codes"] == [gone]
    assert hq.scalar("SELECT balance FROM members WHERE member_code = :c", c=gone) == 0
    merges = [c["data"] for c in hq.pull_all() if c["kind"] == "merge"]
    assert merges == [{"from": gone, "into": keep}]
    # A till that still knows only the old code keeps working: its events book on the survivor.
    assert hq.statuses([store_a.sale(gone, paid=1_000)], store_a) == ["applied"]
    assert hq.member(keep)["balance"] == 260
    buckets = hq.client.get("/api/v1/reconcile/buckets", headers=auth(hq.terminal())).json()["buckets"]
    assert len(buckets) == 1  # only the survivor is hashed



def test_a_merge_pays_the_survivors_debt_from_the_lots_moved_in(hq):
    store_a, store_b, earlier, later = _twins(hq)
    keep, gone = later["payload"]["member"]["member_code"], earlier["payload"]["member"]["member_code"]
    # 100 sign-up - 300 redeemed + 3 earned: a debt of 197 before the twin arrives.
    assert hq.statuses([later, store_b.sale(keep, paid=300, redeem=300)], store_b) == ["applied", "applied"]
    assert hq.statuses([earlier], store_a) == ["applied"]

    view = hq.member(keep)
    assert view["balance"] == 100 - 300 + 3 + 100
    moved_in = hq.scalar("SELECT count(*) FROM ledger WHERE kind = :k AND member_code = :c", k=ledger.MERGE_IN, c=keep)
    assert moved_in == 1
    assert (view["lots"], view["debt"]) == ([], 97)  # the survivor's debt ate the lot moved in
    assert hq.scalar("SELECT sum(points) FROM ledger WHERE member_code = :c", c=gone) == 0



def test_a_merge_moves_lots_with_their_own_expiry_dates(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01", at="2026-01-10T09:00:00+08:00")
    phone = new_phone()
    first, second = store_a.enroll(phone=phone), store_b.enroll(phone=phone)  # second's sign-up lot is older
    keep = first["payload"]["member"]["member_code"]
    assert hq.statuses([first], store_a) == ["applied"]
    assert hq.statuses([second], store_b) == ["applied"]
    lots = {}
    for lot in hq.member(keep)["lots"]:
        lots[lot["expires_on"]] = lots.get(lot["expires_on"], 0) + lot["remaining"]
    assert lots == {"2027-01-31": 100, "2027-11-30": 100}



def test_a_profile_edit_to_another_members_phone_is_flagged_not_merged(hq):
    till = Till()
    first, second = till.enroll(), till.enroll()
    code = second["payload"]["member"]["member_code"]
    taken = first["payload"]["member"]["phone"]
    assert hq.statuses([first, second, till.update(code, {"phone": taken})]) == ["applied"] * 3
    assert hq.member(code)["flags"] == ["duplicate_phone"]
    assert hq.scalar("SELECT count(*) FROM members WHERE status = 'merged'") == 0
