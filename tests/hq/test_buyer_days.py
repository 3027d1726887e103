"""Buyers and cohorts from the linked buying days (hq.services.reports.buyer_days), on SQLite and PostgreSQL:
the same figures as counting every purchase, whatever order the days arrive in."""

import datetime as dt
import random
from collections import Counter

import pytest
import sqlalchemy as sa

from hq.services.reports import buyer_days, dashboard, rollup, summary
from hq.storage import db
from hq.storage.schema import spend
from tests.support.events import Till

D = dt.date


def test_a_day_joins_between_its_neighbours_and_only_they_change():
    old = {D(2026, 1, 1): (None, D(2026, 1, 9)), D(2026, 1, 9): (D(2026, 1, 1), None)}
    assert buyer_days.relink(old, [D(2026, 1, 5)]) == {
        D(2026, 1, 1): (None, D(2026, 1, 5)),
        D(2026, 1, 5): (D(2026, 1, 1), D(2026, 1, 9)),
        D(2026, 1, 9): (D(2026, 1, 5), None),
    }


def test_a_day_already_known_changes_no_link():
    old = {D(2026, 1, 1): (None, None)}
    assert buyer_days.relink(old, [D(2026, 1, 1)]) == {}
    assert buyer_days.relink({}, [D(2026, 1, 3)]) == {D(2026, 1, 3): (None, None)}


@pytest.fixture
def bought(hq):
    """Twelve members enrolled June to September; 160 purchases and returns over five months, pushed in
    shuffled batches with the rollup job run between them. Returns ({member: enrollment month}, purchase days)."""
    rng = random.Random(20261203)
    till = Till("S001", "T01")
    enrolled, events = {}, []
    for i in range(12):
        month = rng.choice(["2026-06", "2026-07", "2026-08", "2026-09"])
        events.append(till.enroll(enrolled_at=f"{month}-1{i % 9}T10:00:00+08:00"))
        enrolled[events[-1]["payload"]["member"]["member_code"]] = month
    assert hq.statuses(events, till) == ["applied"] * len(events)
    purchases = []  # (member, day, cents): some are returns, which make no buying day
    for _ in range(160):
        day = D(2026, 6, 1) + dt.timedelta(days=rng.randrange(150))
        purchases.append((rng.choice(sorted(enrolled)), day, rng.choice([1_000, 2_500, 4_000, -500])))
    rng.shuffle(purchases)  # tills offline for days: the days arrive in any order
    for start in range(0, len(purchases), 23):
        batch = purchases[start : start + 23]
        db.write(hq.engine, lambda conn, b=batch: conn.execute(spend.insert(), [
            {"member_code": c, "on_date": d, "cents": n, "source": f"test:{i}"} for i, (c, d, n) in enumerate(b)]))
        rollup.ensure_fresh(hq.engine, hq.clock())
    return enrolled, [(c, d) for c, d, n in purchases if n > 0]


@pytest.mark.parametrize("start, end", [(D(2026, 6, 1), D(2026, 10, 28)), (D(2026, 7, 10), D(2026, 8, 8)),
                                        (D(2026, 9, 1), D(2026, 9, 1)), (D(2026, 8, 15), D(2026, 11, 12))])
def test_buyers_and_repeat_buyers_match_a_count_of_every_purchase(hq, bought, start, end):
    per_member = Counter(c for c, d in bought[1] if start <= d <= end)
    expected = (len(per_member), sum(1 for n in per_member.values() if n >= 2))
    with db.read(hq.engine) as conn:
        assert summary.buyer_counts(conn, start, end, None) == expected
        assert summary.buyer_counts(conn, start, end, "") == expected  # the per-store path: the same purchases


def test_each_cohorts_retention_matches_a_count_of_its_members_purchases(hq, bought):
    enrolled, days = bought
    with db.read(hq.engine) as conn:
        chart = {row["cohort"]: row for row in dashboard.cohorts(conn, D(2026, 10, 31), None)}
    assert list(chart) == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
    for cohort, row in chart.items():
        codes = {c for c, m in enrolled.items() if m == cohort}
        assert row["members"] == len(codes)
        buyers = [len({c for c, d in days if c in codes and buyer_days.month(d) == m}) for m in chart if m >= cohort]
        assert row["retention_bp"] == [n * 10_000 // len(codes) if codes else 0 for n in buyers], cohort


def test_the_first_runs_backfill_links_the_same_days_as_the_incremental_job(hq, bought):
    def linked():
        with db.read(hq.engine) as conn:
            return [sorted(tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {t}")))
                    for t in ("rollup_member_days", "rollup_cohorts")]  # fmt: skip

    incremental = linked()
    assert all(incremental)

    def forget_rollups(conn):
        for table in ("rollup_daily", "rollup_buyers", "rollup_member_days", "rollup_cohorts", "rollup_holes",
                      "rollup_marks"):  # fmt: skip
            conn.execute(sa.text(f"DELETE FROM {table}"))

    db.write(hq.engine, forget_rollups)
    rollup.ensure_fresh(hq.engine, hq.clock())  # the first run's SQL backfill
    assert linked() == incremental
