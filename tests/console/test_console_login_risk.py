"""Signing in against an attacker: one answer for every refusal, and a source that keeps failing is blocked."""

import datetime as dt
import re
import subprocess
import sys

import pytest
from argon2 import extract_parameters
from fastapi.testclient import TestClient

from hq.app import create_app
from hq.services.operators import accounts, throttle
from hq.storage import db
from tests.console.console_helpers import login
from tests.support.passwords import PASSWORD

REFUSED = "無法登入：帳號或密碼錯誤，或目前無法登入。"
# PASSWORD hashed with argon2's lowest cost: for stories about counting, where the cost of each check is not the point.
CHEAP_HASH = "$argon2id$v=19$m=8,t=1,p=1$Tw4zTcDlTY0q9af5+nX+Eg$6ODVTfl3LF7eosZ0KiUf8Wnh5n/uMvOQhMtUBUFfvwA"


def client_from(app, address: str) -> TestClient:
    return TestClient(app, client=(address, 50000))


def answer(response, username: str) -> tuple[int, str]:
    """What a stranger sees, less the fresh CSRF token and the username echoed back into the form."""
    body = re.sub(r'value="[^"]*"', 'value=""', response.text.replace(username, "USERNAME"))
    return response.status_code, body


class CountingHasher:
    """Counts argon2 verifications: the costly step whose timing must be alike for every refusal."""

    def __init__(self, real) -> None:
        self.real, self.calls = real, 0

    def verify(self, hashed, password):
        self.calls += 1
        return self.real.verify(hashed, password)

    def hash(self, password):
        return self.real.hash(password)


@pytest.fixture
def verifications(monkeypatch) -> CountingHasher:
    counting = CountingHasher(accounts._hasher)
    monkeypatch.setattr(accounts, "_hasher", counting)
    return counting


@pytest.fixture
def cheap_checks(chain, monkeypatch):
    """Every operator's password and the dummy hash checked at argon2's lowest cost (the same-cost property is
    the first test's), so a story of many attempts runs in a blink."""
    chain.execute("UPDATE operators SET password_hash = :h", h=CHEAP_HASH)
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: CHEAP_HASH)


def sessions_of(chain, username: str) -> int:
    return chain.scalar("SELECT count(*) FROM operator_sessions WHERE username = :u", u=username)


def test_every_refused_sign_in_gets_the_same_answer_after_one_password_check(chain, verifications, as_role):
    later = (chain.clock() + dt.timedelta(minutes=10)).astimezone(dt.UTC)
    chain.execute("UPDATE operators SET locked_until = :t WHERE username = 'mgr1'", t=later)
    chain.execute("UPDATE operators SET disabled_at = :t WHERE username = 'mkt'", t=chain.clock())
    for _ in range(throttle.SOURCE_MAX_FAILURES):  # an address that failed too often (as over HTTP, faster)
        db.write(chain.engine, lambda conn: throttle.record_failure(conn, "192.0.2.66", chain.clock()))
    app = chain.client.app
    attempts = {  # (address, username, password)
        "no such user": ("192.0.2.1", "nobody", PASSWORD),
        "wrong password": ("192.0.2.2", "fin", "not the password at all"),
        "locked": ("192.0.2.3", "mgr1", PASSWORD),
        "disabled": ("192.0.2.4", "mkt", PASSWORD),
        "blocked address": ("192.0.2.66", "admin", PASSWORD),
    }
    answers = {}
    for case, (address, username, password) in attempts.items():
        before = verifications.calls
        answers[case] = answer(login(client_from(app, address), username, password), username)
        assert verifications.calls == before + 1, case  # one verification each, like a wrong password
    assert len(set(answers.values())) == 1, answers
    status, body = answers["locked"]
    assert status == 401 and REFUSED in body
    assert "鎖定" not in body and "停用" not in body
    assert chain.scalar("SELECT count(*) FROM operator_sessions") == 0
    real = accounts.hash_password("any operator's password")  # as HQ hashes one (the tests' own are cheaper)
    assert extract_parameters(accounts._dummy_hash()) == extract_parameters(real)  # and each costs the same
    # An admin is the one who can tell them: the operators page says who is locked, and until when.
    page = as_role("admin").get("/console/operators?lang=en").text
    status = dict(re.findall(r'data-operator="([a-z0-9]+)">.*?<td class="status">([^<]*)</td>', page, re.S))
    assert status == {"admin": "Active", "aud": "Active", "fin": "Active", "mkt": "Disabled",
                      "mgr1": "Locked until 2026-11-24 10:10 (wrong passwords)"}  # in the chain's time zone


def test_a_failing_source_is_blocked_before_it_can_keep_an_operator_locked_out(chain, db_file, cheap_checks):
    attacker = client_from(chain.client.app, "198.51.100.7")
    for _ in range(accounts.MAX_FAILURES):
        assert login(attacker, "fin", "a guess at fins password").status_code == 401
    assert chain.scalar("SELECT locked_until FROM operators WHERE username = 'fin'") is not None
    for _ in range(throttle.SOURCE_MAX_FAILURES - accounts.MAX_FAILURES):  # keeps going while fin is locked
        assert login(attacker, "fin", "another guess at it").status_code == 401
    assert chain.scalar("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == "login.source_blocked"
    assert chain.scalar("SELECT target FROM audit_log ORDER BY id DESC LIMIT 1") == "198.51.100.7"

    chain.clock.advance(minutes=16)  # fin's lockout is over; the attacker's block is not
    for _ in range(accounts.MAX_FAILURES):
        assert login(attacker, "fin", "a fresh guess").status_code == 401
    assert chain.scalar("SELECT failed_logins FROM operators WHERE username = 'fin'") == 0  # none reached her
    assert login(client_from(chain.client.app, "203.0.113.20"), "fin").status_code == 303  # from her office
    other_worker = create_app(db_file, run_migrations=False, clock=chain.clock)  # the counts are in the database
    with client_from(other_worker, "198.51.100.7") as again:
        refused = login(again, "admin")  # even the right password
    assert refused.status_code == 401 and REFUSED in refused.text and sessions_of(chain, "admin") == 0
    failed = chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND username = 'fin'")
    assert failed == accounts.MAX_FAILURES  # every attempt that reached her account, audited as before

    chain.clock.advance(minutes=45)  # the block ends on time although the attacker kept trying
    assert login(attacker, "admin").status_code == 303


def test_importing_the_accounts_module_hashes_nothing():
    """The dummy hash that evens out the timing is made on first use, not at import (a CLI start pays nothing)."""
    code = ("import argon2\n"
            "def refuse(*a, **k): raise SystemExit('hashed at import')\n"
            "argon2.PasswordHasher.hash = refuse\n"
            "import hq.services.operators.accounts\n")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr + done.stdout
