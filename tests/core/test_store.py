"""The SQLite store: migrations, durability settings, the transactional outbox, idempotent
confirms, cashier PINs and lockout, and the audit trail of overrides."""

import datetime as dt
import json
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine
from pos_app.services import checkout
from pos_app.store import migrate, schema
from pos_app.store.engine import make_engine
from pos_app.store.ledger_repo import LedgerRepository
from pos_app.store.outbox_repo import OutboxRepository
from pos_app.store.uow import SqlUnitOfWork
from tests.support.clock import TUESDAY, end_of_12th_month_after

from .support import SUPERVISOR, SUPERVISOR_PIN, WORKED_CART, ledger_rows, outbox_events, query, refused, snapshot

SHIRT = CartLine("SHIRT-1", "apparel", 15_000, 1)


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrate.__file__).parent / "migrations"))
    return ScriptDirectory.from_config(cfg).get_current_head()


def columns(engine) -> dict[str, set[str]]:
    insp = inspect(engine)
    return {t: {c["name"] for c in insp.get_columns(t)} for t in insp.get_table_names()}


def assert_matches_schema(engine) -> None:
    """Every table and column the repositories use exists in the migrated database."""
    found = columns(engine)
    for table in schema.metadata.sorted_tables:
        assert table.name in found, f"migrations never create {table.name}"
        missing = {c.name for c in table.columns} - found[table.name]
        assert not missing, f"{table.name} lacks {missing}"


def version(engine) -> str:
    with engine.connect() as conn:
        conn.info["read_only"] = True
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


# --- migrations --------------------------------------------------------------------------------


def test_an_empty_database_upgrades_to_the_newest_schema(tmp_path):
    engine = make_engine(tmp_path / "empty.sqlite3")
    try:
        migrate.upgrade(engine)
        assert version(engine) == head_revision()
        assert_matches_schema(engine)
        migrate.upgrade(engine)  # running it again is harmless
        assert version(engine) == head_revision()
    finally:
        engine.dispose()


def test_a_database_at_migration_0001_upgrades_to_the_newest_schema_keeping_its_data(tmp_path):
    engine = make_engine(tmp_path / "old.sqlite3")
    try:
        migrate.upgrade(engine, "0001")
        assert version(engine) == "0001"
        assert "cashiers" not in columns(engine)
        with engine.connect() as conn:
            conn.execute(
                text(
                    "INSERT INTO members (member_code, phone, name, name_key, consent_terms, consent_marketing,"
                    " tier_code, enrolled_at, home_store, status, purchases)"
                    " VALUES ('M23456789AB', '0912345678', 'Alice', 'alice', 1, 0, 'silver',"
                    " '2026-01-01T10:00:00+08:00', 'S001', 'active', 3)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO ledger (entry_id, member_code, kind, points, on_date, expires_on, confirmed)"
                    " VALUES ('e1', 'M23456789AB', 'signup', 100, '2026-01-01', '2027-01-31', 1)"
                )
            )
            conn.commit()
        migrate.upgrade(engine)
        assert version(engine) == head_revision()
        assert_matches_schema(engine)
        with SqlUnitOfWork(engine, read_only=True) as uow:
            assert uow.members.get("M23456789AB").tier_code == "silver"
            assert uow.ledger.balance("M23456789AB") == 100
            assert uow.admin.cashier_count() == 0
    finally:
        engine.dispose()


def test_a_till_built_on_a_database_left_at_0001_works(tmp_path, data_dir, clock):
    from pos_app import bootstrap, config

    engine = make_engine(config.db_path(data_dir))
    migrate.upgrade(engine, "0001")
    engine.dispose()
    clock.set(TUESDAY)  # 150 points is a plain day's earning
    app = bootstrap.build_app(data_dir, clock=clock)
    try:
        assert version(app.engine) == head_revision()
        member = app.pos.enroll(phone="0912345678", name="Alice", consent_terms=True)
        assert app.pos.confirm_sale(member.member_code, [SHIRT]).points_earned == 150
    finally:
        app.close()


