"""Bring a store database to the newest schema (or to a given revision)."""

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

_HERE = Path(__file__).parent / "migrations"


def upgrade(engine: Engine, revision: str = "head", *, phone_region: str | None = None) -> None:
    """`phone_region`: the store's country, for phones stored without a country code (0005)."""
    if revision == "head" and _current(engine) == _head():
        return  # the usual start: nothing to do, without loading and running alembic's environment
    cfg = _config()
    cfg.attributes["phone_region"] = phone_region
    with engine.connect() as conn:
        conn.info["read_only"] = True  # alembic manages its own statements
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    return cfg


@functools.cache
def _head() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def _current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        conn.info["read_only"] = True
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # a new store: no table yet
            return None
