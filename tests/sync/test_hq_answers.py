"""The till's side of HQ's answers beyond applied / rejected.

- a poison event (HQ fails on it with a 5xx every time) is parked as `server_error` after a few
  tries, and the events behind it reach HQ (a real HQ, made to fail on that one event id by a
  database trigger: HQ's own 500 path, nothing faked on the till's side);
- `corrected` (HQ booked its own figures) and `held` (HQ holds an adjustment for review): the
  pusher's record step fed the literal answers agreed with hq-trust, plus end-to-end tests that
  skip until the HQ in this branch answers them (enable them after merging hq-trust).
"""

import json

import pytest
import sqlalchemy as sa

from loyalty_core import ledger
from loyalty_core.pricing import CartLine
from pos_app.cli import main as cli_main
from pos_app.sync.engine import SyncError
from pos_app.sync.pusher import POISON_TRIES, PushSummary
from tests.sync.sync_harness import local_ledger, outbox_counts

TEA = [CartLine("TEA-500", "grocery", 12000, 2)]


def _till(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock.utc)
    till = till_factory(hq, clock=clock)  # with supervisor 9001 (sync_harness.make_till)
    return hq, till


def _enroll(till, phone: str):
    return till.pos.enroll(phone=phone, name="王小明", consent_terms=True)


def _fail_on_event(hq, event_id: str) -> None:
    """HQ's database refuses this one event id: every batch holding it gets HQ's own 500."""
    if hq.db_url.startswith("sqlite"):
        sql = [f"CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.event_id = '{event_id}' "
               "BEGIN SELECT RAISE(ABORT, 'poison event'); END"]  # fmt: skip
    else:
        sql = [
            "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NEW.event_id = '{event_id}' THEN RAISE EXCEPTION 'poison event'; END IF; RETURN NEW; END $$",
            "CREATE TRIGGER poison BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION poison()",
        ]
    with hq.engine.begin() as conn:
        for statement in sql:
            conn.exec_driver_sql(statement)


def test_an_event_hq_keeps_failing_on_is_parked_and_the_events_behind_it_reach_hq(hq_factory, till_factory, clock):
    hq, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000101")
    till.sync.run_once()
    poison = till.pos.confirm_sale(member.member_code, TEA)
    poison_id = till.pos.pending_events()[0]["event_id"]
    behind = [till.pos.confirm_sale(member.member_code, TEA) for _ in range(3)]
    _fail_on_event(hq, poison_id)

    failures, summary = 0, None
    while summary is None and failures < POISON_TRIES + 5:  # a loaded machine may add a timeout or two
        try:
            summary = till.sync.run_once()  # on the 5th 500 the batch is split, the one HQ fails on parked
        except SyncError:  # HQ answers 500 each time: until then the whole batch waits
            failures += 1
            assert outbox_counts(till)["pending"] == 4
    assert summary is not None and failures >= POISON_TRIES - 1
    with till.engine.connect() as conn:
        tries = conn.execute(sa.text("SELECT server_errors FROM outbox WHERE event_id = :e"), {"e": poison_id}).scalar()
    assert tries >= POISON_TRIES

    assert summary["push"]["applied"] == 3 and summary["push"]["rejected"] == 1
    assert outbox_counts(till) == {"pending": 0, "sent": 4, "rejected": 1}
    parked = till.pos.rejected_events()
    assert [p["event_id"] for p in parked] == [poison_id]
    assert parked[0]["reason"].startswith("server_error")
    expected = 100 + sum(r.points_earned for r in behind)
    assert hq.balances()[member.member_code] == expected
    assert hq.scalar("SELECT count(*) FROM events WHERE event_id = :e", e=poison_id) == 0
    assert poison.points_earned > 0  # the parked sale's points stay local, unconfirmed, visible to a supervisor
    assert till.pos.find_member(member.member_code).pending == poison.points_earned


