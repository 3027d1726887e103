"""A till's nightly reconciliation reaches HQ's console: the queue shows which store drifted and by how much."""

import json

import pytest
import sqlalchemy as sa

from loyalty_core.pricing import CartLine
from pos_app.sync.engine import SyncError
from tests.sync.sync_harness import Console, FaultyAdapter, attach, local_balances, settle

TEA = [CartLine("TEA-500", "grocery", 12000, 1)]


def _chain(hq, till_factory, n=4):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    codes = [a.pos.enroll(phone=f"09180000{i:02d}", name="Dave Ho", consent_terms=True).member_code for i in range(n)]
    settle([a, b], hq)
    for code in codes:
        b.pos.confirm_sale(code, TEA)
    settle([a, b], hq)
    return a, b, codes


def _drift(app, code: str, points: int) -> None:
    with app.engine.begin() as conn:
        conn.execute(sa.text("UPDATE ledger SET points = points + :p WHERE member_code = :m AND kind = 'signup'"),
                     {"p": points, "m": code})  # fmt: skip


def _reports(hq) -> list:
    return hq.rows("SELECT store_id, terminal_id, run_id, status, differences, fixed, detail, reviewed_by "
                   "FROM reconcile_reports ORDER BY id")  # fmt: skip


def test_a_run_with_differences_is_in_the_console_queue_with_each_member_and_an_acknowledgement_is_audited(
        hq, till_factory):  # fmt: skip
    a, _, codes = _chain(hq, till_factory)
    drifted = codes[1]
    _drift(a, drifted, 77)

    result = a.sync.reconcile_now()

    assert (result["differences"], result["fixed"]) == (1, 1)
    [report] = _reports(hq)
    assert report[:6] == ("S001", "T01", result["run_id"], "differences", 1, 1)
    [member] = json.loads(report[6])
    assert member == {"member_code": drifted, "till_balance": hq.balances()[drifted] + 77,
                      "hq_balance": hq.balances()[drifted], "correction_points": 0, "fixed": True}  # fmt: skip
    console = Console(hq)
    queue = console.get("/console/review/reconciliation").text
    assert 'data-terminal="S001/T01"' in queue and f'data-run="{_report_id(hq)}"' in queue
    detail = console.get(f"/console/review/reconciliation/{_report_id(hq)}").text
    assert f'data-member="{drifted}"' in detail

    answer = console.submit("/console/review/reconciliation",
                            f"/console/review/reconciliation/{_report_id(hq)}/acknowledge", {"note": "till restored"})

    assert answer.status_code == 303
    assert _reports(hq)[0][7] == "boss"
    assert hq.scalar("SELECT count(*) FROM audit_log WHERE action = 'reconcile.acknowledge'") == 1
    assert f'data-run="{_report_id(hq)}"' not in console.get("/console/review/reconciliation").text
    assert local_balances(a)[drifted] == hq.balances()[drifted]  # the till fixed itself; HQ changed nothing
    again = console.submit("/console/review/reconciliation",
                           f"/console/review/reconciliation/{_report_id(hq)}/acknowledge", {"note": "twice"})
    assert again.status_code == 400


def _report_id(hq) -> int:
    return hq.scalar("SELECT max(id) FROM reconcile_reports")


def test_a_run_in_agreement_is_the_terminals_latest_run_but_not_in_the_queue(hq, till_factory):
    a, _, _ = _chain(hq, till_factory, n=2)

    assert a.sync.reconcile_now()["status"] == "ok"

    assert [r[3] for r in _reports(hq)] == ["ok"]
    page = Console(hq).get("/console/review/reconciliation").text
    queue, latest = page.split('id="last-runs"', 1)
    assert "data-run=" not in queue and 'data-terminal="S001/T01"' in latest


def test_a_report_whose_answer_was_lost_is_sent_again_at_the_next_sync_and_hq_keeps_one_row(hq, till_factory):
    a, _, codes = _chain(hq, till_factory)
    _drift(a, codes[0], -30)
    net = attach(a, FaultyAdapter(paths=("/reconcile/report",), duplicate=1.0, drop_response=1.0))

    result = a.sync.reconcile_now()  # the run is done; HQ got its report twice and the till heard nothing

    assert result["differences"] == 1 and net.counts["drop_response"] == 1
    assert len(_reports(hq)) == 1
    with a.uow(read_only=True) as uow:
        assert [r["id"] for r in uow.sync.unreported_runs(5)] == [result["run_id"]]
    net.enabled = False
    a.sync.run_once()
    with a.uow(read_only=True) as uow:
        assert uow.sync.unreported_runs(5) == []
    assert len(_reports(hq)) == 1 and _reports(hq)[0][4] == 1


def test_a_run_that_failed_halfway_is_reported_as_failed_once_the_line_is_back(hq, till_factory):
    a, _, _ = _chain(hq, till_factory, n=1)
    net = attach(a, FaultyAdapter(paths=("/reconcile/",), drop_request=1.0))  # the line drops mid-run
    with pytest.raises(SyncError):
        a.sync.reconcile_now()
    assert _reports(hq) == []

    net.enabled = False
    a.sync.run_once()

    [report] = _reports(hq)
    assert report[3] == "failed"
    assert "injected" in hq.scalar("SELECT error FROM reconcile_reports")  # the till's own reason, passed on


def test_a_store_manager_sees_only_their_stores_runs(hq, till_factory):
    a, b, codes = _chain(hq, till_factory, n=3)
    _drift(a, codes[0], 5)
    _drift(b, codes[1], 9)
    a.sync.reconcile_now()
    b.sync.reconcile_now()
    theirs = hq.scalar("SELECT id FROM reconcile_reports WHERE store_id = 'S001'")
    manager = Console(hq, "mgr2", "store_manager", store="S002")
    page = manager.get("/console/review/reconciliation").text
    assert 'data-terminal="S002/T01"' in page and 'data-terminal="S001/T01"' not in page
    assert manager.web.get(f"{hq.url}/console/review/reconciliation/{theirs}").status_code == 404
    refused = manager.submit("/console/review/reconciliation", f"/console/review/reconciliation/{theirs}/acknowledge",
                             {"note": "not mine"})  # fmt: skip
    assert refused.status_code == 404
    assert hq.scalar("SELECT reviewed_by FROM reconcile_reports WHERE id = :i", i=theirs) is None

