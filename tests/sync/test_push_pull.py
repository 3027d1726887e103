"""The push and pull contracts against a real HQ: exactly once, in HQ's order, HQ wins."""

import json
import sqlite3
import time

import pytest
import sqlalchemy as sa

from loyalty_core import signing
from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine
from pos_app import config
from pos_app.sync import puller as puller_module
from pos_app.sync.engine import SyncError
from tests.support.clock import NOW, RunningClock, plain_day
from tests.sync.sync_harness import (
    FaultyAdapter,
    attach,
    clone_sales,
    local_balances,
    local_ledger,
    outbox_counts,
    settle,
)

TV = [CartLine("TV", "electronics", 150000, 1)]
TEA = [CartLine("TEA-500", "grocery", 12000, 2)]


def enroll(app, phone, name="王小明"):
    return app.pos.enroll(phone=phone, name=name, consent_terms=True)


def test_a_sale_reaches_hq_once_and_its_points_become_confirmed(hq, till_factory):
    till = till_factory(hq, clock=RunningClock(plain_day()))  # 1,600 is a plain day's figure
    member = enroll(till, "0912000001")
    till.pos.confirm_sale(member.member_code, TV)
    assert till.pos.find_member(member.member_code).pending == 1600

    summary = till.sync.run_once()

    assert summary["push"]["applied"] == 2 and summary["pending"] == 0
    view = till.pos.find_member(member.member_code)
    assert (view.balance, view.confirmed, view.pending) == (1600, 1600, 0)
    assert hq.balances()[member.member_code] == 1600
    assert hq.events_of("S001", "T01") == 2


def test_a_retry_after_a_lost_answer_is_answered_duplicate_and_applies_nothing_twice(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000002")
    for _ in range(3):
        till.pos.confirm_sale(member.member_code, TEA)
    adapter = attach(till, FaultyAdapter(paths=("/sync/push",), drop_response=1.0))

    with pytest.raises(SyncError):
        till.sync.run_once()
    assert outbox_counts(till)["pending"] == 4  # HQ applied them, but we never heard: still pending
    applied_once = hq.ledger()
    assert hq.events_of("S001", "T01") == 4

    adapter.enabled = False
    summary = till.sync.run_once()

    assert summary["push"] == {"batches": 1, "applied": 0, "duplicate": 4, "rejected": 0, "unparked": 0,
                               "corrected": 0, "held": 0}
    assert hq.ledger() == applied_once
    assert hq.events_of("S001", "T01") == 4
    assert outbox_counts(till) == {"pending": 0, "sent": 4, "rejected": 0}
    assert all(confirmed for _, _, confirmed, _ in local_ledger(till).values())


def test_the_outbox_is_pushed_in_seq_order_in_batches_of_at_most_500(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000003")
    for _ in range(12):
        till.pos.confirm_sale(member.member_code, TEA)
    till.sync.pusher.batch_size = 5
    seen = []
    real_push = till.sync.client.push
    till.sync.client.push = lambda events: seen.append([e["seq"] for e in events]) or real_push(events)

    till.sync.run_once()

    assert seen == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13]]
    assert till.sync.pusher.batch_size <= 500


