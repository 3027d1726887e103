"""The audit log's filters (who, what, when, store) and keyset pages, on SQLite and PostgreSQL; the chain they read
still verifies, because only the display changed."""

import datetime as dt

from hq.services import audit_chain
from hq.services.operators import audit
from hq.storage import db
from tests.support.events import Till

T0 = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)


def seed(hq) -> str:
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll], till) == ["applied"]

    def work(conn):
        for n in range(30):
            audit_chain.record(conn, T0 + dt.timedelta(days=n % 3, minutes=n), ("ann", "bob")[n % 2],
                               ("member.adjust", "user.add", "program.publish")[n % 3], f"X{n}", {"n": n}, {"n": 0})
        audit_chain.record(conn, T0, "ann", "member.adjust", code, {"balance": 100}, {"balance": 105, "reason": "生日"})
        audit_chain.record(conn, T0, "ann", "terminal.token", "S001/T07", None, {"terminal": "T07"})
        audit_chain.record(conn, T0, "ann", "reconcile.acknowledge", "terminal:S001/T01", None, {"note": "ok"})
        audit_chain.record(conn, T0, "ann", "terminal.token", "S0011/T01", None, {"terminal": "T01"})  # not S001's

    db.write(hq.engine, work)
    return code


def read(hq, filters, **kw):
    with db.read(hq.engine) as conn:
        return audit.page(conn, filters, **kw) if kw.get("size") else audit.every(conn, filters)


def test_each_filter_finds_what_it_names_and_nothing_else(hq):
    code = seed(hq)
    bobs = read(hq, audit.Filters(username="bob", action="user.add"))
    assert {(r["username"], r["action"]) for r in bobs} == {("bob", "user.add")}
    assert len(bobs) == len([n for n in range(30) if n % 2 and n % 3 == 1])
    day = audit.Filters(start=T0 + dt.timedelta(days=1), end=T0 + dt.timedelta(days=2))
    assert sorted(r["target"] for r in read(hq, day)) == sorted(f"X{n}" for n in range(30) if n % 3 == 1)
    assert sorted(r["target"] for r in read(hq, audit.Filters(store="S001"))) == sorted(
        [code, "S001/T07", "terminal:S001/T01"])
    adjust = read(hq, audit.Filters(store="S001", action="member.adjust"))
    assert [r["after"]["reason"] for r in adjust] == ["生日"]
    assert [(x.field, x.before, x.after) for x in adjust[0]["summary"].lines] == [
        ("balance", "100", "105"), ("reason", None, "生日")]
    with db.read(hq.engine) as conn:
        assert audit_chain.verify(conn)["ok"]


def test_keyset_pages_cover_every_entry_once_both_ways(hq):
    seed(hq)
    everything = [r["id"] for r in read(hq, audit.Filters())]
    seen, before = [], None
    while True:
        page = read(hq, audit.Filters(), before=before, size=7)
        seen += [r["id"] for r in page["rows"]]
        if page["older"] is None:
            break
        before = page["older"]
    assert seen == everything == sorted(everything, reverse=True)
    back, after = [], seen[-1]
    while after is not None:
        page = read(hq, audit.Filters(), after=after, size=7)
        back = [r["id"] for r in page["rows"]] + back
        after = page["newer"]
    assert back == seen[:-1]
