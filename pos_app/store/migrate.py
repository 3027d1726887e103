"""Bring a store database to the newest schema (or to a given revision).

Alembic is imported only when there is something to migrate: an up-to-date till (every start but the
first after an update) opens without it, ~0.15 s sooner (the window's first start, every CLI command).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

_HERE = Path(__file__).parent / "migrations"
_HEADER = re.compile(r'^(revision|down_revision)\s*(?::[^=]*)?=\s*["\']([^"\']+)["\']', re.M)


def upgrade(engine: Engine, revision: str = "head", *, phone_region: str | None = None) -> None:
    """`phone_region`: the store's country, for phones stored without a country code (0005)."""
    if revision == "head" and _current(engine) == _head():
        return  # the usual start: nothing to do, without loading and running alembic's environment
    from alembic import command

    cfg = _config()
    cfg.attributes["phone_region"] = phone_region
    with engine.connect() as conn:
        conn.info["read_only"] = True  # alembic manages its own statements
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    return cfg


@functools.cache
def _head() -> str | None:
    """The newest revision, read once per process from the migration scripts' headers (no alembic)."""
    revisions, parents = set(), set()
    for path in (_HERE / "versions").glob("*.py"):
        found = dict(_HEADER.findall(path.read_text(encoding="utf-8")))
        revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None  # several heads: let alembic say what is wrong


def _current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        conn.info["read_only"] = True
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # a new store: no table yet
            return None
