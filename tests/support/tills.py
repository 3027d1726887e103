"""Tills in temp folders, each from a copy of one migrated template database.

Migrating a till's SQLite store and hashing its supervisor's PIN costs ~0.15 s; copying the file a
few milliseconds. Each till still gets its own identity (store, terminal, signing key, look-up key)
from `config.init_terminal`; only the empty, migrated store with its one supervisor is shared.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pos_app import config
from pos_app.bootstrap import build_app

SUPERVISOR, SUPERVISOR_PIN = "9001", "2468"  # every test till has this supervisor


def make_template(folder: Path, clock) -> Path:
    """A migrated till store with the test supervisor, and no terminal identity: returns the database file."""
    config.init_terminal(folder, "S000", "T00")
    app = build_app(folder, clock=clock)
    app.cashiers.add(SUPERVISOR, "Test Supervisor", SUPERVISOR_PIN, role="supervisor")
    app.close()
    path = config.db_path(folder)
    db = sqlite3.connect(path)
    try:
        db.execute("DELETE FROM keys")  # the template's own signing key: each copy registers its own
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the one file that is copied
    finally:
        db.close()
    return path


def init_till(data_dir: Path, template: Path, store_id: str = "S001", terminal_id: str = "T01",
              hq_url: str | None = None, token: str | None = None, **kwargs) -> Path:  # fmt: skip
    """`config.init_terminal` for a new till, its store copied from the template."""
    config.init_terminal(data_dir, store_id, terminal_id, hq_url, token, **kwargs)
    shutil.copyfile(template, config.db_path(data_dir))
    return data_dir
