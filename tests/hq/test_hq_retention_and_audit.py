"""Retention on HQ's clock, and the tamper-evident audit log (hq/services/retention.py, hq/services/audit_chain.py)."""

import datetime as dt
import json

import sqlalchemy as sa

from hq.cli import main
from hq.services import audit_chain, expiry, retention, rights
from hq.storage import db
from tests.support.events import Till


def cli(hq, capsys, *argv):
    code = main(["--db", hq.url, *argv])
    out, err = capsys.readouterr()
    return (code, json.loads(out) if code == 0 else json.loads(err))


def enrolled_in_2022(hq, *, last_sale: str | None = None) -> str:
    till = Till(at="2022-06-01T10:00:00+08:00")
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    events = [enroll, till.sale(code)]  # priced as the till prices it: HQ agrees and books it as sent
    if last_sale:
        till.at = f"{last_sale}T10:00:00+08:00"
        events.append(till.sale(code))
    assert set(hq.statuses(events, till)) == {"applied"}
    return code


def test_members_inactive_longer_than_the_retention_period_are_erased_and_the_others_kept(hq, clock):
    clock.set("2026-11-24")
    gone = enrolled_in_2022(hq)
    kept = enrolled_in_2022(hq, last_sale="2024-03-01")
    expiry.expire(hq.engine, dt.date(2026, 11, 24), clock())  # HQ's own expiry entries are not activity
    balance = hq.member(gone)["balance"]

    result = db.write(hq.engine, lambda conn: retention.run(conn, clock()))

    assert (result["cutoff"], result["erased"]) == ("2023-11-24", [gone])
    with db.read(hq.engine) as conn:
        rows = {r.member_code: r for r in conn.execute(sa.text("SELECT * FROM members"))}
    assert (rows[gone].phone, rows[gone].name, rows[gone].birthday, rows[gone].status) == ("", "", None, "closed")
    assert rows[kept].status == "active" and rows[kept].name == "Chen Mei"
    assert hq.member(gone)["balance"] == balance  # the ledger is kept
    again = db.write(hq.engine, lambda conn: retention.run(conn, clock()))
    assert again["erased"] == []


def test_the_retention_period_comes_from_the_published_rules_and_29_february_works(hq, clock):
    clock.set("2028-02-29")
    code = enrolled_in_2022(hq, last_sale="2025-03-01")
    result = db.write(hq.engine, lambda conn: retention.run(conn, clock()))
    assert (result["cutoff"], result["erased"]) == ("2025-02-28", [])
    assert hq.member(code)["member"]["status"] == "active"


def test_every_privacy_action_is_in_the_audit_chain_and_verify_finds_the_first_broken_link(hq, clock, capsys):
    code = enrolled_in_2022(hq)
    db.write(hq.engine, lambda conn: rights.export(conn, code, clock(), operator="op-1"))
    db.write(hq.engine, lambda conn: rights.stop_processing(conn, code, "asked by letter", clock(), operator="op-2"))
    db.write(hq.engine, lambda conn: rights.erase(conn, code, "asked at the counter", clock(), operator="op-3"))

    assert cli(hq, capsys, "audit", "verify") == (0, {"ok": True, "entries": 3, "first_broken": None, "problem": None})
    with db.read(hq.engine) as conn:
        actions = [tuple(r) for r in conn.execute(sa.text("SELECT id, username, action, target FROM audit_log"
                                                          " ORDER BY id"))]  # fmt: skip
    assert actions == [(1, "op-1", "member.export", code), (2, "op-2", "member.stop", code),
                       (3, "op-3", "member.erase", code)]  # fmt: skip

    with hq.engine.begin() as conn:
        conn.execute(sa.text("""UPDATE audit_log SET "after" = '{"reason": "nothing"}' WHERE id = 2"""))
    assert cli(hq, capsys, "audit", "verify")[1] == {"ok": False, "entries": 2, "first_broken": 2,
                                                     "problem": "its contents were changed"}  # fmt: skip
    with hq.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_log WHERE id = 2"))
    assert cli(hq, capsys, "audit", "verify")[1] == {"ok": False, "entries": 2, "first_broken": 2,
                                                     "problem": "entry 2 is missing"}  # fmt: skip


def test_audit_entries_are_kept_five_years_then_pruned_with_the_chain_still_verifiable(hq, clock, capsys):
    clock.set("2026-11-24")
    code = enrolled_in_2022(hq, last_sale="2026-11-01")
    db.write(hq.engine, lambda conn: rights.export(conn, code, clock()))
    clock.set("2031-11-23")
    kept = db.write(hq.engine, lambda conn: retention.run(conn, clock()))
    clock.set("2031-11-25")
    pruned = db.write(hq.engine, lambda conn: retention.run(conn, clock()))

    assert (kept["audit_pruned"], pruned["audit_pruned"]) == (0, 1)  # the export of 2026-11-24 is over 5 years old
    assert kept["erased"] == [code]  # inactive since 2026-11-01: the first run's erase and both runs are kept
    assert cli(hq, capsys, "audit", "verify")[1] == {"ok": True, "entries": 3, "first_broken": None, "problem": None}
    with hq.engine.begin() as conn:  # dropping the oldest kept entry is seen too: the anchor no longer links
        conn.execute(sa.text("DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)"))
    assert cli(hq, capsys, "audit", "verify")[1]["ok"] is False
    assert audit_chain.GENESIS == "0" * 64
