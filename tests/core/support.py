"""Plain helpers shared by the loyalty-core tests (fixtures live in conftest.py)."""

import itertools
import json
from collections.abc import Callable

import pytest
from sqlalchemy import text

from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine
from loyalty_core.rules import RuleSet
from pos_app import resources
from tests.support.clock import STORE_TZ as TZ  # noqa: F401  (Taipei: the till's local time)
from tests.support.clock import THURSDAY, TUESDAY, WEDNESDAY  # noqa: F401
from tests.support.tills import SUPERVISOR, SUPERVISOR_PIN  # noqa: E402,F401  (every test till has this supervisor)

# The worked example of the design brief, on SKUs with no SKU or category bonus.
WORKED_CART = [CartLine("SHIRT-1", "apparel", 15000, 2), CartLine("HAT-1", "apparel", 9990, 1)]

_phones = itertools.count(10_000_000)


def next_phone() -> str:
    return f"09{next(_phones) % 100_000_000:08d}"


def default_rules_dict() -> dict:
    return resources.load_json("default_rules.json")


def default_rules() -> RuleSet:
    return RuleSet.from_dict(default_rules_dict())


def rules_with(**changes) -> RuleSet:
    """The default program with some top-level keys replaced (e.g. promotions=[...])."""
    return RuleSet.from_dict({**default_rules_dict(), **changes})


def refused(code: str, call: Callable, *args, **kwargs) -> DomainError:
    """Runs the call and checks it is refused with exactly this error code."""
    with pytest.raises(DomainError) as info:
        call(*args, **kwargs)
    assert info.value.code == code, f"expected {code!r}, got {info.value.code!r}: {info.value.message}"
    return info.value


def query(app, sql: str, **params) -> list:
    with app.engine.connect() as conn:
        conn.info["read_only"] = True
        return list(conn.execute(text(sql), params))


def snapshot(app) -> dict[str, list]:
    """Every row of every table: comparing two snapshots proves nothing changed."""
    with app.engine.connect() as conn:
        conn.info["read_only"] = True
        names = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")).scalars()
        return {n: sorted(map(tuple, conn.execute(text(f'SELECT * FROM "{n}"'))), key=repr) for n in list(names)}


def outbox_events(app) -> list[dict]:
    return [json.loads(b) for (b,) in query(app, "SELECT body FROM outbox ORDER BY seq")]


def ledger_rows(app, member_code: str | None = None) -> list:
    if member_code is None:
        return query(app, "SELECT * FROM ledger ORDER BY id")
    return query(app, "SELECT * FROM ledger WHERE member_code = :m ORDER BY id", m=member_code)


def balance(app, member_code: str) -> int:
    return sum(r.points for r in ledger_rows(app, member_code))
