"""RFM counts purchases as visits: a return is no visit (it does not make a member recent or frequent) and
only lowers what they spent. SQLite and PostgreSQL (the score's query changed)."""

import datetime as dt

from hq.services.reports import rfm, rollup
from hq.storage import db
from tests.support.events import Till

BOUGHT = "2026-08-18"  # a Tuesday, 98 days before RETURNED: no member-day multiplier in the points
RETURNED = "2026-11-24"


def scores(hq) -> dict[str, rfm.Scored]:
    rollup.ensure_fresh(hq.engine, hq.clock())
    with db.read(hq.engine) as conn:
        return {s.member_code: s for s in rfm.score(conn, dt.date.fromisoformat(RETURNED))}


def test_a_member_who_only_returned_goods_today_is_as_recent_as_their_last_purchase(hq):
    hq.clock.set(BOUGHT)
    till = Till("S001", "T01", clock=hq.clock)
    joined = till.enroll()
    ann = joined["payload"]["member"]["member_code"]
    sale = till.sale(ann, paid=20_000)
    assert hq.statuses([joined, sale, till.sale(ann, paid=6_000)], till) == ["applied"] * 3
    hq.clock.set(RETURNED)
    back = till.give_back(ann, receipt_no=sale["payload"]["receipt_no"], line_qty={"0": 1}, spend=-20_000,
                          take_back=sale["payload"]["points_earned"])  # fmt: skip
    assert hq.statuses([back], till)[0] in ("applied", "corrected")
    assert hq.scalar("SELECT sum(cents) FROM spend WHERE member_code = :c", c=ann) == 6_000
    ann_now = scores(hq)[ann]
    assert ann_now.recency_days == 98  # the last purchase, not today's return
    assert ann_now.frequency == 2  # two purchases; the return is no third visit
    assert ann_now.spend_cents == 6_000  # monetary: net of the return

