"""Chain-wide buying days per member, each linked to the member's previous and next one; cohort months.

Counting the members who bought in a range is a COUNT(DISTINCT): at a million members a month holds
~375,000 member-days, and grouping them took ~300 ms. Here each member's buying days form a linked
list (prev_day, next_day), so a member's first day inside a range is the one row whose prev_day lies
before the range: buyers = rows in the range with prev_day before it, repeat buyers = those of them
who bought twice that day or again before the range ends. One index range scan, nothing grouped.

A day appears once its member bought that day; a return does not undo it, so the lists only grow.
Days arrive out of order (a till offline for a week pushes last week's sales today), so a new day is
linked between whatever neighbours its member already has.

Cohorts: rollup_cohorts counts, per enrollment month and home store, the members who bought in each
calendar month. A (member, month) counts once, when the member's first day in that month arrives.
Merged members are left out, as they are from the cohort sizes.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import db
from hq.storage.schema import members, rollup_buyers, rollup_cohorts, rollup_member_days
from loyalty_core.member import MERGED

Link = tuple[dt.date | None, dt.date | None]  # (prev_day, next_day)
_CHUNK = 1000  # member codes per IN (...) list


def relink(old: Mapping[dt.date, Link], new_days: Iterable[dt.date]) -> dict[dt.date, Link]:
    """The links of every day that is new or whose neighbours changed once `new_days` join `old`."""
    days = sorted(set(old) | set(new_days))
    changed = {}
    for i, day in enumerate(days):
        link = (days[i - 1] if i else None, days[i + 1] if i + 1 < len(days) else None)
        if old.get(day) != link:
            changed[day] = link
    return changed


def month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def add(conn: Connection, buyers: Mapping[tuple[dt.date, str, str], list[int]]) -> None:
    """Folds one batch of the rollup job's (day, store, member) -> [purchases, cents] into the chain's days."""
    bought: dict[str, Counter[dt.date]] = defaultdict(Counter)
    for (day, _store, code), (purchases, _cents) in buyers.items():
        if purchases > 0:
            bought[code][day] += purchases
    if not bought:
        return
    known = _days_of(conn, sorted(bought))
    rows: list[dict] = []
    new_months: Counter[tuple[str, str]] = Counter()
    for code, days in bought.items():
        old = known.get(code, {})
        links = relink(old, days)
        for day in set(links) | set(days):
            prev_day, next_day = links.get(day) or old[day]
            rows.append({"member_code": code, "day": day, "purchases": days.get(day, 0),
                         "prev_day": prev_day, "next_day": next_day})  # fmt: skip
        for m in {month(d) for d in days} - {month(d) for d in old}:
            new_months[(code, m)] += 1
    _write_days(conn, rows)
    _count_cohorts(conn, new_months)


def _days_of(conn: Connection, codes: list[str]) -> dict[str, dict[dt.date, Link]]:
    c = rollup_member_days.c
    out: dict[str, dict[dt.date, Link]] = defaultdict(dict)
    for start in range(0, len(codes), _CHUNK):
        query = sa.select(c.member_code, c.day, c.prev_day, c.next_day).where(
            c.member_code.in_(codes[start : start + _CHUNK]))  # fmt: skip
        for r in conn.execute(query):
            out[r.member_code][_day(r.day)] = (_date(r.prev_day), _date(r.next_day))
    return out


def _write_days(conn: Connection, rows: list[dict]) -> None:
    stmt = db.dialect_insert(conn, rollup_member_days)
    t = rollup_member_days.c
    stmt = stmt.on_conflict_do_update(index_elements=["member_code", "day"], set_={
        "purchases": t.purchases + stmt.excluded.purchases,
        "prev_day": stmt.excluded.prev_day, "next_day": stmt.excluded.next_day})  # fmt: skip
    rows.sort(key=lambda r: (r["member_code"], r["day"]))
    for start in range(0, len(rows), _CHUNK):
        conn.execute(stmt, rows[start : start + _CHUNK])


def _count_cohorts(conn: Connection, new_months: Counter[tuple[str, str]]) -> None:
    codes = sorted({code for code, _ in new_months})
    m = members.c
    home: dict[str, tuple[str, str]] = {}
    for start in range(0, len(codes), _CHUNK):
        query = sa.select(m.member_code, m.enrolled_at, m.home_store).where(
            m.member_code.in_(codes[start : start + _CHUNK]), m.status != MERGED)  # fmt: skip
        home.update({r.member_code: (str(r.enrolled_at)[:7], r.home_store) for r in conn.execute(query)})
    counts: Counter[tuple[str, str, str]] = Counter()
    for (code, bought_in), n in new_months.items():
        if code in home:
            cohort, store = home[code]
            counts[(cohort, store, bought_in)] += n
    if not counts:
        return
    stmt = db.dialect_insert(conn, rollup_cohorts)
    stmt = stmt.on_conflict_do_update(index_elements=["cohort", "home_store", "month"],
                                      set_={"buyers": rollup_cohorts.c.buyers + stmt.excluded.buyers})
    conn.execute(stmt, [{"cohort": c, "home_store": s, "month": b, "buyers": n}
                        for (c, s, b), n in sorted(counts.items())])  # fmt: skip


def backfill(conn: Connection) -> None:
    """The first run: the same lists from the (already backfilled) per-store buyers, by window functions."""
    b = rollup_buyers.c
    per_day = (
        sa.select(b.member_code, b.day, sa.func.sum(b.purchases).label("purchases"))
        .group_by(b.member_code, b.day)
        .having(sa.func.sum(b.purchases) > 0)
        .subquery()
    )
    code, day = per_day.c.member_code, per_day.c.day
    linked = sa.select(code, day, per_day.c.purchases, sa.func.lag(day).over(partition_by=code, order_by=day),
                       sa.func.lead(day).over(partition_by=code, order_by=day))  # fmt: skip
    conn.execute(rollup_member_days.insert().from_select(
        ["member_code", "day", "purchases", "prev_day", "next_day"], linked))  # fmt: skip
    d, m = rollup_member_days.c, members.c
    bought_in, before = _month_sql(conn, d.day), _month_sql(conn, d.prev_day)
    cohort = sa.func.substr(m.enrolled_at, 1, 7)
    firsts = (
        sa.select(cohort, m.home_store, bought_in, sa.func.count())
        .select_from(rollup_member_days.join(members, members.c.member_code == d.member_code))
        .where(m.status != MERGED, sa.or_(d.prev_day.is_(None), before != bought_in))
        .group_by(cohort, m.home_store, bought_in)
    )
    conn.execute(rollup_cohorts.insert().from_select(["cohort", "home_store", "month", "buyers"], firsts))


def _month_sql(conn: Connection, column):
    """YYYY-MM of a date column: PostgreSQL stores dates, SQLite the ISO text."""
    return sa.func.to_char(column, "YYYY-MM") if db.is_postgres(conn) else sa.func.substr(column, 1, 7)


def counts(conn: Connection, start: dt.date, end: dt.date) -> tuple[int, int]:
    """(members who bought in [start, end] anywhere in the chain, those of them who bought at least twice)."""
    d = rollup_member_days.c
    first_in_range = sa.and_(d.day.between(start, end), sa.or_(d.prev_day.is_(None), d.prev_day < start))
    again = sa.or_(d.purchases >= 2, d.next_day <= end)
    buyers, repeat = conn.execute(
        sa.select(sa.func.count(), sa.func.count().filter(again)).where(first_in_range)).one()  # fmt: skip
    return int(buyers or 0), int(repeat or 0)


def cohort_buyers(conn: Connection, cohorts: list[str], store: str | None) -> dict[tuple[str, str], int]:
    """(cohort, month) -> members of that enrollment month who bought in that month."""
    c = rollup_cohorts.c
    query = sa.select(c.cohort, c.month, sa.func.sum(c.buyers)).where(c.cohort.in_(cohorts), c.month >= cohorts[0])
    if store is not None:
        query = query.where(c.home_store == store)
    return {(r[0], r[1]): int(r[2]) for r in conn.execute(query.group_by(c.cohort, c.month))}


def _date(value) -> dt.date | None:
    return None if value is None else _day(value)


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
