"""Settings, counters, the audit trail, cashiers, trusted keys, rule sets."""

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from .engine import statements
from .schema import audit, cashiers, keys, rule_sets, settings

# Every sale takes a receipt number: one statement, plain SQL on the DB-API connection (engine.statements);
# a counter without a row yet starts at 1.
_BUMP_COUNTER_SQL = "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value"
_INSERT_COUNTER_SQL = "INSERT INTO counters (name, value) VALUES (?, 1)"


class AdminRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = statements(conn)

    # settings -----------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self.conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        if self.get_setting(key) is None:
            self.conn.execute(insert(settings).values(key=key, value=value))
        else:
            self.conn.execute(update(settings).where(settings.c.key == key).values(value=value))

    # counters (receipt numbers) ----------------------------------------
    def next_number(self, name: str) -> int:
        rows = self.db.execute(_BUMP_COUNTER_SQL, (name,)).fetchall()  # fetchall: the statement is done after it
        if not rows:
            self.db.execute(_INSERT_COUNTER_SQL, (name,))
            return 1
        return rows[0][0]

    # audit --------------------------------------------------------------
    def audit(self, at: str, actor: str, action: str, subject: str | None, details: dict) -> None:
        self.conn.execute(
            insert(audit).values(
                at=at, actor=actor, action=action, subject=subject, details=json.dumps(details, ensure_ascii=False)
            )
        )

    def audit_trail(self, limit: int = 200) -> list[dict]:
        rows = self.conn.execute(select(audit).order_by(audit.c.id.desc()).limit(limit))
        return [
            {"at": r.at, "actor": r.actor, "action": r.action, "subject": r.subject, "details": json.loads(r.details)}
            for r in rows
        ]

    # cashiers -----------------------------------------------------------
    def cashier(self, cashier_id: str) -> Row[Any] | None:
        return self.conn.execute(select(cashiers).where(cashiers.c.cashier_id == cashier_id)).first()

    def add_cashier(self, cashier_id: str, name: str, role: str, pin_hash: str) -> None:
        self.conn.execute(
            insert(cashiers).values(cashier_id=cashier_id, name=name, role=role, pin_hash=pin_hash, failed_attempts=0)
        )

    def update_cashier(self, cashier_id: str, **values) -> None:
        self.conn.execute(update(cashiers).where(cashiers.c.cashier_id == cashier_id).values(**values))

    def cashier_count(self) -> int:
        return len(self.conn.execute(select(cashiers.c.cashier_id)).all())

    # keys and rules -----------------------------------------------------
    def public_keys(self) -> dict[str, str]:
        return {r.key_id: r.public_key for r in self.conn.execute(select(keys))}

    def key_rows(self) -> Sequence[Any]:
        """(key_id, public_key, source, revoked_at) of every key we know, for the key ring."""
        return self.conn.execute(select(keys.c.key_id, keys.c.public_key, keys.c.source, keys.c.revoked_at)).all()

    def add_key(self, key_id: str, public_key: str, source: str, revoked_at: str | None = None) -> None:
        if self.conn.execute(select(keys.c.key_id).where(keys.c.key_id == key_id)).first() is None:
            self.conn.execute(insert(keys).values(key_id=key_id, public_key=public_key, source=source,
                                                  revoked_at=revoked_at))  # fmt: skip
        elif revoked_at is not None:  # HQ revoked a key we trusted: once revoked, it stays revoked
            self.conn.execute(update(keys).where(keys.c.key_id == key_id, keys.c.revoked_at.is_(None))
                              .values(revoked_at=revoked_at))  # fmt: skip

    def latest_rules(self) -> dict | None:
        body = self.conn.execute(select(rule_sets.c.body).order_by(rule_sets.c.version.desc()).limit(1)).scalar()
        return json.loads(body) if body else None

    def save_rules(self, document: dict) -> None:
        exists = self.conn.execute(
            select(rule_sets.c.version).where(rule_sets.c.version == document["version"])
        ).first()
        if not exists:
            self.conn.execute(insert(rule_sets).values(version=document["version"], body=json.dumps(document)))