def test_the_day_summary_counts_that_day_only_and_reads_indexes_not_whole_tables(app, pos, clock, make_member):
    from sqlalchemy import event

    from .support import WEDNESDAY

    clock.set(TUESDAY)
    pos.enroll(phone="0912345678", name="Alice", consent_terms=True)
    member = make_member(points=1_000)
    pos.confirm_sale(member.member_code, WORKED_CART, redeem_points=500)
    clock.set(WEDNESDAY)
    pos.enroll(phone="0912345679", name="Bob", consent_terms=True)
    pos.confirm_sale("0912345679", [SHIRT])

    statements = []

    def keep(_conn, _cursor, sql, params, _context, _many) -> None:
        statements.append((sql, params))

    event.listen(app.engine, "before_cursor_execute", keep)
    try:
        tuesday = pos.day_summary(dt.date(2026, 11, 24))
    finally:
        event.remove(app.engine, "before_cursor_execute", keep)
    assert (tuesday.enrollments, tuesday.sales, tuesday.points_redeemed) == (2, 1, 500)  # make_member enrolls too
    assert pos.day_summary().enrollments == 1
    with app.engine.connect() as conn:
        conn.info["read_only"] = True
        for sql, params in statements:
            if sql.lstrip().upper().startswith("SELECT"):
                plan = " ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
                assert "SCAN ledger" not in plan and "SCAN members" not in plan, f"{sql}: {plan}"


# --- durability settings -----------------------------------------------------------------------


def test_app_connections_use_wal_and_synchronous_full(app):
    conns = [app.engine.connect() for _ in range(3)]  # several pooled connections, not just the first
    try:
        for conn in conns:
            conn.info["read_only"] = True
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        for conn in conns:
            conn.close()


def test_the_unit_of_work_connection_is_durable_too(app):
    with app.uow() as uow:
        conn = uow.sync.conn
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_the_database_file_is_in_wal_mode_on_disk(app, data_dir):
    import sqlite3

    raw = sqlite3.connect(data_dir / "pos.sqlite3")
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()


# --- the transactional outbox ------------------------------------------------------------------


def test_every_change_writes_exactly_one_event_with_the_next_sequence_number(app, pos):
    steps = [
        ("member.enrolled", lambda: pos.enroll(phone="0912345678", name="Alice", consent_terms=True)),
        ("sale.confirmed", lambda: pos.confirm_sale("0912345678", WORKED_CART)),
        ("sale.returned", lambda: pos.return_sale("R-S001-T01-000001", {0: 1})),
        ("points.adjusted", lambda: pos.adjust("0912345678", 500, "goodwill", SUPERVISOR)),
        ("points.adjusted", lambda: pos.adjust("0912345678", -200, "correction", SUPERVISOR)),
        ("member.updated", lambda: pos.update_member("0912345678", {"name": "Alice Chen"}, "S")),
        ("sale.returned", lambda: pos.return_without_receipt("0912345678", 1_000, "apparel", SUPERVISOR)),
        ("sale.confirmed", lambda: pos.confirm_sale("0912345678", [SHIRT], redeem_points=100)),
        ("sale.returned", lambda: pos.return_sale("R-S001-T01-000002")),
    ]
    for n, (kind, step) in enumerate(steps, start=1):
        ledger_before = {r.id for r in ledger_rows(app)}
        step()
        events = outbox_events(app)
        assert len(events) == n, f"{kind} wrote {len(events) - n + 1} events"
        event = events[-1]
        assert event["type"] == kind and event["seq"] == n
        assert event["store_id"] == "S001" and event["terminal_id"] == "T01"
        new_rows = [r for r in ledger_rows(app) if r.id not in ledger_before]
        assert {r.event_id for r in new_rows} <= {event["event_id"]}
        assert sorted(r.entry_id for r in new_rows) == sorted(e["entry_id"] for e in event["payload"].get("ledger", []))
    seqs = [r.seq for r in query(app, "SELECT seq FROM outbox ORDER BY seq")]
    assert seqs == list(range(1, len(steps) + 1))
    assert [e["seq"] for e in outbox_events(app)] == seqs
    assert outbox_events(app) == pos.pending_events()


def test_the_ledger_sum_is_the_balance_the_till_shows(app, pos, make_member):
    member = make_member("gold", points=3_000)
    sale = pos.confirm_sale(member.member_code, WORKED_CART, redeem_points=1_000)
    pos.return_sale(sale.receipt_no, {1: 1})
    shown = pos.find_member(member.member_code).balance
    assert shown == sum(r.points for r in ledger_rows(app, member.member_code))
    assert shown == sum(e["points"] for e in pos.ledger(member.member_code))


def _boom(*_args, **_kwargs):
    raise RuntimeError("disk on fire")


