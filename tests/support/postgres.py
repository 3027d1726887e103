"""PostgreSQL for the tests (127.0.0.1:5432, user postgres, trust auth; HQ_TEST_PG_ADMIN overrides).

Migrating HQ's schema costs ~1 s; copying a migrated database with CREATE DATABASE ... TEMPLATE costs a
fraction of that. So each test process migrates one template and every HQ a test starts gets its own
copy of it. Names carry the process id: two xdist workers never share a database.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from hq.storage import db, migrate

PG_ADMIN_URL = os.environ.get("HQ_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pg_available() -> bool:
    url = sa.engine.make_url(PG_ADMIN_URL)
    try:
        with socket.create_connection((url.host or "127.0.0.1", url.port or 5432), timeout=1):
            return True
    except OSError:
        return False


def _unique(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"


class PgDatabases:
    """Databases made for this test process, all dropped by `drop_all`."""

    def __init__(self) -> None:
        self.admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        self.names: list[str] = []
        self._template: str | None = None

    def url(self, name: str) -> str:
        return self.admin.url.set(database=name).render_as_string(hide_password=False)

    def create(self, prefix: str, template: str | None = None) -> str:
        name = _unique(prefix)
        copy = f' TEMPLATE "{template}" STRATEGY WAL_LOG' if template else ""
        with self.admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"{copy}'))
        self.names.append(name)
        return name

    def migrated(self, prefix: str) -> str:
        name = self.create(prefix)
        engine = db.make_engine(self.url(name))
        migrate.upgrade(engine)
        engine.dispose()  # a template must have no connections when it is copied
        return name

    def copy_of_migrated(self, prefix: str = "hq") -> str:
        """The URL of a fresh database holding HQ's migrated, seeded schema."""
        if self._template is None:
            self._template = self.migrated(f"{prefix}_template")
        return self.url(self.create(prefix, template=self._template))

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in reversed(self.names):
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def pg_databases() -> Iterator[PgDatabases]:
    """For a session fixture: skips the PostgreSQL half when the server is unreachable (CI has it)."""
    if not pg_available():
        pytest.skip(f"PostgreSQL at {PG_ADMIN_URL} is unreachable")
    databases = PgDatabases()
    try:
        yield databases
    finally:
        databases.drop_all()


def migrated_pg_database(databases: PgDatabases, prefix: str) -> tuple[str, sa.Engine]:
    """One migrated database for a whole session (tests empty it between them): (url, engine)."""
    url = databases.url(databases.migrated(prefix))
    return url, db.make_engine(url)
