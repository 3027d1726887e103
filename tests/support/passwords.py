"""Operators' passwords: hashed with the real argon2 parameters, once per test process.

A console test's set-up used to hash five passwords at full strength (64 MiB, t=3, p=4) for every
test. The hash is the same kind of value either way; logins still verify it for real.
"""

import functools

from hq.services.operators import accounts

PASSWORD = "correct horse battery staple"


@functools.cache
def password_hash(password: str = PASSWORD) -> str:
    return accounts.hash_password(password)
