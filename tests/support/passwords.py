"""Operators' passwords in tests: one argon2id hash per test process, verified for real at every login.

The hash is made at a low work factor (8 MiB, one pass, one lane): a console test's set-up used to hash
five passwords at full strength (64 MiB, t=3, p=4) and every login verified one, four threads each, on
a 2-core machine running two test workers. Login, lockout and throttling run the same code either way;
the production parameters are checked by tests/hq/test_password_strength.py.
"""

import functools

from argon2 import PasswordHasher

PASSWORD = "correct horse battery staple"
_TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)


@functools.cache
def password_hash(password: str = PASSWORD) -> str:
    return _TEST_HASHER.hash(password)
