"""Fixtures for the HQ tests: every database test runs on SQLite and on PostgreSQL.

PostgreSQL: a fresh database per test session on 127.0.0.1:5432 (user
postgres, trust auth; override with HQ_TEST_PG_ADMIN), emptied between tests
and dropped at the end. If the server cannot be reached the PostgreSQL half
is skipped with the reason; CI has the server, so there it always runs.
"""


import pytest
import sqlalchemy as sa

from hq.app import create_app
from hq.storage import migrate
from hq.storage.schema import metadata
from tests.support.postgres import migrated_pg_database


def pytest_configure(config):
    # FastAPI's TestClient still wraps httpx; Starlette nags about it on every run.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="session")
def pg_database(pg):
    url, engine = migrated_pg_database(pg, "hq_test")
    yield url, engine
    engine.dispose()


def _empty_postgres(engine) -> None:
    tables = ", ".join(t.name for t in metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        migrate.seed(conn, migrate.DEFAULT_RULES)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("hq_sqlite_copy")()
    url, engine = request.getfixturevalue("pg_database")
    _empty_postgres(engine)
    return url


@pytest.fixture
def hq(db_url, clock):
    from fastapi.testclient import TestClient

    from tests.hq.hq_helpers import Hq

    app = create_app(db_url, clock=clock.utc_clock())  # HQ speaks UTC, as in production
    with TestClient(app) as client:
        yield Hq(client, app.state.engine, clock, db_url)
