"""Driving /console/program in tests: drafts as JSON, the forms with their CSRF, and the database under both
backends (the console's other tests run on SQLite only; the program's run on PostgreSQL too)."""

import copy
import json

import pytest
import sqlalchemy as sa

from hq.storage import db, migrate
from hq.storage.schema import metadata
from tests.console.console_helpers import csrf_of
from tests.support.postgres import migrated_pg_database


@pytest.fixture(scope="session")
def program_pg(pg):
    url, engine = migrated_pg_database(pg, "hq_program")
    yield url, engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_file(request, hq_sqlite_copy):
    """Overrides the console conftest's SQLite-only database: these tests run on both backends."""
    if request.param == "sqlite":
        return hq_sqlite_copy()
    url, engine = request.getfixturevalue("program_pg")
    tables = ", ".join(t.name for t in metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        migrate.seed(conn, migrate.DEFAULT_RULES)
    return url


def default_program() -> dict:
    document = json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8"))
    return {"tiers": document["tiers"], "promotions": document["promotions"]}


def with_basic_earn(permille: int, category_bonus: int = 0) -> dict:
    """The default program with the basic tier earning `permille` and, optionally, a bonus per unit of
    the helpers' "general" category."""
    draft = copy.deepcopy(default_program())
    draft["tiers"][0]["earn_permille"] = permille
    if category_bonus:
        draft["promotions"].append({"id": "general-bonus", "kind": "category_bonus", "category": "general",
                                    "points_per_unit": category_bonus, "names": {"en": "General +"}})  # fmt: skip
    return draft


def save_draft(client, text: str | dict):
    page = client.get("/console/program/draft")
    assert page.status_code == 200, page.text
    body = text if isinstance(text, str) else json.dumps(text)
    return client.post("/console/program/draft", data={"csrf": csrf_of(page.text), "document": body},
                       follow_redirects=False)  # fmt: skip


def act(client, action: str):
    """Presses one of the program page's buttons (simulate, publish, discard, rollback)."""
    page = client.get("/console/program")
    assert page.status_code == 200, page.text
    return client.post(f"/console/program/{action}", data={"csrf": csrf_of(page.text)}, follow_redirects=False)


def in_force_version(chain) -> int:
    return chain.scalar("SELECT max(version) FROM rules")


def audit_actions(chain) -> list[str]:
    with db.read(chain.engine) as conn:
        return list(conn.execute(sa.text("SELECT action FROM audit_log ORDER BY id")).scalars())