OPERATIONS = {
    "sale": lambda w: w.pos.confirm_sale(w.code, WORKED_CART, redeem_points=1_000),
    "enrollment": lambda w: w.pos.enroll(phone="0955555555", name="Bob", consent_terms=True),
    "return": lambda w: w.pos.return_sale(w.receipt, {0: 1}),
    "return_without_receipt": lambda w: w.pos.return_without_receipt(w.code, 1_000, "apparel", SUPERVISOR),
    "adjustment": lambda w: w.pos.adjust(w.code, 250, "goodwill", SUPERVISOR),
    "profile_update": lambda w: w.pos.update_member(w.code, {"name": "Alice Wang"}, "S"),
}


@pytest.fixture
def world(app, pos, make_member):
    from types import SimpleNamespace

    member = make_member("silver", points=5_000, name="Alice")
    sale = pos.confirm_sale(member.member_code, WORKED_CART)
    return SimpleNamespace(app=app, pos=pos, code=member.member_code, receipt=sale.receipt_no)


@pytest.mark.parametrize("op", list(OPERATIONS))
def test_a_change_whose_outbox_write_fails_leaves_nothing_behind(world, op, monkeypatch):
    before = snapshot(world.app)
    monkeypatch.setattr(OutboxRepository, "add", _boom)
    with pytest.raises(RuntimeError):
        OPERATIONS[op](world)
    monkeypatch.undo()
    assert snapshot(world.app) == before
    OPERATIONS[op](world)  # and it works once the disk is back
    assert len(outbox_events(world.app)) == len(before["outbox"]) + 1


@pytest.mark.parametrize("op", list(OPERATIONS))
def test_a_change_that_fails_at_commit_leaves_nothing_behind(world, op, monkeypatch):
    before = snapshot(world.app)
    monkeypatch.setattr(SqlUnitOfWork, "commit", _boom)
    with pytest.raises(RuntimeError):
        OPERATIONS[op](world)
    monkeypatch.undo()
    assert snapshot(world.app) == before


def test_a_sale_that_fails_after_its_ledger_rows_were_written_leaves_nothing_behind(world, monkeypatch):
    before = snapshot(world.app)
    real_add = LedgerRepository.add
    calls = []

    def add_then_fail(self, entries, **kw):
        real_add(self, entries, **kw)
        calls.append(len(entries))
        raise RuntimeError("power cut")

    monkeypatch.setattr(LedgerRepository, "add", add_then_fail)
    with pytest.raises(RuntimeError):
        world.pos.confirm_sale(world.code, WORKED_CART, redeem_points=1_000)
    assert calls == [2]
    monkeypatch.undo()
    assert snapshot(world.app) == before


def test_a_birthday_sale_that_fails_while_issuing_the_coupon_leaves_nothing_behind(app, pos, make_member, monkeypatch,
                                                                                   clock):
    clock.set(TUESDAY)  # November: the member's birthday month
    member = make_member(birthday="1990-11-02")
    before = snapshot(app)
    monkeypatch.setattr(checkout, "_maybe_issue_birthday_coupon", _boom)
    with pytest.raises(RuntimeError):
        pos.confirm_sale(member.member_code, WORKED_CART)
    assert snapshot(app) == before


def test_a_birthday_sale_writes_its_sale_event_and_one_coupon_event(app, pos, make_member, clock):
    clock.set(TUESDAY)  # November: the member's birthday month
    member = make_member(birthday="1990-11-02")
    n = len(outbox_events(app))
    pos.confirm_sale(member.member_code, WORKED_CART)
    assert [e["type"] for e in outbox_events(app)[n:]] == ["sale.confirmed", "coupon.issued"]


def test_a_refused_change_does_not_use_up_a_receipt_number(app, pos, make_member):
    member = make_member()
    refused("redeem_step", pos.confirm_sale, member.member_code, [SHIRT], 150)
    assert pos.confirm_sale(member.member_code, [SHIRT]).receipt_no == "R-S001-T01-000001"


# --- idempotent confirms -----------------------------------------------------------------------


def test_confirming_twice_with_the_same_sale_id_makes_one_sale(app, pos, make_member):
    member = make_member("silver", points=5_000)
    first = pos.confirm_sale(member.member_code, WORKED_CART, 2_000, sale_id="cart-0001")
    before = snapshot(app)
    again = pos.confirm_sale(member.member_code, WORKED_CART, 2_000, sale_id="cart-0001")
    assert again == first
    assert snapshot(app) == before
    other_cart = pos.confirm_sale(member.member_code, [SHIRT], sale_id="cart-0001")  # a late, different retry
    assert other_cart.receipt_no == first.receipt_no
    assert query(app, "SELECT COUNT(*) FROM sales")[0][0] == 1
    assert [e["type"] for e in outbox_events(app)].count("sale.confirmed") == 1


