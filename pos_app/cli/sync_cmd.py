"""pos-app sync now | status | reconcile | differences"""

from loyalty_core.errors import DomainError

from .parsing import parse_run


def register(sub) -> None:
    sync = sub.add_parser("sync", help="synchronise with HQ (push, pull, reconcile)")
    ssub = sync.add_subparsers(dest="sync_command", required=True)
    now = ssub.add_parser("now", help="push every waiting event, then pull until caught up")
    now.set_defaults(handler=_now)
    status = ssub.add_parser("status", help="online?, waiting and rejected events, last success and error")
    status.set_defaults(handler=_status)
    reconcile = ssub.add_parser("reconcile", help="compare balances with HQ; HQ wins; differences are recorded")
    reconcile.set_defaults(handler=_reconcile)
    diffs = ssub.add_parser("differences", help="differences reconciliation found and fixed, newest first")
    diffs.add_argument("--run", help="only this reconciliation run")
    diffs.set_defaults(handler=_differences)


def _engine(lazy):
    app = lazy.get()
    if app.sync is None:
        raise DomainError("no_hq", "This till has no HQ address (pos-app init --hq URL --token TOKEN)")
    return app.sync


def _failed(exc) -> DomainError:
    cause = getattr(exc, "cause", exc)
    code = getattr(cause, "code", "sync_failed")
    return DomainError("hq_unreachable" if code in ("unreachable", "timeout") else f"sync_{code}", str(cause))


def _now(args, lazy):
    from ..sync.engine import SyncError

    try:
        return _engine(lazy).run_once()
    except SyncError as exc:
        raise _failed(exc) from None


def _status(args, lazy):
    app = lazy.get()
    if app.sync is None:
        counts = app.pos.outbox_status()
        return {"configured": False, "online": None, "offline": False, **counts}
    return app.sync.status()


def _reconcile(args, lazy):
    from ..sync.engine import SyncError

    try:
        return _engine(lazy).reconcile_now()
    except SyncError as exc:
        raise _failed(exc) from None


def _differences(args, lazy):
    run = parse_run(args.run)  # before opening anything: 99999999999999999999 is no run id
    app = lazy.get()
    with app.uow(read_only=True) as uow:
        return {"runs": uow.sync.runs(10), "differences": uow.sync.differences(run)}
