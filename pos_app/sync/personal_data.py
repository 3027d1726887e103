"""The sync cycle's privacy steps: take the chain's look-up key from HQ, then keep the minimum.

- Before anything else, a till whose look-up key is still its own (`source: local`) asks HQ for the
  chain's (`GET /sync/lookup-key`), keeps it in its owner-only key file and hashes the phones it
  holds again: HQ's reduced member rows are hashed with that key.
- After every push, `pos_app.privacy.settle` reduces the members HQ now has and scrubs the personal
  data from acknowledged events; a WAL checkpoint (TRUNCATE) then leaves no old copy in the WAL,
  and `secure_delete` none in the free pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from loyalty_core import signing

from .. import privacy
from ..services.context import ServiceContext
from .hq_client import HqClient, TransientError

log = logging.getLogger(__name__)


def take_chain_key(client: HqClient, uow_factory: Callable, ctx: ServiceContext, data_dir: Path | None) -> bool:
    """True when HQ's key was installed now."""
    if data_dir is None:
        return False
    found = privacy.load_key(data_dir)
    if found is not None and found[2] == "hq":
        return False
    answer = client.request("GET", "/sync/lookup-key")
    try:
        key_id, key = str(answer["key_id"]), signing.unb64(str(answer["key"]))
    except (KeyError, ValueError, TypeError):
        raise TransientError("bad_answer", "HQ's look-up key answer is malformed") from None
    if len(key) != 32:
        raise TransientError("bad_answer", "HQ's look-up key is not 32 bytes")
    with uow_factory() as uow:
        rehashed = privacy.rehash_full_profiles(uow.sync.conn, key)
        privacy.save_key(data_dir, key_id, key, "hq")  # before COMMIT: a failed write leaves the old hashes
        ctx.lookup_key = key
        uow.commit()
    log.info("took the chain's look-up key %s from HQ (%d members hashed again)", key_id, rehashed)
    return True


def settle(uow_factory: Callable, ctx: ServiceContext) -> dict:
    with uow_factory() as uow:
        done = privacy.settle(uow.sync.conn, ctx.lookup_key)
        uow.commit()
        engine = uow.sync.conn.engine
    if done["members_reduced"] or done["events_scrubbed"]:
        privacy.checkpoint(engine)
    return done


def after_pull(uow_factory: Callable, changed: bool) -> None:
    """What the feed rewrote (an erased member's rows) leaves no old copy in the WAL."""
    if changed:
        with uow_factory(read_only=True) as uow:
            engine = uow.sync.conn.engine
        privacy.checkpoint(engine)
