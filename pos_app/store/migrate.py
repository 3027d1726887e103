"""Bring a store database to the newest schema (or to a given revision)."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

_HERE = Path(__file__).parent / "migrations"


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    with engine.connect() as conn:
        conn.info["read_only"] = True  # alembic manages its own statements
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
