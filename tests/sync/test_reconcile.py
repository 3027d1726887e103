"""Nightly reconciliation: buckets, then members; HQ wins; every difference is recorded."""


import sqlalchemy as sa

from loyalty_core import ids
from loyalty_core.pricing import CartLine
from tests.support.clock import NOW, RunningClock
from tests.sync.sync_harness import local_balances, settle

TEA = [CartLine("TEA-500", "grocery", 12000, 1)]


def _setup(hq, till_factory, n=12):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    codes = [a.pos.enroll(phone=f"09190000{i:02d}", name="Dave Ho", consent_terms=True).member_code for i in range(n)]
    for code in codes:
        b_sale = code  # sold at the other store, so store A holds these entries as pulled copies
        settle([a, b], hq)
        b.pos.confirm_sale(b_sale, TEA)
    settle([a, b], hq)
    return a, b, codes


def _sql(app, statement: str, **params) -> None:
    with app.engine.begin() as conn:
        conn.execute(sa.text(statement), params)


def test_a_till_already_in_sync_finds_no_difference_by_comparing_bucket_digests(hq, till_factory):
    a, _, codes = _setup(hq, till_factory, n=5)

    result = a.sync.reconcile_now()

    assert result["status"] == "ok" and result["differences"] == 0
    assert result["members"] == 5 and result["buckets_differing"] == 0 and result["members_checked"] == 0


def test_hq_wins_and_every_difference_is_recorded_and_fixed(hq, till_factory):
    a, _, codes = _setup(hq, till_factory)
    lost, altered, bogus, rejected_for = codes[0], codes[1], codes[2], codes[3]
    with a.engine.connect() as conn:
        pulled = conn.execute(sa.text("SELECT entry_id FROM ledger WHERE member_code = :m AND event_id IS NULL"),
                              {"m": lost}).scalar()  # fmt: skip
    _sql(a, "DELETE FROM ledger WHERE entry_id = :e", e=pulled)  # an entry we lost
    _sql(a, "UPDATE ledger SET points = points + 77 WHERE member_code = :m AND kind = 'earn'", m=altered)
    _sql(a, "INSERT INTO ledger (entry_id, member_code, kind, points, on_date, confirmed) "
            "VALUES ('bogus-1', :m, 'bonus', 500, '2026-01-01', 1)", m=bogus)  # fmt: skip
    # An event HQ rejects (a till may not write expiry): its entries stay here until reconciliation.
    with a.uow() as uow:
        entry = {"entry_id": ids.uuid7(), "member_code": rejected_for, "kind": "expire", "points": -40,
                 "on": "2026-11-01", "expires_on": None}  # fmt: skip
        event = {"event_id": ids.uuid7(), "type": "points.adjusted", "store_id": "S001", "terminal_id": "T01",
                 "seq": uow.outbox.next_seq(), "occurred_at": "2026-11-24T09:00:00+08:00", "rules_version": 1,
                 "payload": {"member_code": rejected_for, "points": -40, "reason": "correction",
                             "supervisor_id": "9001", "ledger": [entry]}}  # fmt: skip
        uow.outbox.add(event)
        uow.sync.conn.execute(sa.text(
            "INSERT INTO ledger (entry_id, member_code, kind, points, on_date, event_id, confirmed) "
            "VALUES (:e, :m, 'expire', -40, '2026-11-01', :ev, 0)"), {"e": entry["entry_id"], "m": rejected_for,
                                                                       "ev": event["event_id"]})  # fmt: skip
        uow.commit()
    hq_balances = hq.balances()
    assert local_balances(a) != hq_balances

    result = a.sync.reconcile_now()

    assert a.pos.rejected_events()[0]["event_id"] == event["event_id"]
    assert result["status"] == "differences"
    assert result["differences"] == 4 and result["fixed"] == 4
    assert local_balances(a) == hq_balances
    with a.uow(read_only=True) as uow:
        found = {d["member_code"]: d for d in uow.sync.differences(result["run_id"])}
    assert set(found) == {lost, altered, bogus, rejected_for}
    assert found[lost]["entries_added"] == 1 and found[lost]["hq_balance"] == hq_balances[lost]
    assert found[altered]["entries_confirmed"] == 1 and found[altered]["local_balance"] == hq_balances[altered] + 77
    assert found[bogus]["correction_points"] == -500 and found[bogus]["detail"]["local_only"] == ["bogus-1"]
    assert found[rejected_for]["correction_points"] == 40
    assert all(d["fixed"] == 1 for d in found.values())

    again = a.sync.reconcile_now()
    assert again["differences"] == 0 and again["status"] == "ok"


def test_members_with_events_still_waiting_are_not_reported_as_different(hq, till_factory):
    a, _, codes = _setup(hq, till_factory, n=4)
    a.pos.confirm_sale(codes[0], TEA)  # not pushed yet: in flight, not a difference
    _sql(a, "UPDATE ledger SET points = points + 5 WHERE member_code = :m AND kind = 'signup'", m=codes[1])

    result = a.sync.reconciler.run()

    assert result["differences"] == 1  # only the real one
    with a.uow(read_only=True) as uow:
        assert [d["member_code"] for d in uow.sync.differences(result["run_id"])] == [codes[1]]


def test_the_engine_reconciles_once_a_night_after_the_configured_hour(hq, till_factory):
    clock = RunningClock(NOW.replace(hour=3, minute=30))
    a = till_factory(hq, "S001", "T01", clock=clock)
    a.pos.enroll(phone="0919999999", name="王小明", consent_terms=True)
    a.sync.timing.reconcile_hour = 4
    a.sync.run_once()
    a.sync._maybe_reconcile()
    assert a.sync.status()["last_reconcile"] is None  # 03:30: not yet

    clock.advance(hours=1)
    a.sync._maybe_reconcile()
    a.sync._maybe_reconcile()  # the same night: once only

    with a.uow(read_only=True) as uow:
        runs = uow.sync.runs()
    assert len(runs) == 1 and runs[0]["status"] == "ok"
