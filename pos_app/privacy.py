"""What a till keeps about members, and where the look-up key lives.

The look-up key (loyalty_core.personal_data) is in `secrets/lookup_key.json`, owner-only, never in
the database: a copied `pos.sqlite3` alone holds no phone number and no way to test guesses.
A till set up without HQ makes its own key; HQ's chain key replaces it at the first sync (every
till of a chain must hash alike), and the members held in full are hashed again.

`settle` is what keeps the minimum once HQ has acknowledged something:
- a member is held in full only while this till's own enrollment or profile edit of them is still
  waiting for HQ; after that the row is reduced (masked name and phone, birth month, the hash);
- an acknowledged outbox event loses its personal data (name, phone, birthday).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sqlalchemy import Connection, Engine

from loyalty_core import signing
from loyalty_core.personal_data import mask_fields, mask_name, mask_phone, new_key, phone_hash

from .store.engine import Statements, statements
from .store.outbox_repo import PARKED_REASONS, PENDING, REJECTED, SENT

KEY_FILE = "lookup_key.json"
PERSONAL_FIELDS = ("phone", "name", "birthday")
_MEMBER_EVENTS = ("member.enrolled", "member.updated")
# HQ has it: sent, or rejected for good (a parked `unknown_member` / `sale_held` event is pushed again later).
_NOT_PARKED = " AND ".join(f"last_error NOT LIKE '{reason}%'" for reason in PARKED_REASONS)
_ACKNOWLEDGED = f"(status = '{SENT}' OR (status = '{REJECTED}' AND {_NOT_PARKED}))"
_SCRUB_MARK = "outbox_scrubbed_through"


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / "secrets" / KEY_FILE


def load_key(data_dir: Path) -> tuple[str, bytes, str] | None:
    """(key_id, key, source: "hq" | "local") or None."""
    path = key_path(data_dir)
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    return str(d["key_id"]), signing.unb64(d["key"]), str(d["source"])


def save_key(data_dir: Path, key_id: str, key: bytes, source: str) -> None:
    """Written owner-only (0600) in the owner-only secrets folder, replaced atomically."""
    path = key_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"key_id": key_id, "key": signing.b64(key), "source": source}, f)
    os.replace(tmp, path)


def ensure_local_key(data_dir: Path) -> bytes:
    found = load_key(data_dir)
    if found is None:
        key = new_key()
        save_key(data_dir, f"local-{os.urandom(3).hex()}", key, "local")
        return key
    return found[1]


def rehash_full_profiles(conn: Connection, key: bytes) -> int:
    """A new key: the members whose phone we hold (in full) get its hash; returns how many."""
    db = statements(conn)
    rows = db.execute("SELECT member_code, phone FROM members WHERE reduced = 0").fetchall()
    db.executemany("UPDATE members SET phone_hash = ? WHERE member_code = ?",
                   [(phone_hash(key, phone), code) for code, phone in rows])  # fmt: skip
    return len(rows)


def hash_unhashed(conn: Connection, key: bytes) -> int:
    """Members stored before migration 0007 (a phone, no hash) get their hash; the next settle
    reduces those HQ already has."""
    db = statements(conn)
    rows = db.execute("SELECT member_code, phone FROM members WHERE phone_hash IS NULL AND reduced = 0").fetchall()
    db.executemany("UPDATE members SET phone_hash = ? WHERE member_code = ?",
                   [(phone_hash(key, phone), code) for code, phone in rows if "*" not in phone])  # fmt: skip
    return len(rows)


def settle(conn: Connection, key: bytes) -> dict:
    """Reduce every member HQ has and scrub every acknowledged event; run in one transaction."""
    db = statements(conn)
    waiting = _members_waiting_for_hq(db)
    rows = db.execute(
        "SELECT member_code, phone, name, birthday, birth_month, phone_hash FROM members WHERE reduced = 0"
    ).fetchall()
    reduced = []
    for code, phone, name, birthday, month, old_hash in rows:
        if code in waiting:
            continue
        real_phone = "*" not in phone  # a reduced member's edit may have left the masked phone
        reduced.append((
            mask_phone(phone), mask_name(name), mask_name(name).casefold(),
            int(birthday[5:7]) if birthday else month,
            phone_hash(key, phone) if real_phone else old_hash, code,
        ))  # fmt: skip
    db.executemany(
        "UPDATE members SET phone = ?, name = ?, name_key = ?, birthday = NULL, birth_month = ?, phone_hash = ?,"
        " reduced = 1 WHERE member_code = ?", reduced,
    )  # fmt: skip
    _reduce_records(db, [r[-1] for r in reduced])
    scrubbed = _scrub_acknowledged_events(db)
    return {"members_reduced": len(reduced), "events_scrubbed": scrubbed}


def _reduce_records(db, codes: list[str]) -> None:
    """Receipts and the audit trail of members now held reduced: names masked, phones masked,
    birthdays gone (what was changed, when and by whom stays)."""
    for code in codes:
        for sale_id, body in db.execute("SELECT sale_id, body FROM sales WHERE member_code = ?", (code,)).fetchall():
            receipt = json.loads(body)
            receipt["member_name"] = mask_name(receipt.get("member_name") or "")
            db.execute("UPDATE sales SET body = ? WHERE sale_id = ?", (json.dumps(receipt, ensure_ascii=False), sale_id))
        rows = db.execute("SELECT id, details FROM audit WHERE action = 'member.update' AND subject = ?", (code,))
        for audit_id, details in rows.fetchall():
            d = json.loads(details) if details else {}
            masked = {side: mask_fields(d.get(side) or {}) for side in ("before", "after") if side in d}
            db.execute("UPDATE audit SET details = ? WHERE id = ?", (json.dumps(masked, ensure_ascii=False), audit_id))


def _members_waiting_for_hq(db: Statements) -> set[str]:
    codes = set()
    # status IN (...) keeps to ix_outbox_status: a year's sent events are never read here
    for (body,) in db.execute(
        f"SELECT body FROM outbox WHERE status IN ('{PENDING}', '{REJECTED}') AND type IN (?, ?) AND NOT "
        + _ACKNOWLEDGED, _MEMBER_EVENTS,
    ):
        payload = json.loads(body).get("payload", {})
        code = payload.get("member_code") or (payload.get("member") or {}).get("member_code")
        if isinstance(code, str):
            codes.add(code)
    return codes


def _scrub_acknowledged_events(db) -> int:
    """Events HQ acknowledged lose their personal data, each once: a watermark (in sync_state) moves
    past every row already handled, so a cycle reads only the rows since (by the outbox's key)."""
    mark_row = db.execute("SELECT value FROM sync_state WHERE name = ?", (_SCRUB_MARK,)).fetchone()
    mark = int(mark_row[0]) if mark_row else 0
    rows = db.execute(
        "SELECT seq, body, " + _ACKNOWLEDGED + " FROM outbox WHERE seq > ? ORDER BY seq", (mark,)
    ).fetchall()
    updates, new_mark, waiting = [], mark, False
    for seq, body, acknowledged in rows:
        if not acknowledged:
            waiting = True  # HQ may still take it: the watermark stops here and the rest is read again
            continue
        if not waiting:
            new_mark = seq
        if any(f'"{f}"' in body for f in (*PERSONAL_FIELDS, "member_name")):
            event = json.loads(body)
            scrubbed = scrub_event(event)
            if scrubbed != event:  # idempotent: an event already scrubbed is left as it is
                updates.append((json.dumps(scrubbed, ensure_ascii=False), seq))
    db.executemany("UPDATE outbox SET body = ? WHERE seq = ?", updates)
    if new_mark != mark:
        db.execute("INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET"
                   " value = excluded.value", (_SCRUB_MARK, str(new_mark)))  # fmt: skip
    return len(updates)


def scrub_event(event: dict) -> dict:
    """The event without name, phone or birthday (HQ has them; the till keeps that it happened)."""
    payload = dict(event.get("payload") or {})
    if isinstance(payload.get("member_name"), str):  # a sale's receipt names the member
        payload["member_name"] = None
    if isinstance(payload.get("member"), dict):
        payload["member"] = {k: (None if k in PERSONAL_FIELDS else v) for k, v in payload["member"].items()}
    if isinstance(payload.get("changes"), dict):
        payload["changes"] = {k: (None if k in PERSONAL_FIELDS else v) for k, v in payload["changes"].items()}
    return {**event, "payload": payload}  # the envelope unchanged: HQ refuses unknown fields


def checkpoint(engine: Engine) -> None:
    """Copies the WAL into the database and empties it: old versions of rewritten pages go with it
    (outside any transaction; a reader still holding an old snapshot only makes it partial)."""
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def lock_down(data_dir: Path, db_file: Path) -> None:
    """The data folder 0700 and every file in it 0600 (the database is made 0600 before SQLite opens
    it: SQLite gives its -wal and -shm files the database's mode)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not db_file.exists():
        os.close(os.open(db_file, os.O_WRONLY | os.O_CREAT, 0o600))
    for path in [data_dir, *data_dir.rglob("*")]:
        if path.is_symlink():
            continue
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
