"""Fixtures for the HQ tests: every database test runs on SQLite and on PostgreSQL.

PostgreSQL: a fresh database per test session on 127.0.0.1:5432 (user
postgres, trust auth; override with HQ_TEST_PG_ADMIN), emptied between tests
and dropped at the end. If the server cannot be reached the PostgreSQL half
is skipped with the reason; CI has the server, so there it always runs.
"""

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from hq_helpers import migrated_pg_database

from hq.app import create_app
from hq.storage import db, migrate
from hq.storage.schema import metadata


def pytest_configure(config):
    # FastAPI's TestClient still wraps httpx; Starlette nags about it on every run.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """One migrated SQLite file; each test gets a copy (much faster than migrating again)."""
    path = tmp_path_factory.mktemp("template") / "hq.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_database():
    yield from migrated_pg_database("hq_test")


def _empty_postgres(engine) -> None:
    tables = ", ".join(t.name for t in metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        migrate.seed(conn, migrate.DEFAULT_RULES)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "hq.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url, engine = request.getfixturevalue("pg_database")
    _empty_postgres(engine)
    return url


@pytest.fixture
def hq(db_url, clock):
    from fastapi.testclient import TestClient
    from hq_helpers import Hq

    app = create_app(db_url, clock=clock.utc_clock())  # HQ speaks UTC, as in production
    with TestClient(app) as client:
        yield Hq(client, app.state.engine, clock, db_url)
