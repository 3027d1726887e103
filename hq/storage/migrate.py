"""Brings a database to the newest schema and seeds what a fresh HQ needs.

Run on every start (app and CLI); at head it is a cheap no-op. On PostgreSQL
an advisory lock keeps two processes starting at once from racing.
"""

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

from . import db, schema

_MIGRATIONS = Path(__file__).parent.parent / "migrations"
_LOCK_KEY = 7_270_001
DEFAULT_RULES = Path(__file__).resolve().parent.parent.parent / "resources" / "default_rules.json"


def alembic_config(conn: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(engine: Engine, rules_file: Path | None = None) -> None:
    with engine.begin() as conn:
        if db.is_postgres(conn):
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
        command.upgrade(alembic_config(conn), "head")
        seed(conn, rules_file or DEFAULT_RULES)


def seed(conn: Connection, rules_file: Path) -> None:
    """The feed counter row and, on a fresh HQ, the default loyalty program."""
    if conn.execute(sa.select(schema.feed_counter.c.id)).first() is None:
        conn.execute(schema.feed_counter.insert().values(id=1, last_seq=0, floor_seq=0))
    from .privacy import seed_key

    seed_key(conn, dt.datetime.now(dt.UTC))
    if conn.execute(sa.select(schema.rules.c.version).limit(1)).first() is None:
        from .rules import publish  # late: rules imports the feed, which needs the counter row

        publish(conn, json.loads(rules_file.read_text(encoding="utf-8")), dt.datetime.now(dt.UTC))
