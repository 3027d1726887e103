"""Console tests: the real HQ app (SQLite file, migrated once per session) with the test clock."""

import shutil

import pytest
from console_helpers import Chain, login
from fastapi.testclient import TestClient
from testclock import TUESDAY

from hq.app import create_app
from hq.storage import db, migrate


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("console-template") / "hq.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def db_file(migrated_template, tmp_path):
    path = tmp_path / "hq.sqlite3"
    shutil.copy(migrated_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def chain(db_file, clock):
    """Stores S001 and S002 and one operator per role. The day is pinned to a Tuesday: points in the figures
    must not depend on the member-day multiplier."""
    clock.set(TUESDAY)
    app = create_app(db_file, clock=clock)
    with TestClient(app) as client:
        yield Chain(client, app.state.engine, clock).setup()


@pytest.fixture
def as_role(chain):
    """A fresh client signed in as the named operator (each with its own cookies)."""
    clients = []

    def make(username: str) -> TestClient:
        client = TestClient(chain.client.app)
        clients.append(client)
        assert login(client, username).status_code == 303
        return client

    yield make
    for c in clients:
        c.close()
