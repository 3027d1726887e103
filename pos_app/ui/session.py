"""What every screen needs, built once by the composition root and handed down (no globals)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..services import SyncStatus
from . import fmt
from .dialogs import Dialogs
from .i18n import I18n
from .ops import Op, OpRunner
from .settings import UiSettings

if TYPE_CHECKING:  # the composition root's types, for annotations only (no import cycle at run time)
    from loyalty_core.rules import RuleSet

    from ..bootstrap import App
    from ..config import TerminalConfig
    from ..services import CashierService, PosService


class Session(QObject):
    services_ready = Signal()
    cashier_changed = Signal(object)  # Cashier | None
    sync_status_changed = Signal(object)  # pos_app.services.SyncStatus
    notify = Signal(str, str)  # level ("info" | "error"), text — for the window's message bar

    def __init__(self, runner: OpRunner, i18n: I18n, settings: UiSettings, data_dir: Path | None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.runner = runner
        self.i18n = i18n
        self.settings = settings
        self.data_dir = data_dir
        self.services: App | None = None  # built on the worker thread, then attached
        self.cashier = None
        self.sync_status: SyncStatus | None = None
        self.dialogs = Dialogs()  # tests swap in choosers that answer at once
        # printers can take seconds to answer (or time out): their own worker, never the database's
        self.print_runner = OpRunner(self)
        self._products: dict[str, object] = {}

    # -- services -----------------------------------------------------------------------------

    def attach(self, services: App) -> None:
        self.services = services
        fmt.use_currency(services.config.country)
        self._products = {}
        for p in services.catalog:
            self._products[p.barcode] = p
            self._products[p.sku.upper()] = p
        self.services_ready.emit()

    @property
    def ready(self) -> bool:
        return self.services is not None

    def _app(self) -> App:
        if self.services is None:
            raise RuntimeError("the till's services are not built yet (Session.ready is False)")
        return self.services

    @property
    def pos(self) -> PosService:
        return self._app().pos

    @property
    def cashiers(self) -> CashierService:
        return self._app().cashiers

    @property
    def rules(self) -> RuleSet:
        return self._app().ctx.rules

    @property
    def config(self) -> TerminalConfig:
        return self._app().config

    def today(self) -> dt.date:
        """The till's business day on the till's clock (tests move it), never the PC's calendar."""
        return self._app().ctx.today()

    @property
    def catalog(self) -> list:
        return self.services.catalog if self.services else []

    def run(self, op: Op) -> Op:
        return op.run(self.runner)

    # -- who is at the till -------------------------------------------------------------------

    def set_cashier(self, cashier) -> None:
        self.cashier = cashier
        self.cashier_changed.emit(cashier)

    @property
    def cashier_id(self) -> str | None:
        return self.cashier.cashier_id if self.cashier else None

    @property
    def is_supervisor(self) -> bool:
        return bool(self.cashier and self.cashier.role == "supervisor")

    # -- names in the current language ---------------------------------------------------------

    @property
    def language(self) -> str:
        return self.i18n.language

    def product(self, code: str):
        text = str(code).strip()
        return self._products.get(text) or self._products.get(text.upper())

    def product_name(self, sku: str | None, names: dict | None = None) -> str:
        if names is None:
            product = self.product(sku) if sku else None
            names = product.names if product else {}
        return names.get(self.language) or names.get("en") or (sku or "")

    def tier_name(self, code: str | None, names: dict | None = None) -> str:
        if not code:
            return ""
        if names is None and self.services is not None:
            names = self.rules.ladder.get(code).names
        names = names or {}
        return names.get(self.language) or names.get("en") or code

    def promotion_name(self, promo_id: str) -> str:
        if self.services is not None:
            for p in self.rules.promotions:
                if p.id == promo_id:
                    return p.name(self.language)
        return promo_id

    def set_sync_status(self, status: SyncStatus) -> None:
        self.sync_status = status
        self.sync_status_changed.emit(status)

    def save_settings(self) -> None:
        if self.data_dir is None:
            return
        settings, data_dir = self.settings, self.data_dir
        self.run(Op(lambda: settings.save(data_dir)))
