"""The composition root: the only place that builds the object graph."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from loyalty_core import signing
from loyalty_core.rules import RuleSet

from . import config as cfg
from . import privacy, resources
from .services.context import ServiceContext, system_clock
from .services.pos import CashierService, PosService
from .services.uow import UowFactory
from .store import migrate
from .store.engine import make_engine
from .store.uow import SqlUnitOfWork

if TYPE_CHECKING:  # the sync engine (and requests) load only when an HQ is configured
    from .sync.engine import SyncEngine


@dataclass
class Product:
    sku: str
    barcode: str
    category: str
    price_cents: int
    names: dict[str, str]

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names.get("en") or self.sku


@dataclass
class App:
    data_dir: Path
    config: cfg.TerminalConfig
    engine: Engine
    ctx: ServiceContext
    pos: PosService
    cashiers: CashierService
    catalog: list[Product]
    sync: SyncEngine | None = None  # when an HQ is configured

    def uow(self, read_only: bool = False, durable: bool = True) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, read_only=read_only, durable=durable)

    def close(self) -> None:
        if self.sync is not None:
            self.sync.stop()
        self.engine.dispose()


def load_catalog() -> list[Product]:
    return [Product(**p) for p in resources.load_json("catalog.json")["products"]]


def build_app(data_dir: Path, *, clock=None) -> App:
    data_dir = Path(data_dir)
    config = cfg.load(data_dir)
    privacy.lock_down(data_dir, cfg.db_path(data_dir))
    engine = make_engine(cfg.db_path(data_dir))
    migrate.upgrade(engine, phone_region=config.country)
    signer = cfg.load_signer(data_dir, config)
    lookup_key = privacy.ensure_local_key(data_dir)
    with SqlUnitOfWork(engine) as uow:
        privacy.hash_unhashed(uow.sync.conn, lookup_key)  # rows from before migration 0007
        privacy.settle(uow.sync.conn, lookup_key)
        uow.admin.add_key(signer.key_id, signing.b64(signer.public_bytes()), "own")
        stored_rules = uow.admin.latest_rules()
        keys = uow.admin.key_rows()
        uow.commit()
    keyring = signing.KeyRing()
    for key in keys:
        keyring.add(key.key_id, signing.unb64(key.public_key), hq=key.source == "hq")
        if key.revoked_at:
            keyring.revoke(key.key_id, key.revoked_at)
    rules = RuleSet.from_dict(stored_rules or resources.load_json("default_rules.json"))
    ctx = ServiceContext(config.store_id, config.terminal_id, rules, signer, keyring, clock or system_clock,
                         region=config.country, lookup_key=lookup_key)  # fmt: skip

    def open_uow(read_only: bool = False, durable: bool = True) -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, read_only=read_only, durable=durable)

    uow_factory: UowFactory = open_uow  # mypy: SQLite's unit of work is the one the use cases expect

    sync = None
    if config.hq_url:  # the engine is built here but started by whoever runs the till (app.sync.start())
        from .sync import build_engine

        sync = build_engine(data_dir, config.hq_url, uow_factory, ctx)
        ctx.is_offline = sync.is_offline
    pos = PosService(uow_factory, ctx)
    if sync is not None:
        from .sync.profiles import HqProfiles
        from .sync.redeem_codes import HqRedeemCodes

        pos.profiles = HqProfiles(lambda: sync.client).fetch
        pos.redeem_codes = HqRedeemCodes(lambda: sync.client)

    return App(
        data_dir=data_dir,
        config=config,
        engine=engine,
        ctx=ctx,
        pos=pos,
        cashiers=CashierService(uow_factory, ctx),
        catalog=load_catalog(),
        sync=sync,
    )