def test_different_sale_ids_make_different_sales(app, pos, make_member):
    member = make_member()
    a = pos.confirm_sale(member.member_code, [SHIRT], sale_id="cart-a")
    b = pos.confirm_sale(member.member_code, [SHIRT], sale_id="cart-b")
    assert a.receipt_no != b.receipt_no
    assert query(app, "SELECT COUNT(*) FROM sales")[0][0] == 2


# --- cashiers ----------------------------------------------------------------------------------

PIN = "735196"


def test_a_pin_is_stored_as_an_argon2_hash_never_as_the_pin(app, data_dir):
    app.cashiers.add("C01", "Carol", PIN)
    [row] = query(app, "SELECT pin_hash FROM cashiers WHERE cashier_id = 'C01'")
    assert row.pin_hash.startswith("$argon2id$")
    assert PIN not in row.pin_hash
    for table, rows in snapshot(app).items():
        for r in rows:
            assert all(PIN not in str(v) for v in r), f"the PIN shows up in {table}"
    for f in data_dir.glob("pos.sqlite3*"):
        assert PIN.encode() not in f.read_bytes()


@pytest.mark.parametrize("pin", ["123", "123456789", "abcd", "12 34", "", "12a4"])
def test_a_pin_must_be_4_to_8_digits(app, pin):
    refused("invalid_pin", app.cashiers.add, "C01", "Carol", pin)


def test_the_right_pin_logs_in_and_a_wrong_one_does_not(app):
    app.cashiers.add("C01", "Carol", PIN)
    assert app.cashiers.login("C01", PIN).cashier_id == "C01"
    wrong = refused("bad_login", app.cashiers.login, "C01", "000000")
    unknown = refused("bad_login", app.cashiers.login, "C99", PIN)
    # the same answer: the login tells nobody which cashier ids exist
    assert (wrong.message, wrong.params) == (unknown.message, unknown.params)


def _five_wrong(app, cashier_id: str = "C01") -> DomainError:
    for _ in range(4):
        refused("bad_login", app.cashiers.login, cashier_id, "000000")
    with pytest.raises(DomainError) as info:
        app.cashiers.login(cashier_id, "000000")
    return info.value


def test_five_wrong_pins_lock_the_cashier_for_five_minutes(app, clock):
    app.cashiers.add("C01", "Carol", PIN)
    assert _five_wrong(app).code == "cashier_locked"
    refused("cashier_locked", app.cashiers.login, "C01", "000000")
    assert refused("cashier_locked", app.cashiers.login, "C01", PIN).params["minutes"] == 5  # even the right PIN
    clock.advance(minutes=4, seconds=59)
    refused("cashier_locked", app.cashiers.login, "C01", PIN)
    clock.advance(seconds=1)
    assert app.cashiers.login("C01", PIN).cashier_id == "C01"


def test_lockouts_escalate_to_thirty_minutes_then_until_a_supervisor_unlocks(app, clock):
    app.cashiers.add("C01", "Carol", PIN)
    assert _five_wrong(app).params["minutes"] == 5
    clock.advance(minutes=5)
    second = _five_wrong(app)
    assert (second.code, second.params["minutes"]) == ("cashier_locked", 30)
    clock.advance(minutes=29)
    refused("cashier_locked", app.cashiers.login, "C01", PIN)
    clock.advance(minutes=1)
    assert _five_wrong(app).code == "cashier_locked_out"
    clock.advance(days=30)
    refused("cashier_locked_out", app.cashiers.login, "C01", PIN)  # time does not lift it
    refused("bad_login", app.cashiers.unlock, "C01", SUPERVISOR, "000000")
    app.cashiers.unlock("C01", SUPERVISOR, SUPERVISOR_PIN)
    assert app.cashiers.login("C01", PIN).cashier_id == "C01"
    assert any(a["action"] == "cashier.unlock" and a["subject"] == "C01" for a in app.pos.audit_trail())


def test_a_good_pin_starts_the_escalation_over(app, clock):
    app.cashiers.add("C01", "Carol", PIN)
    _five_wrong(app)
    clock.advance(minutes=5)
    app.cashiers.login("C01", PIN)
    assert _five_wrong(app).params["minutes"] == 5


