"""The HQ web app. `create_app` builds everything; importing this module builds nothing."""

import datetime as dt
import os
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from hq.api import access_log
from hq.storage import db, migrate

from .api import errors, health, members, online, privacy, profiles, reconcile, redeem_codes, reports, stores, sync
from .console import router as console

API = "/api/v1"
MAX_BODY_BYTES = 4 * 1024 * 1024  # 500 events of a few KB each, with room to spare


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def create_app(
    db_url: str | None = None,
    *,
    run_migrations: bool = True,
    clock: Callable[[], dt.datetime] = utc_now,
    max_body_bytes: int = MAX_BODY_BYTES,
    rules_file: Path | None = None,
) -> FastAPI:
    engine = db.make_engine(db_url or db.default_url())
    if run_migrations:
        migrate.upgrade(engine, rules_file)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        engine.dispose()

    app = FastAPI(
        title="Store loyalty HQ",
        version="1",
        description="The authoritative loyalty ledger, the till sync endpoints and the online channel. "
        "See docs/SYNC_PROTOCOL.md.",
        lifespan=lifespan,
        openapi_url=f"{API}/openapi.json",
        docs_url=f"{API}/docs",
        redoc_url=None,
    )
    app.state.engine, app.state.clock = engine, clock
    errors.install(app)
    app.add_middleware(errors.BodyLimit, max_bytes=max_body_bytes)
    access_log.install()  # no phone number in any log line (hq/api/access_log.py)
    for module in (health, sync, reconcile, privacy, profiles, redeem_codes, members, online, stores, reports):
        app.include_router(module.router, prefix=API)
    console.mount(app)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` with several worker processes (URL in POS_HQ_DB)."""
    return create_app(os.environ.get("POS_HQ_DB") or None)
