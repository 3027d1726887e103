"""Sync tests: a real HQ on loopback (SQLite, and PostgreSQL in a fresh database), real tills."""


import pytest
from sync_harness import HqServer, PgDatabase, make_till, pg_available
from testclock import NOW, RunningClock

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_database():
    if not pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    db = PgDatabase()
    yield db
    db.drop()


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def hq_factory(backend, tmp_path, request):
    """Makes HQ servers on the test's backend; each gets its own empty database (or PG schema)."""
    servers = []

    def make(clock=None, tls=None) -> HqServer:
        if backend == "postgres":
            url = request.getfixturevalue("pg_database").new_url()
        else:
            url = f"sqlite:///{tmp_path / f'hq{len(servers)}.sqlite3'}"
        server = HqServer(url, clock=clock, tls=tls).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()


@pytest.fixture
def hq(hq_factory):
    return hq_factory()


@pytest.fixture
def till_factory(tmp_path):
    apps = []
    store_clock = RunningClock(NOW)  # every till of a test keeps the same (right) time unless given its own

    def make(hq, store_id="S001", terminal_id="T01", **kwargs):
        kwargs.setdefault("clock", store_clock)
        app = make_till(tmp_path / f"till-{store_id}-{terminal_id}-{len(apps)}", hq, store_id, terminal_id, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()
