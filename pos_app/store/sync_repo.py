"""What the sync engine keeps and writes in the till's store.

- `sync_state`: the feed cursor, snapshot progress, the last outcome (name -> text).
- Bulk applies of what HQ sends (members, ledger entries, merges, tiers, coupons),
  written with one statement per kind so a page of a thousand changes, or a
  snapshot page of thousands of members, is one short transaction.
- The reconciliation record: every run and every difference found and fixed.

The local ledger mirrors HQ's for everything HQ confirmed: an entry HQ sends is
inserted (confirmed) if unknown, and if known it takes HQ's member and expiry
(HQ books an entry for a merged member to the survivor). Entries this till
made and HQ has not confirmed yet stay as they are.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from . import erasure
from .outbox_repo import PARKED_REASONS, PENDING, REJECTED, SENT
from .rows import LEDGER_COLUMNS, MEMBER_COLUMNS, hq_entry_row, hq_member_row, insert_sql, member_status
from .schema import coupons, ledger, members, outbox, reconcile_differences, reconcile_runs, sync_state

CURSOR = "feed_cursor"
_CHUNK = 900  # under SQLite's bound-parameter limit


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# The sync code's names for the row mappings (pos_app/store/rows.py).
member_tuple = hq_member_row
entry_tuple = hq_entry_row


def coupon_tuple(d: dict[str, Any]) -> tuple[str, str, str | None]:
    """HQ's coupon change (feed kind `coupon`, or an item of a snapshot page's `coupons`) as a row."""
    member = d.get("member_code")
    return str(d["coupon_id"]), str(d["code"]), None if member is None else str(member)


def entry_row(d: dict[str, Any]) -> dict[str, Any]:
    """A ledger entry from HQ as column values."""
    return dict(zip(LEDGER_COLUMNS, hq_entry_row(d), strict=True))


# Events HQ may still apply: waiting in the outbox, or parked because HQ did not know the member yet (or
# holds the sale a return is of).
_PARKED = and_(outbox.c.status == REJECTED, or_(*(outbox.c.last_error.like(r + "%") for r in PARKED_REASONS)))
_IN_FLIGHT = or_(outbox.c.status == PENDING, _PARKED)

# A closed (erased) member keeps the phone hash we had: typing the phone says "membership closed".
_MEMBER_UPSERT = insert_sql("members", MEMBER_COLUMNS, "(member_code) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" if c != "phone_hash" else
    "phone_hash = CASE WHEN excluded.status = 'closed' THEN coalesce(excluded.phone_hash, members.phone_hash)"
    " ELSE excluded.phone_hash END" for c in MEMBER_COLUMNS[1:]), extra="purchases")  # fmt: skip
_MEMBER_FRESH = insert_sql("members", MEMBER_COLUMNS, " DO NOTHING", extra="purchases")
# A known entry is confirmed and takes HQ's booking (HQ books a merged member's entries to the survivor).
_ENTRY_UPSERT = insert_sql("ledger", LEDGER_COLUMNS, "(entry_id) DO UPDATE SET confirmed = 1, member_code = "
                        "excluded.member_code, kind = excluded.kind, points = excluded.points, "
                        "expires_on = excluded.expires_on")  # fmt: skip
_ENTRY_FRESH = insert_sql("ledger", LEDGER_COLUMNS, " DO NOTHING")

# Push answers: one statement for a whole batch (executemany; e = event id, at = when, r = reason).
_TRIED = outbox.c.attempts + 1
_DONE = {  # from pending (HQ answered) or rejected (a parked event HQ has now taken) to sent
    status: update(outbox).where(outbox.c.event_id == bindparam("e"), outbox.c.status == status)
    .values(status=SENT, sent_at=bindparam("at"), last_error=None, attempts=_TRIED)
    for status in (PENDING, REJECTED)
}  # fmt: skip
_CONFIRM = update(ledger).where(ledger.c.event_id == bindparam("e")).values(confirmed=1)
_REJECT = (update(outbox).where(outbox.c.event_id == bindparam("e"), outbox.c.status == PENDING)
           .values(status=REJECTED, sent_at=bindparam("at"), last_error=bindparam("r"), attempts=_TRIED))  # fmt: skip
_NOTE_AGAIN = update(outbox).where(outbox.c.event_id == bindparam("e")).values(last_error=bindparam("r"), attempts=_TRIED)


class SyncRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- state ---------------------------------------------------------------------------------

    def get(self, name: str, default: str | None = None) -> str | None:
        value = self.conn.execute(select(sync_state.c.value).where(sync_state.c.name == name)).scalar()
        return default if value is None else value

    def set(self, name: str, value: str) -> None:
        stmt = sqlite_insert(sync_state).values(name=name, value=value)
        self.conn.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"value": stmt.excluded.value}))

    def delete(self, name: str) -> None:
        self.conn.execute(sync_state.delete().where(sync_state.c.name == name))

    def get_json(self, name: str) -> dict | None:
        value = self.get(name)
        return json.loads(value) if value else None

    def set_json(self, name: str, value: dict) -> None:
        self.set(name, json.dumps(value, ensure_ascii=False, sort_keys=True))

    def cursor(self) -> int | None:
        value = self.get(CURSOR)
        return None if value is None else int(value)

    def set_cursor(self, seq: int) -> None:
        self.set(CURSOR, str(int(seq)))

    # -- push answers (one statement for a whole batch) ------------------------------------------

    def mark_sent(self, event_ids: list[str], at: str) -> None:
        """HQ has these events (applied or duplicate): the rows are done and their entries confirmed."""
        self._done(PENDING, event_ids, at)

    def mark_rejected(self, rejections: list[tuple[str, str]], at: str) -> None:
        """(event_id, reason): parked in the dead-letter list; the queue moves on."""
        if rejections:
            self.conn.execute(_REJECT, [{"e": e, "r": r[:500], "at": at} for e, r in rejections])

    def parked(self, limit: int) -> list[dict]:
        """Events HQ rejected as `unknown_member` or `sale_held`, oldest first: pushed again now and then."""
        rows = self.conn.execute(
            select(outbox.c.body)
            .where(_PARKED)
            .order_by(outbox.c.seq)
            .limit(limit)
        ).scalars()
        return [json.loads(b) for b in rows]

    def unpark(self, event_ids: list[str], at: str) -> None:
        """A parked event HQ has now taken: done, and its entries confirmed."""
        self._done(REJECTED, event_ids, at)

    def _done(self, status: str, event_ids: list[str], at: str) -> None:
        if event_ids:
            params = [{"e": e, "at": at} for e in event_ids]
            self.conn.execute(_DONE[status], params)
            self.conn.execute(_CONFIRM, params)

    def note_parked_again(self, rejections: list[tuple[str, str]]) -> None:
        if rejections:
            self.conn.execute(_NOTE_AGAIN, [{"e": e, "r": r[:500]} for e, r in rejections])

    # -- applying HQ's changes -----------------------------------------------------------------

    def upsert_members(self, rows: list[tuple]) -> None:
        """Insert or replace members (MEMBER_COLUMNS tuples), keeping our purchase counts; last one per code wins."""
        latest = {r[0]: r for r in rows}
        if latest:
            self.conn.exec_driver_sql(_MEMBER_UPSERT, list(latest.values()))
            erasure.erase_local(self.conn, [c for c, r in latest.items() if member_status(r) == erasure.CLOSED])

    def upsert_entries(self, rows: list[tuple]) -> None:
        """LEDGER_COLUMNS tuples: unknown entries are inserted confirmed, known ones confirmed and re-booked."""
        if rows:
            self.conn.exec_driver_sql(_ENTRY_UPSERT, rows)

    def insert_members_fresh(self, rows: list[tuple]) -> None:
        """A new PC: plain inserts (a member already here is left alone)."""
        if rows:
            self.conn.exec_driver_sql(_MEMBER_FRESH, rows)

    def insert_entries_fresh(self, rows: list[tuple]) -> None:
        if rows:
            self.conn.exec_driver_sql(_ENTRY_FRESH, rows)

    def known_entries(self, entry_ids: Iterable[str]) -> dict[str, tuple]:
        """entry_id -> (member_code, kind, points, confirmed) for those we have."""
        found: dict[str, tuple] = {}
        for part in _chunks(sorted(set(entry_ids))):
            q = select(ledger.c.entry_id, ledger.c.member_code, ledger.c.kind, ledger.c.points, ledger.c.confirmed)
            for r in self.conn.execute(q.where(ledger.c.entry_id.in_(part))):
                found[r.entry_id] = (r.member_code, r.kind, int(r.points), int(r.confirmed))
        return found

    def merge(self, from_code: str, into_code: str) -> None:
        """HQ merged `from_code` into `into_code`: scanning the old card now finds the survivor.

        HQ moves the points itself (merge_out / merge_in entries in the feed) and
        books the old member's later entries to the survivor; what we recorded for
        the old member that HQ has not confirmed yet moves with the merge now, so
        the survivor's balance is right before HQ's answer arrives.
        """
        self.conn.execute(
            update(members).where(members.c.member_code == from_code).values(status="merged", merged_into=into_code)
        )
        self.conn.execute(  # earlier merges into the old member lead straight to the survivor
            update(members).where(members.c.merged_into == from_code).values(merged_into=into_code)
        )
        self.conn.execute(
            update(ledger)
            .where(ledger.c.member_code == from_code, ledger.c.confirmed == 0)
            .values(member_code=into_code)
        )

    def set_tier(self, member_code: str, tier_code: str) -> None:
        self.conn.execute(update(members).where(members.c.member_code == member_code).values(tier_code=tier_code))

    def add_coupons(self, rows: list[tuple[str, str, str | None]]) -> None:
        """Coupons HQ sent (`coupon_tuple`), by the feed or a snapshot page. One we already hold keeps
        its row: a coupon used here or marked used by HQ stays used, and a second copy adds nothing."""
        if rows:
            self.conn.execute(
                sqlite_insert(coupons).on_conflict_do_nothing(index_elements=["coupon_id"]),
                [{"coupon_id": c, "code": code, "member_code": m} for c, code, m in rows],
            )

    def coupon_used(self, coupon_id: str, at: str) -> None:
        """Used somewhere in the chain: this till refuses it from now on."""
        self.conn.execute(
            sqlite_insert(coupons)
            .values(coupon_id=coupon_id, code="", member_code=None, used_ref="hq", used_at=at)
            .on_conflict_do_nothing(index_elements=["coupon_id"])
        )
        self.conn.execute(
            update(coupons)
            .where(coupons.c.coupon_id == coupon_id, coupons.c.used_ref.is_(None))
            .values(used_ref="hq", used_at=at)
        )

    # -- reconciliation ------------------------------------------------------------------------

    def pending_entry_ids(self) -> builtins.set[str]:
        """Ledger entries of events still waiting in the outbox (HQ cannot have them yet)."""
        q = (
            select(ledger.c.entry_id)
            .join(outbox, outbox.c.event_id == ledger.c.event_id)
            .where(_IN_FLIGHT, ledger.c.confirmed == 0)
        )
        return set(self.conn.execute(q).scalars())

    def pending_members(self) -> builtins.set[str]:
        """Members any waiting event talks about (their HQ balance is about to change)."""
        codes: set[str] = set()
        for body in self.conn.execute(select(outbox.c.body).where(_IN_FLIGHT)).scalars():
            payload = json.loads(body).get("payload", {})
            for key in ("member_code",):
                if isinstance(payload.get(key), str):
                    codes.add(payload[key])
            member = payload.get("member")
            if isinstance(member, dict) and isinstance(member.get("member_code"), str):
                codes.add(member["member_code"])
            for e in payload.get("ledger") or ():
                if isinstance(e, dict) and isinstance(e.get("member_code"), str):
                    codes.add(e["member_code"])
        return codes

    def members_with_pending_edits(self) -> builtins.set[str]:
        """Members whose profile this till changed (or enrolled) in an event not pushed yet."""
        codes = set()
        rows = self.conn.execute(
            select(outbox.c.body).where(outbox.c.status == PENDING,
                                        outbox.c.type.in_(("member.updated", "member.enrolled")))
        ).scalars()  # fmt: skip
        for body in rows:
            payload = json.loads(body).get("payload", {})
            code = payload.get("member_code") or (payload.get("member") or {}).get("member_code")
            if isinstance(code, str):
                codes.add(code)
        return codes

    def settled_balances(self) -> Iterator[tuple[str, int]]:
        """(member_code, balance) of every active member in code order, leaving out entries still
        waiting to be pushed (what HQ's balance should be once it has everything we sent)."""
        sums = (
            select(ledger.c.member_code, func.sum(ledger.c.points).label("points"))
            .group_by(ledger.c.member_code)
            .subquery()
        )
        q = (
            select(members.c.member_code, func.coalesce(sums.c.points, 0))
            .select_from(members.outerjoin(sums, sums.c.member_code == members.c.member_code))
            .where(members.c.status == "active")
            .order_by(members.c.member_code)
        )
        pending = self._pending_sums()
        for code, total in self.conn.execute(q):
            yield code, int(total) - pending.get(code, 0)

    def _pending_sums(self) -> dict[str, int]:
        q = (
            select(ledger.c.member_code, func.sum(ledger.c.points))
            .join(outbox, outbox.c.event_id == ledger.c.event_id)
            .where(_IN_FLIGHT, ledger.c.confirmed == 0)
            .group_by(ledger.c.member_code)
        )
        return {code: int(total) for code, total in self.conn.execute(q)}

    def ledger_of(self, member_code: str) -> list[dict]:
        rows = self.conn.execute(select(ledger).where(ledger.c.member_code == member_code).order_by(ledger.c.id))
        return [r._asdict() for r in rows]

    def member_exists(self, member_code: str) -> bool:
        return (
            self.conn.execute(select(members.c.member_code).where(members.c.member_code == member_code)).first()
            is not None
        )

    def start_run(self, at: str) -> int:
        key = self.conn.execute(insert(reconcile_runs).values(started_at=at, status="running")).inserted_primary_key
        assert key is not None  # an INSERT always has one
        return int(key[0])

    def finish_run(self, run_id: int, **values) -> None:
        self.conn.execute(update(reconcile_runs).where(reconcile_runs.c.id == run_id).values(**values))

    def add_difference(self, run_id: int, at: str, **values) -> None:
        if isinstance(values.get("detail"), dict | list):
            values["detail"] = json.dumps(values["detail"], ensure_ascii=False)
        self.conn.execute(insert(reconcile_differences).values(run_id=run_id, at=at, **values))

    def runs(self, limit: int = 20) -> list[dict]:
        rows = self.conn.execute(select(reconcile_runs).order_by(reconcile_runs.c.id.desc()).limit(limit))
        return [r._asdict() for r in rows]

    def unreported_runs(self, limit: int) -> list[dict]:
        """Finished runs whose report HQ has not taken yet, oldest first."""
        r = reconcile_runs.c
        rows = self.conn.execute(select(reconcile_runs).where(r.reported_at.is_(None), r.status != "running")
                                 .order_by(r.id).limit(limit))  # fmt: skip
        return [row._asdict() for row in rows]

    def mark_reported(self, run_id: int, at: str) -> None:
        self.conn.execute(update(reconcile_runs).where(reconcile_runs.c.id == run_id).values(reported_at=at))

    def differences(self, run_id: int | None = None, limit: int = 500) -> list[dict]:
        q = select(reconcile_differences).order_by(reconcile_differences.c.id.desc()).limit(limit)
        if run_id is not None:
            q = q.where(reconcile_differences.c.run_id == run_id)
        out = []
        for r in self.conn.execute(q):
            d = r._asdict()
            d["detail"] = json.loads(d["detail"]) if d["detail"] else None
            out.append(d)
        return out

    # -- a new PC's bulk load: members and ledger without their secondary indexes -------------

    def drop_bulk_indexes(self) -> None:
        """Before a new PC loads a million members: maintaining six indexes row by row costs more than
        building them once at the end. Look-ups still work meanwhile, by scanning."""
        for index in _bulk_indexes():
            self.conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")

    def ensure_indexes(self) -> None:
        """Every index of the members and ledger tables exists (again); cheap when they all do."""
        for index in _bulk_indexes():
            index.create(self.conn, checkfirst=True)

    def is_empty(self) -> bool:
        """No members and no ledger yet: a new PC."""
        return (
            self.conn.execute(select(ledger.c.id).limit(1)).first() is None
            and self.conn.execute(select(members.c.member_code).limit(1)).first() is None
        )

    def unconfirmed_count(self) -> int:
        return self.conn.execute(
            select(func.count()).select_from(ledger).where(and_(ledger.c.confirmed == 0))
        ).scalar_one()


def iso_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _bulk_indexes() -> list:
    return sorted(members.indexes | ledger.indexes, key=lambda index: index.name)