def test_a_business_rejection_is_dead_lettered_and_never_blocks_the_queue_behind_it(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000004")
    till.sync.run_once()
    # An adjustment for a member HQ has never heard of: HQ rejects it as a business answer.
    with till.uow() as uow:
        body = {"event_id": "0193aaaa-0000-7000-8000-000000000001", "type": "points.adjusted", "store_id": "S001",
                "terminal_id": "T01", "seq": uow.outbox.next_seq(), "occurred_at": "2026-11-24T10:00:00+08:00",
                "rules_version": 1, "payload": {"member_code": "MZZZZZZZZZZ", "points": 5, "reason": "goodwill",
                "supervisor_id": "9001", "ledger": [{"entry_id": "e-ghost", "member_code": "MZZZZZZZZZZ",
                "kind": "adjust", "points": 5, "on": "2026-11-24", "expires_on": None}]}}  # fmt: skip
        uow.outbox.add(body)
        uow.commit()
    till.pos.confirm_sale(member.member_code, TEA)  # queued behind the doomed event

    summary = till.sync.run_once()

    assert summary["push"]["rejected"] == 1 and summary["push"]["applied"] == 1
    rejected = till.pos.rejected_events()
    assert [r["event_id"] for r in rejected] == [body["event_id"]]
    assert rejected[0]["reason"].startswith("unknown_member")
    assert till.sync.status()["rejected"] == 1
    assert hq.balances()[member.member_code] == till.pos.find_member(member.member_code).balance


def test_an_event_hq_cannot_even_read_is_found_by_splitting_the_batch_and_dead_lettered_alone(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000005")
    till.pos.confirm_sale(member.member_code, TEA)
    with till.uow() as uow:  # a till bug: seq as text, which HQ's strict schema refuses (422)
        seq = uow.outbox.next_seq()
        bad = {"event_id": "0193aaaa-0000-7000-8000-000000000002", "type": "sale.confirmed", "store_id": "S001",
               "terminal_id": "T01", "seq": seq, "occurred_at": "2026-11-24T10:00:00+08:00", "rules_version": 1,
               "payload": {}}  # fmt: skip
        uow.outbox.add(bad)
        uow.conn = uow._conn
        uow._conn.execute(sa.text("UPDATE outbox SET body = :b WHERE seq = :s"),
                          {"b": json.dumps({**bad, "seq": str(seq)}), "s": seq})  # fmt: skip
        uow.commit()
    for _ in range(3):
        till.pos.confirm_sale(member.member_code, TEA)

    summary = till.sync.run_once()

    assert summary["push"]["rejected"] == 1 and summary["push"]["applied"] == 5
    assert till.pos.rejected_events()[0]["reason"].startswith("invalid_request")
    assert outbox_counts(till)["pending"] == 0


def test_another_stores_sale_arrives_with_the_next_pull_in_hqs_order(hq, till_factory):
    a = till_factory(hq, "S001", "T01", clock=RunningClock(plain_day()))  # 1,600 is a plain day's figure
    b = till_factory(hq, "S002", "T01", clock=RunningClock(plain_day()))
    member = enroll(a, "0912000006", "Alice Chen")
    a.sync.run_once()
    b.sync.run_once()
    assert b.pos.find_member(member.member_code).balance == 100

    b.pos.confirm_sale(member.member_code, TV)
    b.sync.run_once()
    a.sync.run_once()

    view = a.pos.find_member("0912000006")
    assert (view.balance, view.pending, view.tier) == (1600, 0, "basic")
    assert local_balances(a) == local_balances(b) == {member.member_code: 1600}
    ids_in_feed_order = [r.entry_id for r in hq.rows("SELECT entry_id FROM ledger ORDER BY id")]
    with a.engine.connect() as conn:
        ids_at_a = [r[0] for r in conn.execute(sa.text("SELECT entry_id FROM ledger ORDER BY id"))]
    assert ids_at_a == ids_in_feed_order


def test_a_new_pc_bootstraps_from_the_snapshot_and_then_follows_the_feed(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    names = ["王小明", "李美玲", "陈伟", "Alice", "Bob", "Carol", "張家豪", "林雅婷", "黄志强", "Dave"]
    codes = [enroll(a, f"09120001{i:02d}", f"{names[i % 10]} {'abc'[i // 10]}").member_code for i in range(30)]
    for code in codes[:10]:
        a.pos.confirm_sale(code, TEA)
    a.sync.run_once()

    b = till_factory(hq, "S001", "T02")
    b.sync.puller.snapshot_page = 7
    summary = b.sync.run_once()

    assert summary["pull"]["bootstrapped"] and summary["pull"]["snapshot_members"] == 30
    assert local_balances(b) == hq.balances()
    assert all(confirmed == 1 for _, _, confirmed, _ in local_ledger(b).values())
    assert b.sync.puller.cursor() == hq.feed_head()
    assert a.ctx.signer.key_id in b.ctx.keyring  # store A's key came with the snapshot
    assert b.pos.find_member(a.pos.card_payload(codes[0])).member_code == codes[0]
    assert index_names(b) == index_names(a)  # dropped for the bulk load, every one built again


def index_names(till) -> set[str]:
    """Read on a connection of its own (the till may be inside its write transaction)."""
    conn = sqlite3.connect(config.db_path(till.data_dir))
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    finally:
        conn.close()
    return {name for (name,) in rows}


def test_a_new_pc_loads_without_secondary_indexes_and_builds_them_when_the_snapshot_is_complete(
    hq, till_factory, monkeypatch
):
    monkeypatch.setattr(puller_module, "BOOTSTRAP_TX_MEMBERS", 5)  # one page per transaction
    a = till_factory(hq, "S001", "T01")
    for i in range(12):
        enroll(a, f"09120002{i:02d}")
    a.sync.run_once()
    b = till_factory(hq, "S001", "T02")
    b.sync.puller.snapshot_page = 5
    seen = []
    b.sync.puller._before_commit = lambda what, n: seen.append((what, "ix_members_phone_hash" in index_names(b)))
    b.sync.run_once()
    during = [has for what, has in seen if what == "snapshot"]
    assert len(during) >= 2 and not any(during)  # no index maintained while pages arrive (seen before each commit)...
    assert "ix_members_phone_hash" in index_names(b) and index_names(b) == index_names(a)  # ...all there at the end


def test_a_cursor_older_than_hqs_retention_gets_refetch_and_a_fresh_snapshot(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    member = enroll(a, "0912000007")
    a.sync.run_once()
    b.sync.run_once()
    old_cursor = b.sync.puller.cursor()
    for _ in range(5):
        a.pos.confirm_sale(member.member_code, TEA)
    a.sync.run_once()
    from hq.storage import feed

    head = hq.feed_head()
    hq.write(lambda conn: feed.prune(conn, head - 1))
    assert hq.feed_head() - 1 > old_cursor

    summary = b.sync.run_once()

    assert summary["pull"]["bootstrapped"]
    assert local_balances(b) == hq.balances()
    assert b.sync.puller.cursor() == hq.feed_head()


def test_hq_is_offline_flag_applies_the_offline_allowance_and_timers_retry_without_new_writes(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000008")
    till.pos.adjust(member.member_code, 9000, "goodwill", "9001")
    till.sync.run_once()
    assert not till.ctx.is_offline()
    seen = []
    till.sync.add_listener(lambda status: seen.append(status["online"]))
    adapter = attach(till, FaultyAdapter())
    adapter.offline = True
    till.sync.start()
    deadline = time.monotonic() + 10
    while not till.ctx.is_offline() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert till.ctx.is_offline()

    with pytest.raises(DomainError) as refused:  # over the 5,000-point offline allowance
        till.pos.confirm_sale(member.member_code, [CartLine("TV", "electronics", 2000000, 1)], redeem_points=6000)
    assert refused.value.code == "redeem_offline_limit"
    till.pos.confirm_sale(member.member_code, [CartLine("TV", "electronics", 2000000, 1)], redeem_points=5000,
                           identified_by="card")
    failures_before = till.sync.status()["failures"]
    time.sleep(0.5)
    assert till.sync.status()["failures"] > failures_before  # retried by the timer, no new write needed

    adapter.offline = False
    deadline = time.monotonic() + 10
    while (till.ctx.is_offline() or outbox_counts(till)["pending"]) and time.monotonic() < deadline:
        time.sleep(0.02)
    till.sync.stop()
    assert not till.ctx.is_offline() and outbox_counts(till)["pending"] == 0
    assert False in seen and seen[-1] is True
    assert hq.balances()[member.member_code] == till.pos.find_member(member.member_code).balance


def test_the_backoff_is_exponential_capped_and_jittered(hq, till_factory):
    engine = till_factory(hq).sync
    engine.timing.backoff_base, engine.timing.backoff_cap = 1.0, 60.0
    for failures, ceiling in [(1, 1), (2, 2), (3, 4), (6, 32), (7, 60), (30, 60)]:
        delays = {engine.backoff(failures) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jittered


def test_a_rule_set_published_at_hq_reaches_the_till_and_is_used_at_once(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000009")
    till.sync.run_once()
    from hq.storage import db as hq_db
    from hq.storage import rules as published

    with hq_db.read(hq.engine) as conn:
        document = published.current_document(conn)
    document = {**document, "version": 2, "signup_bonus_points": 300, "offline_redeem_allowance_points": 1000}
    hq.write(lambda conn: published.publish(conn, document, hq.clock()))

    summary = till.sync.run_once()

    assert summary["pull"]["rules_version"] == 2
    assert till.ctx.rules.version == 2 and till.ctx.rules.signup_bonus_points == 300
    assert enroll(till, "0912000010").balance == 300
    with till.uow(read_only=True) as uow:
        assert uow.admin.latest_rules()["version"] == 2
    assert member.balance == 100


def test_a_coupon_used_at_one_store_is_refused_at_the_other_after_a_pull(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    member = enroll(a, "0912000011")
    from loyalty_core import coupons

    # A store key signs only a member's own birthday coupon (any other coupon must be HQ's).
    coupon = coupons.Coupon(f"BDAY-{member.member_code}-2026", coupons.AMOUNT, 5000, member_code=member.member_code)
    code = coupons.issue(coupon, a.ctx.signer)
    a.sync.run_once()
    b.sync.run_once()
    assert a.ctx.signer.key_id in b.ctx.keyring
    a.pos.confirm_sale(member.member_code, TV, coupon_code=code)
    a.sync.run_once()

    b.sync.run_once()

    with pytest.raises(DomainError) as refused:
        b.pos.confirm_sale(member.member_code, TV, coupon_code=code)
    assert refused.value.code == "coupon_used"


def test_our_signing_key_is_registered_with_hq_once(hq, till_factory):
    till = till_factory(hq)
    till.sync.run_once()
    till.sync.run_once()
    rows = hq.rows("SELECT key_id, public_key FROM store_keys")
    assert rows == [(till.ctx.signer.key_id, signing.b64(till.ctx.signer.public_bytes()))]


def test_a_profile_edited_here_is_not_overwritten_by_an_older_copy_from_hq_before_it_is_pushed(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    member = enroll(a, "0912000012", "Alice Chen")
    settle([a, b], hq)
    a.pos.update_member(member.member_code, {"name": "Alice Chen-Wang"}, actor="1001")
    b.pos.update_member(member.member_code, {"consent_marketing": True}, actor="1001")
    b.sync.run_once()

    a.sync.puller.pull_all()  # HQ's copy (B's edit) arrives before A's edit has been pushed

    assert a.pos.find_member(member.member_code).name == "Alice Chen-Wang"
    settle([a, b], hq)
    assert hq.member(member.member_code).name == "Alice Chen-Wang"
    for till in (a, b):  # once HQ has the edit, tills hold the name masked (docs/PRIVACY.md)
        view = till.pos.find_member(member.member_code)
        assert (view.name, view.consent_marketing) == ("A**** C********", True)


def test_stop_ends_the_engine_between_two_batches_and_nothing_is_lost(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000013")
    till.pos.confirm_sale(member.member_code, TEA)
    clone_sales(till, 3_000, NOW)
    till.sync.pusher.batch_size = 20
    till.sync.start()
    deadline = time.monotonic() + 20
    while outbox_counts(till)["sent"] < 100 and time.monotonic() < deadline:
        time.sleep(0.01)

    started = time.monotonic()
    till.sync.stop()

    assert time.monotonic() - started < 2 and not till.sync.running
    assert 0 < outbox_counts(till)["pending"] < 3_002
    till.sync.run_once()
    assert outbox_counts(till) == {"pending": 0, "sent": 3_002, "rejected": 0}
    assert hq.events_of("S001", "T01") == 3_002


def test_a_feed_change_the_till_cannot_read_is_skipped_and_reported_never_blocking_the_feed(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000014")
    till.sync.run_once()
    head = hq.feed_head()

    def broken(conn):  # a merge without its "into": the till cannot apply it
        conn.execute(sa.text("UPDATE feed_counter SET last_seq = :s WHERE id = 1"), {"s": head + 1})
        conn.execute(
            sa.text("INSERT INTO feed (seq, kind, member_code, data, created_at) VALUES (:s, 'merge', NULL, :d, :t)"),
            {"s": head + 1, "d": json.dumps({"from": member.member_code}), "t": hq.clock()},
        )

    hq.write(broken)
    till.pos.confirm_sale(member.member_code, TV)  # HQ's answer to the sale comes after the broken change

    summary = till.sync.run_once()

    assert summary["pull"]["skipped"] == [head + 1]
    assert till.sync.puller.cursor() == hq.feed_head()
    assert till.pos.find_member(member.member_code).status == "active"
    assert till.pos.find_member(member.member_code).balance == hq.balances()[member.member_code]


def test_the_snapshot_key_just_below_a_member_code_selects_exactly_that_member():
    from pos_app.sync.reconciler import _before

    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    for last in alphabet:
        code = "M234567890" + last
        after = _before(code)
        assert after < code
        assert all(not (after < "M234567890" + c < code) for c in alphabet)


def test_status_listeners_see_the_waiting_count_fall_batch_by_batch(hq, till_factory):
    till = till_factory(hq)
    member = enroll(till, "0912000015")
    till.pos.confirm_sale(member.member_code, TEA)
    clone_sales(till, 998, NOW)
    till.sync.pusher.batch_size = 100
    seen = []
    unsubscribe = till.sync.add_listener(lambda status: seen.append((status["pending"], status["online"])))

    till.sync.run_once()
    unsubscribe()
    till.sync.run_once()

    pending = [p for p, _ in seen]
    assert pending[:3] == [900, 800, 700] and pending[-1] == 0
    assert pending == sorted(pending, reverse=True)
    assert seen[-1] == (0, True)
    assert len(seen) == len(pending)  # nothing after unsubscribing


def test_an_event_hq_parks_as_unknown_member_is_pushed_again_later_and_gets_in(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S001", "T02")
    settle([a, b], hq)
    member = enroll(a, "0912000016", "Emma Tsai")  # enrolled at A, not pushed yet
    with a.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT * FROM members WHERE member_code = :m"), {"m": member.member_code}).one()
    with b.engine.begin() as conn:  # B knows the member already (say, from a shared back office)
        conn.execute(sa.text(f"INSERT INTO members ({', '.join(row._fields)}) VALUES "
                             f"({', '.join(':' + f for f in row._fields)})"), row._asdict())  # fmt: skip
    sale = b.pos.confirm_sale(member.member_code, TV)

    first = b.sync.run_once()
    assert first["push"]["rejected"] == 1 and b.pos.rejected_events()[0]["reason"].startswith("unknown_member")
    a.sync.run_once()  # the enrollment reaches HQ
    b.sync.pusher.parked_interval = 0

    second = b.sync.run_once()

    assert second["push"]["unparked"] == 1
    assert outbox_counts(b) == {"pending": 0, "sent": 1, "rejected": 0}
    assert hq.balances()[member.member_code] == 100 + sale.points_earned
    settle([a, b], hq)
    assert local_balances(a) == local_balances(b) == hq.balances()
