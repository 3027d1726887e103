"""What the test suites share: the one clock, till event builders, databases and servers.

    clock      the run's "now" and the TestClock every test gets (tests/conftest.py)
    events     till events as a real till builds them (HQ, console and risk tests push them)
    passwords  operators' password hashes made once per session
    postgres   PostgreSQL test databases: one migrated template per session, a copy per test
    hq_server  the real HQ under uvicorn on loopback
    tills      real tills in temp folders, copied from one migrated template
"""
