"""The chain summary (API, CLI, rollups) on SQLite and PostgreSQL, from known till events."""

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from hq.cli import main
from hq.services.operators import accounts
from hq.services.reports import rollup
from hq.storage import db
from hq.storage.schema import ledger, rollup_marks
from tests.hq.hq_helpers import auth
from tests.support.events import Till

DAY = "2026-11-24"  # a Tuesday: no member-day multiplier in the figures below
PASSWORD = "a long enough password"


@pytest.fixture
def chain(hq):
    """Two stores. At S001: Ann buys twice, returns part of one sale and redeems 100 points; Ben buys once and
    gets a goodwill adjustment. At S002: Cleo buys once. Every sign-up earns 100."""
    hq.clock.set(DAY)
    s1, s2 = Till("S001", "T01"), Till("S002", "T01")
    ann, ben, cleo = s1.enroll(), s1.enroll(), s2.enroll()
    a, b, c = (e["payload"]["member"]["member_code"] for e in (ann, ben, cleo))
    assert hq.statuses([ann, ben], s1) == ["applied"] * 2
    assert hq.statuses([cleo], s2) == ["applied"]
    s1_events = [s1.sale(a, paid=10_000, earn=100), s1.sale(a, paid=5_000, earn=50, redeem=100),
                 s1.give_back(a, spend=-5_000, take_back=50), s1.sale(b, paid=20_000, earn=200), s1.adjust(b, 30)]
    assert hq.statuses(s1_events, s1) == ["applied"] * 5
    assert hq.statuses([s2.sale(c, paid=7_000, earn=70)], s2) == ["applied"]
    tokens = {}
    for name, role, store in (("fin", "finance", None), ("mgr1", "store_manager", "S001")):
        db.write(hq.engine, lambda conn, n=name, r=role, s=store: accounts.add(conn, n, r, PASSWORD, hq.clock(), s))
        tokens[name] = db.write(hq.engine, lambda conn, n=name: accounts.issue_report_token(conn, n, hq.clock()))["token"]
    return {"codes": (a, b, c), "tokens": tokens}


def summary(hq, token, **params):
    query = "&".join(f"{k}={v}" for k, v in {"from": DAY, "to": DAY, **params}.items())
    return hq.client.get(f"/api/v1/reports/summary?{query}", headers=auth(token))


def ledger_total(hq) -> int:
    return hq.scalar("SELECT coalesce(sum(points), 0) FROM ledger")


def test_the_summary_counts_members_sales_points_and_liability_from_the_events_pushed(hq, chain):
    response = summary(hq, chain["tokens"]["fin"])
    assert response.status_code == 200, response.text
    s = response.json()
    assert (s["members_total"], s["members_new"], s["members_active"]) == (3, 3, 3)
    assert s["sales_count"] == 4
    assert s["sales_cents"] == 10_000 + 5_000 - 5_000 + 20_000 + 7_000
    assert s["points_issued"] == 3 * 100 + 100 + 50 + 200 + 30 + 70
    assert (s["points_redeemed"], s["points_expired"]) == (100, 0)
    assert s["points_outstanding"] == ledger_total(hq) == 750 - 100 - 50
    assert s["liability_cents"] == 600  # 600 points at 100 points = 1.00
    assert s["repurchase_rate_bp"] == 3333  # Ann bought twice, of three buyers
    assert s["redemption_rate_bp"] == 100 * 10_000 // 750


def test_a_store_filter_keeps_that_stores_members_and_sales(hq, chain):
    s = summary(hq, chain["tokens"]["fin"], store="S002").json()
    assert (s["members_total"], s["sales_count"], s["sales_cents"], s["points_issued"]) == (1, 1, 7_000, 170)


def test_a_store_manager_gets_their_own_store_and_is_refused_another(hq, chain):
    own = summary(hq, chain["tokens"]["mgr1"])
    assert own.status_code == 200 and own.json()["store"] == "S001" and own.json()["sales_count"] == 3
    other = summary(hq, chain["tokens"]["mgr1"], store="S002")
    assert other.status_code == 403 and other.json()["error"] == "forbidden"


def test_rollups_are_incremental_and_never_count_a_row_twice(hq, chain):
    before = summary(hq, chain["tokens"]["fin"]).json()
    assert rollup.ensure_fresh(hq.engine, hq.clock()) == {"ledger_rows": 0, "spend_rows": 0}
    a = chain["codes"][0]
    till = Till("S001", "T01", seq=100)
    assert hq.statuses([till.sale(a, paid=3_000, earn=30)], till) == ["applied"]
    after = summary(hq, chain["tokens"]["fin"]).json()
    assert after["sales_cents"] == before["sales_cents"] + 3_000
    assert after["points_issued"] == before["points_issued"] + 30
    assert after["points_outstanding"] == ledger_total(hq)
    with db.read(hq.engine) as conn:
        marks = dict(conn.execute(sa.select(rollup_marks.c.source, rollup_marks.c.mark)).all())
        assert marks["ledger"] == conn.execute(sa.select(sa.func.max(ledger.c.id))).scalar()


