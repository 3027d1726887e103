"""Operators' passwords are hashed at argon2id's recommended strength (the tests' own operators use a cheaper
hash, tests/support/passwords.py), and a login verifies such a hash."""

from argon2 import PasswordHasher
from argon2.profiles import RFC_9106_LOW_MEMORY

from hq.services.operators import accounts
from hq.storage import db
from tests.support.passwords import PASSWORD


def test_an_operators_password_is_hashed_at_full_strength():
    parameters = accounts.hash_password(PASSWORD).split("$")[3]
    expected = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)
    assert parameters == f"m={expected.memory_cost},t={expected.time_cost},p={expected.parallelism}"


def test_a_login_verifies_a_full_strength_hash(hq):
    hq.terminal()  # store S001 exists

    def add(conn):
        accounts.add(conn, "strong", "admin", PASSWORD, hq.clock())

    db.write(hq.engine, add)
    operator = db.write(hq.engine, lambda conn: accounts.login(conn, "strong", PASSWORD, hq.clock(), "127.0.0.1"))
    assert operator is not None and operator.username == "strong"
    wrong = db.write(hq.engine, lambda conn: accounts.login(conn, "strong", "not the password", hq.clock(), "127.0.0.1"))
    assert wrong is None