def test_hq_being_unreachable_for_many_tries_parks_nothing(hq_factory, till_factory, clock):
    hq, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000102")
    hq.stop()  # nothing listens: every try is a connection error, never an event's fault
    for _ in range(POISON_TRIES + 2):
        with pytest.raises(SyncError):
            till.sync.run_once()
    hq.restart(crash=False)

    till.sync.run_once()

    assert outbox_counts(till) == {"pending": 0, "sent": 1, "rejected": 0}
    assert hq.balances()[member.member_code] == 100


def _record(till, answers: dict[str, dict]) -> PushSummary:
    """The pusher's record step on the outbox as it stands, with HQ's answers given literally."""
    events = till.pos.pending_events()
    summary = PushSummary()
    till.sync.pusher._record(events, [{"event_id": e["event_id"], **answers.get(e["type"], {"status": "applied"})}
                                      for e in events], summary)  # fmt: skip
    return summary


def test_a_corrected_answer_replaces_the_sales_entries_with_hqs_and_the_balance_follows(
    hq_factory, till_factory, clock
):
    _, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000103")
    receipt = till.pos.confirm_sale(member.member_code, TEA)
    sale_event = next(e for e in till.pos.pending_events() if e["type"] == "sale.confirmed")
    ours = {e["entry_id"] for e in sale_event["payload"]["ledger"]}
    hq_entry = {"entry_id": f"hq:{sale_event['event_id']}:earn", "member_code": member.member_code, "kind": "earn",
                "points": 120, "on": clock.today().isoformat(),
                "expires_on": ledger.lot_expiry(clock.today()).isoformat()}  # fmt: skip
    answer = {"status": "corrected", "entries": [hq_entry],
              "till": {"points_earned": receipt.points_earned, "spend_cents": 24000},
              "hq": {"points_earned": 120, "spend_cents": 20000}}  # fmt: skip

    summary = _record(till, {"sale.confirmed": answer})

    assert (summary.applied, summary.corrected) == (2, 1)
    assert outbox_counts(till) == {"pending": 0, "sent": 2, "rejected": 0}
    rows = local_ledger(till)
    assert not ours & set(rows)
    assert rows[hq_entry["entry_id"]] == (member.member_code, 120, 1, sale_event["event_id"])
    view = till.pos.find_member(member.member_code)
    assert (view.balance, view.confirmed, view.pending) == (100 + 120, 100 + 120, 0)
    with till.engine.connect() as conn:
        spend = conn.execute(sa.text("SELECT cents FROM spend WHERE ref = :r"), {"r": receipt.receipt_no}).scalar()
    assert spend == 20000


def test_a_corrected_answer_with_entries_we_cannot_read_keeps_ours_and_marks_the_event_sent(
    hq_factory, till_factory, clock
):
    _, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000104")
    receipt = till.pos.confirm_sale(member.member_code, TEA)

    _record(till, {"sale.confirmed": {"status": "corrected", "entries": [{"points": "lots"}], "hq": {}}})

    assert outbox_counts(till)["pending"] == 0
    assert till.pos.find_member(member.member_code).balance == 100 + receipt.points_earned


def _held(till, member_code: str):
    till.pos.adjust(member_code, 20_000, "goodwill", "9001")
    event = next(e for e in till.pos.pending_events() if e["type"] == "points.adjusted")
    summary = _record(till, {"points.adjusted": {"status": "held", "review_id": "R-7"}})
    return event, summary