def test_a_ledger_row_that_commits_late_below_the_mark_is_still_counted(hq, chain):
    """What an in-flight PostgreSQL transaction looks like: ids 1001 and 1003 visible, 1002 not yet."""
    summary(hq, chain["tokens"]["fin"])
    a = chain["codes"][0]
    row = {"member_code": a, "kind": "bonus", "on_date": dt.date(2026, 11, 24), "expires_on": None}

    def book(ids):
        return lambda conn: conn.execute(ledger.insert(), [{**row, "id": i, "entry_id": f"late:{i}",
                                                            "points": 1, "event_id": f"late:{i}"} for i in ids])

    db.write(hq.engine, book([1001, 1003]))
    first = summary(hq, chain["tokens"]["fin"]).json()["points_issued"]
    db.write(hq.engine, book([1002]))
    second = summary(hq, chain["tokens"]["fin"]).json()["points_issued"]
    assert second == first + 1
    assert summary(hq, chain["tokens"]["fin"]).json()["points_issued"] == second


def test_expired_points_show_as_expired_and_leave_the_outstanding(hq, chain):
    hq.clock.set("2028-01-05")
    from hq.services import expiry

    done = expiry.expire(hq.engine, dt.date(2028, 1, 5), hq.clock())
    assert done["points"] > 0
    s = summary(hq, chain["tokens"]["fin"], **{"from": "2028-01-01", "to": "2028-01-31"}).json()
    assert s["points_expired"] == done["points"]
    assert s["points_outstanding"] == ledger_total(hq)


@pytest.mark.parametrize("params, code", [
    ({"from": "2026-13-01"}, "invalid_date"),
    ({"from": "yesterday"}, "invalid_date"),
    ({"to": "2026-11-01"}, "invalid_range"),
    ({"from": "2020-01-01", "to": "2026-11-24"}, "invalid_range"),
    ({"store": "x' OR 1=1 --"}, "invalid_store_id"),
    ({"format": "xml"}, "invalid_request"),
])  # fmt: skip
def test_bad_query_parameters_get_a_clear_error_and_change_nothing(hq, chain, params, code):
    counts = hq.counts()
    response = summary(hq, chain["tokens"]["fin"], **params)
    assert response.status_code == 422 and response.json()["error"] == code
    assert hq.counts() == counts


def test_without_a_report_token_the_summary_is_refused(hq, chain):
    assert hq.client.get(f"/api/v1/reports/summary?from={DAY}&to={DAY}").status_code == 401
    terminal = summary(hq, hq.terminal("S001", "T01"))
    assert terminal.status_code == 401  # a till's token is not an operator's
    assert summary(hq, "hqr_forged").status_code == 401


def test_a_disabled_operators_token_stops_working(hq, chain):
    db.write(hq.engine, lambda conn: accounts.disable(conn, "fin", hq.clock()))
    assert summary(hq, chain["tokens"]["fin"]).status_code == 401


def test_the_cli_prints_the_same_summary_as_the_api(hq, chain, capsys):
    api = summary(hq, chain["tokens"]["fin"]).json()
    assert main(["--db", hq.url, "report", "summary", "--from", DAY, "--to", DAY]) == 0
    assert json.loads(capsys.readouterr().out) == api
    csv = summary(hq, chain["tokens"]["fin"], format="csv")
    header, values = csv.text.strip().splitlines()
    assert header.split(",")[:4] == ["from", "to", "store", "members_total"]
    assert values.split(",")[3] == "3"


def test_rfm_puts_every_buyer_in_one_segment_and_the_cli_prints_them(hq, chain, capsys):
    assert main(["--db", hq.url, "report", "rfm", "--at", DAY]) == 0
    out = json.loads(capsys.readouterr().out)
    segments = {s["segment"]: s for s in out["segments"]}
    assert len(segments) == 8 and out["members_scored"] == 3
    assert sum(s["members"] for s in segments.values()) == 3
    assert sum(s["spend_cents"] for s in segments.values()) == 37_000
    # All bought today (recency ties score 3, "high"). Ann bought twice (F high) for 100.00 net (M 3, high);
    # Ben once for 200.00 (M high); Cleo once for 70.00.
    assert {k: v["members"] for k, v in segments.items() if v["members"]} == {
        "important_value": 1, "important_develop": 1, "general_develop": 1}
    assert segments["important_develop"]["spend_cents"] == 20_000


def test_the_first_runs_sql_backfill_and_the_incremental_job_give_the_same_rollups(hq, chain):
    summary(hq, chain["tokens"]["fin"])  # the first run: GROUP BY in the database

    def rollups():
        with db.read(hq.engine) as conn:
            return [sorted(tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {t}")))
                    for t in ("rollup_daily", "rollup_buyers", "rollup_member_days", "rollup_cohorts")]

    by_backfill = rollups()
    assert all(by_backfill)

    def restart_from_zero(conn):
        for table in ("rollup_daily", "rollup_buyers", "rollup_member_days", "rollup_cohorts", "rollup_holes",
                      "rollup_marks"):
            conn.execute(sa.text(f"DELETE FROM {table}"))
        conn.execute(rollup_marks.insert(), [{"source": "ledger", "mark": 0}, {"source": "spend", "mark": 0}])

    db.write(hq.engine, restart_from_zero)
    rollup.ensure_fresh(hq.engine, hq.clock())  # row by row in Python
    assert rollups() == by_backfill