def test_only_a_supervisor_unlocks_a_cashier(app, clock):
    app.cashiers.add("C01", "Carol", PIN)
    app.cashiers.add("C02", "Dan", "97531")
    for _ in range(3):
        _five_wrong(app)
        clock.advance(minutes=30)
    refused("not_supervisor", app.cashiers.unlock, "C01", "C02", "97531")
    refused("cashier_locked_out", app.cashiers.login, "C01", PIN)


def test_a_good_login_resets_the_count_of_wrong_pins(app):
    app.cashiers.add("C01", "Carol", PIN)
    for _ in range(4):
        refused("bad_login", app.cashiers.login, "C01", "000000")
    app.cashiers.login("C01", PIN)
    for _ in range(4):
        refused("bad_login", app.cashiers.login, "C01", "000000")
    assert app.cashiers.login("C01", PIN).cashier_id == "C01"


def test_wrong_pins_are_audited(app):
    app.cashiers.add("C01", "Carol", PIN)
    for _ in range(5):
        with pytest.raises(DomainError):
            app.cashiers.login("C01", "000000")
    bad = [a for a in app.pos.audit_trail() if a["action"] == "cashier.bad_pin"]
    assert len(bad) == 5 and bad[0]["details"] == {"locked": True}


def test_only_a_supervisor_can_approve(app, pos, make_member):
    app.cashiers.add("C01", "Carol", PIN)
    app.cashiers.add("S01", "Sam", "246813", role="supervisor")
    assert app.cashiers.verify_supervisor("S01", "246813").is_supervisor
    refused("not_supervisor", app.cashiers.verify_supervisor, "C01", PIN)
    member = make_member()
    before = snapshot(app)
    refused("not_supervisor", pos.adjust, member.member_code, 100, "goodwill", "C01")
    refused("not_supervisor", pos.adjust, member.member_code, 100, "goodwill", "S99")
    assert snapshot(app) == before
    assert pos.adjust(member.member_code, 100, "goodwill", "S01").balance == 200


# --- the audit trail ---------------------------------------------------------------------------


def test_an_adjustment_is_audited_with_who_why_and_how_much(app, pos, make_member, clock):
    member = make_member()
    view = pos.adjust(member.member_code, -300, "correction", SUPERVISOR)
    assert view.balance == -200
    [entry] = [a for a in pos.audit_trail() if a["action"] == "points.adjust"]
    assert entry == {
        "at": clock().isoformat(),
        "actor": SUPERVISOR,
        "action": "points.adjust",
        "subject": member.member_code,
        "details": {"points": -300, "reason": "correction"},
    }
    event = outbox_events(app)[-1]
    assert event["type"] == "points.adjusted"
    p = event["payload"]
    assert (p["member_code"], p["points"], p["reason"], p["supervisor_id"]) == (
        member.member_code, -300, "correction", SUPERVISOR,
    )  # fmt: skip
    rows = [r for r in ledger_rows(app, member.member_code) if r.kind == "adjust"]
    assert [(r.points, r.ref, r.expires_on) for r in rows] == [(-300, "correction", None)]


def test_a_positive_adjustment_is_a_lot_that_expires(app, pos, make_member, clock):
    member = make_member()
    pos.adjust(member.member_code, 1_000, "goodwill", SUPERVISOR)
    [row] = [r for r in ledger_rows(app, member.member_code) if r.kind == "adjust"]
    assert row.expires_on == end_of_12th_month_after(clock.today()).isoformat()


def test_a_profile_edit_is_audited_with_before_and_after(app, pos, make_member):
    member = make_member(name="Alice")
    pos.update_member(member.member_code, {"name": "Alice Chen"}, "S01")
    [entry] = [a for a in pos.audit_trail() if a["action"] == "member.update"]
    assert entry["details"] == {"before": {"name": "Alice"}, "after": {"name": "Alice Chen"}}
    assert entry["actor"] == "S01" and entry["subject"] == member.member_code


def test_events_are_stored_as_json_that_round_trips(app, pos, make_member):
    make_member(name="王小明")
    [(body,)] = query(app, "SELECT body FROM outbox")
    event = json.loads(body)
    assert event["payload"]["member"]["name"] == "王小明"
    assert "王小明" in body  # stored readable, not escaped
    assert dt.datetime.fromisoformat(event["occurred_at"]).utcoffset() == dt.timedelta(hours=8)