def test_a_held_adjustment_is_sent_shown_awaiting_hq_approval_and_counts_in_no_balance(
    hq_factory, till_factory, clock, capsys
):
    _, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000105")

    event, summary = _held(till, member.member_code)

    assert (summary.applied, summary.held) == (1, 1)
    assert till.pos.pending_events() == []  # never pushed again
    view = till.pos.find_member(member.member_code)
    assert (view.balance, view.confirmed, view.pending) == (100, 100, 0)
    history = till.pos.ledger(member.member_code)
    assert history[0]["status"] == "awaiting_hq_approval" and history[0]["points"] == 20_000
    assert history[0]["review_id"] == "R-7"
    assert till.pos.outbox_status()["awaiting_hq_approval"] == 1
    till.close()
    assert cli_main(["--data-dir", str(till.data_dir), "outbox"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["awaiting_hq_approval"] == 1
    assert [e["event_id"] for e in shown["awaiting_hq_approval_events"]] == [event["event_id"]]
    assert shown["awaiting_hq_approval_events"][0]["status"] == "awaiting_hq_approval"


def test_hq_approving_a_held_adjustment_through_the_feed_books_it(hq_factory, till_factory, clock):
    _, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000106")
    event, _ = _held(till, member.member_code)
    booked = {**event["payload"]["ledger"][0], "confirmed_event_id": event["event_id"]}
    with till.uow() as uow:
        till.sync.puller._apply_changes(uow, uow.sync, [{"seq": 1, "kind": "ledger", "data": booked}],
                                        _effects(), _pull_summary())  # fmt: skip
        uow.commit()

    view = till.pos.find_member(member.member_code)
    assert (view.balance, view.pending) == (100 + 20_000, 0)
    assert till.pos.outbox_status()["awaiting_hq_approval"] == 0
    assert all(e.get("status") != "awaiting_hq_approval" for e in till.pos.ledger(member.member_code))


def test_hq_rejecting_a_held_adjustment_drops_it_into_the_dead_letter_list(hq_factory, till_factory, clock):
    _, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000107")
    event, _ = _held(till, member.member_code)
    with till.uow() as uow:
        change = {"seq": 1, "kind": "review", "data": {"event_id": event["event_id"], "status": "rejected"}}
        till.sync.puller._apply_changes(uow, uow.sync, [change], _effects(), _pull_summary())
        uow.commit()

    assert till.pos.find_member(member.member_code).balance == 100
    assert [r["event_id"] for r in till.pos.rejected_events()] == [event["event_id"]]
    assert till.pos.rejected_events()[0]["reason"].startswith("held_rejected")
    assert till.pos.outbox_status()["awaiting_hq_approval"] == 0


def _effects():
    from pos_app.sync.puller import _Effects

    return _Effects()


def _pull_summary():
    from pos_app.sync.puller import PullSummary

    return PullSummary()


# -- end to end against the real HQ: these skip until HQ answers `held` / `corrected` (hq-trust) ------


def test_end_to_end_an_adjustment_over_hq_policy_is_held_at_hq_and_shown_awaiting_approval(
    hq_factory, till_factory, clock
):
    hq, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000108")
    till.sync.run_once()
    till.pos.adjust(member.member_code, 20_000, "goodwill", "9001")

    summary = till.sync.run_once()

    if summary["push"].get("held", 0) == 0:
        pytest.skip("this HQ books adjustments over policy (no `held` answer yet: enable after merging hq-trust)")
    assert till.pos.find_member(member.member_code).balance == 100
    assert hq.balances()[member.member_code] == 100
    assert till.pos.ledger(member.member_code)[0]["status"] == "awaiting_hq_approval"


def test_end_to_end_a_sale_with_forged_points_is_corrected_by_hq_and_the_till_shows_hqs_balance(
    hq_factory, till_factory, clock
):
    hq, till = _till(hq_factory, till_factory, clock)
    member = _enroll(till, "0912000109")
    till.sync.run_once()
    receipt = till.pos.confirm_sale(member.member_code, TEA)
    with till.engine.begin() as conn:  # a tampered till: ten times the points, in its ledger and its event
        conn.execute(sa.text("UPDATE ledger SET points = points * 10 WHERE kind = 'earn'"))
        body = json.loads(conn.execute(sa.text("SELECT body FROM outbox WHERE status = 'pending'")).scalar())
        for e in body["payload"]["ledger"]:
            e["points"] *= 10 if e["kind"] == "earn" else 1
        conn.execute(sa.text("UPDATE outbox SET body = :b WHERE event_id = :e"),
                     {"b": json.dumps(body), "e": body["event_id"]})  # fmt: skip

    summary = till.sync.run_once()

    if summary["push"].get("corrected", 0) == 0:
        pytest.skip("this HQ takes the till's figures (no `corrected` answer yet: enable after merging hq-trust)")
    assert hq.balances()[member.member_code] == 100 + receipt.points_earned
    assert till.pos.find_member(member.member_code).balance == hq.balances()[member.member_code]
