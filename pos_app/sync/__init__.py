"""Sync with HQ: the outbox pusher, the change-feed puller, the nightly reconciler.

No Qt in here: the engine reports through plain callbacks (`add_listener`,
`add_change_listener`); the UI has a small bridge that re-emits them as signals.
`build_engine` is what the composition root calls when an HQ address is set.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..services.context import ServiceContext

if TYPE_CHECKING:
    from .engine import SyncEngine


def tls_verify(data_dir: Path) -> str | bool:
    """What HTTPS checks HQ's certificate against: the CA bundle given at init, else the system's
    store (the OS bundle OpenSSL was built with), else requests' own (certifi). Never off."""
    import ssl

    from .. import config

    bundle = config.ca_bundle_path(data_dir)
    if bundle is not None:
        return str(bundle)
    system = ssl.get_default_verify_paths().cafile
    return system if system and Path(system).exists() else True


def build_engine(data_dir: Path, hq_url: str, uow_factory: Callable, ctx: ServiceContext) -> SyncEngine:
    from .. import config
    from .engine import SyncEngine
    from .hq_client import HqClient
    from .schedule import SyncTiming

    client = HqClient(hq_url, config.load_token(data_dir), verify=tls_verify(data_dir))
    timing = SyncTiming()
    with uow_factory(read_only=True) as uow:
        hour = uow.admin.get_setting("sync.reconcile_hour")
    if hour is not None:
        timing.reconcile_hour = int(hour) if hour.strip().isdigit() else None
    return SyncEngine(uow_factory, ctx, client, timing=timing, data_dir=Path(data_dir)).restore()
