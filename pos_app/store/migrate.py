"""Bring a store database to the newest schema (or to a given revision)."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

_HERE = Path(__file__).parent / "migrations"


def upgrade(engine: Engine, revision: str = "head", *, phone_region: str | None = None) -> None:
    """`phone_region`: the store's country, for phones stored without a country code (0005)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.attributes["phone_region"] = phone_region
    with engine.connect() as conn:
        conn.info["read_only"] = True  # alembic manages its own statements
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
