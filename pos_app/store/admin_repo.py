"""Settings, counters, the audit trail, cashiers, trusted keys, rule sets.

Plain SQL through the unit of work's handle (engine.statements), every statement: every sale takes
its receipt number here.
"""

import json
from typing import Any, NamedTuple

from sqlalchemy import Connection

from .engine import statements


class CashierRow(NamedTuple):
    cashier_id: str
    name: str
    role: str
    pin_hash: str
    failed_attempts: int
    locked_until: str | None
    active: int
    lockouts: int  # since the last good PIN: 5 min, 30 min, until unlocked


class KeyRow(NamedTuple):
    key_id: str
    public_key: str  # base64url raw Ed25519
    source: str  # own, hq, store
    revoked_at: str | None


_GET_SETTING_SQL = "SELECT value FROM settings WHERE key = ?"
_SET_SETTING_SQL = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
# A counter without a row yet starts at 1.
_BUMP_COUNTER_SQL = "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value"
_INSERT_COUNTER_SQL = "INSERT INTO counters (name, value) VALUES (?, 1)"
_AUDIT_SQL = "INSERT INTO audit (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)"
_AUDIT_TRAIL_SQL = "SELECT at, actor, action, subject, details FROM audit ORDER BY id DESC LIMIT ?"
_CASHIER_SQL = f"SELECT {', '.join(CashierRow._fields)} FROM cashiers WHERE cashier_id = ?"
_ADD_CASHIER_SQL = "INSERT INTO cashiers (cashier_id, name, role, pin_hash, failed_attempts) VALUES (?, ?, ?, ?, 0)"
_UPDATE_CASHIER_SQL = "UPDATE cashiers SET failed_attempts = ?, locked_until = ?, lockouts = ? WHERE cashier_id = ?"
_CASHIER_COUNT_SQL = "SELECT count(*) FROM cashiers"
_KEYS_SQL = f"SELECT {', '.join(KeyRow._fields)} FROM keys"
# Once revoked, a key stays revoked: a key we know only ever gains its revocation.
_ADD_KEY_SQL = (
    "INSERT INTO keys (key_id, public_key, source, revoked_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE"
    " SET revoked_at = excluded.revoked_at WHERE keys.revoked_at IS NULL AND excluded.revoked_at IS NOT NULL"
)
_LATEST_RULES_SQL = "SELECT body FROM rule_sets ORDER BY version DESC LIMIT 1"
_SAVE_RULES_SQL = "INSERT INTO rule_sets (version, body) VALUES (?, ?) ON CONFLICT (version) DO NOTHING"


class AdminRepository:
    def __init__(self, conn: Connection) -> None:
        self.db = statements(conn)

    # settings -----------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute(_GET_SETTING_SQL, (key,)).fetchone()
        return default if row is None or row[0] is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        self.db.execute(_SET_SETTING_SQL, (key, value))

    # counters (receipt numbers) ----------------------------------------
    def next_number(self, name: str) -> int:
        rows = self.db.execute(_BUMP_COUNTER_SQL, (name,)).fetchall()  # fetchall: the statement is done after it
        if not rows:
            self.db.execute(_INSERT_COUNTER_SQL, (name,))
            return 1
        return int(rows[0][0])

    # audit --------------------------------------------------------------
    def audit(self, at: str, actor: str, action: str, subject: str | None, details: dict[str, Any]) -> None:
        self.db.execute(_AUDIT_SQL, (at, actor, action, subject, json.dumps(details, ensure_ascii=False)))

    def audit_trail(self, limit: int = 200) -> list[dict[str, Any]]:
        return [
            {"at": at, "actor": actor, "action": action, "subject": subject, "details": json.loads(details)}
            for at, actor, action, subject, details in self.db.execute(_AUDIT_TRAIL_SQL, (limit,))
        ]

    # cashiers -----------------------------------------------------------
    def cashier(self, cashier_id: str) -> CashierRow | None:
        row = self.db.execute(_CASHIER_SQL, (cashier_id,)).fetchone()
        return CashierRow._make(row) if row else None

    def add_cashier(self, cashier_id: str, name: str, role: str, pin_hash: str) -> None:
        self.db.execute(_ADD_CASHIER_SQL, (cashier_id, name, role, pin_hash))

    def update_cashier(self, cashier_id: str, *, failed_attempts: int, locked_until: str | None, lockouts: int) -> None:
        self.db.execute(_UPDATE_CASHIER_SQL, (failed_attempts, locked_until, lockouts, cashier_id))

    def cashier_count(self) -> int:
        return int(self.db.execute(_CASHIER_COUNT_SQL).fetchone()[0])

    # keys and rules -----------------------------------------------------
    def public_keys(self) -> dict[str, str]:
        return {k.key_id: k.public_key for k in self.key_rows()}

    def key_rows(self) -> list[KeyRow]:
        """Every key we know, for the key ring."""
        return [KeyRow._make(r) for r in self.db.execute(_KEYS_SQL)]

    def add_key(self, key_id: str, public_key: str, source: str, revoked_at: str | None = None) -> None:
        self.db.execute(_ADD_KEY_SQL, (key_id, public_key, source, revoked_at))

    def latest_rules(self) -> dict[str, Any] | None:
        row = self.db.execute(_LATEST_RULES_SQL).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def save_rules(self, document: dict[str, Any]) -> None:
        self.db.execute(_SAVE_RULES_SQL, (document["version"], json.dumps(document)))
