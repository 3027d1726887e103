"""Console tests: the real HQ app (SQLite file, migrated once per session) with the test clock."""


import pytest
from fastapi.testclient import TestClient

from hq.app import create_app
from tests.console.console_helpers import Chain, login
from tests.support.clock import TUESDAY


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture
def db_file(hq_sqlite_copy):
    return hq_sqlite_copy()


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
