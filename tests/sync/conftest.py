"""Sync tests: a real HQ on loopback (SQLite, or PostgreSQL in a database of its own), real tills."""

import pytest

from tests.support.clock import NOW, RunningClock
from tests.support.hq_server import HqServer
from tests.sync.sync_harness import make_till

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def hq_factory(backend, hq_sqlite_copy, request):
    """Makes HQ servers on the test's backend; each starts from its own copy of the migrated database."""
    servers = []

    def make(clock=None, tls=None) -> HqServer:
        if backend == "postgres":
            url = request.getfixturevalue("pg").copy_of_migrated("sync_hq")
        else:
            url = hq_sqlite_copy(f"hq{len(servers)}")
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
def till_factory(tmp_path, till_template):
    apps = []
    store_clock = RunningClock(NOW)  # every till of a test keeps the same (right) time unless given its own

    def make(hq, store_id="S001", terminal_id="T01", **kwargs):
        kwargs.setdefault("clock", store_clock)
        kwargs.setdefault("template", till_template)
        app = make_till(tmp_path / f"till-{store_id}-{terminal_id}-{len(apps)}", hq, store_id, terminal_id, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()
