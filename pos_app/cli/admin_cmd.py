"""pos-app init | adjust | report day | outbox | cashier add/unlock | audit

PINs are read from standard input (`--pin-stdin`), never taken as an argument.
"""

from pathlib import Path

from loyalty_core.errors import DomainError

from .. import config
from .parsing import parse_date, parse_int, read_pin


def register(sub) -> None:
    init = sub.add_parser("init", help="set up this till")
    init.add_argument("--store", required=True)
    init.add_argument("--terminal", required=True)
    init.add_argument("--hq", help="HQ address, e.g. https://hq.example.com")
    init.add_argument("--token", help="the terminal token HQ printed for this till")
    init.add_argument("--country", default="TW", help="the store's country: TW, CN or HK (phones, currency)")
    init.add_argument("--ca-bundle", type=Path, help="PEM file of the CA(s) that signed HQ's certificate"
                      " (default: the system's certificate store)")  # fmt: skip
    init.set_defaults(handler=_init)

    adjust = sub.add_parser("adjust", help="supervisor points adjustment (audited)")
    adjust.add_argument("--member", required=True)
    adjust.add_argument("--points", required=True)
    adjust.add_argument("--reason", required=True, help="goodwill, correction, complaint, migration, fraud")
    adjust.add_argument("--supervisor", required=True)
    _pin_stdin(adjust, "the supervisor's PIN")
    adjust.set_defaults(handler=_adjust)

    report = sub.add_parser("report", help="reports")
    rsub = report.add_subparsers(dest="report_command", required=True)
    day = rsub.add_parser("day", help="the day's figures")
    day.add_argument("--date")
    day.set_defaults(handler=_report_day)

    outbox = sub.add_parser("outbox", help="events waiting for HQ (for support)")
    outbox.add_argument("--rejected", action="store_true", help="show events HQ rejected instead")
    outbox.set_defaults(handler=_outbox)

    cashier = sub.add_parser("cashier", help="cashier logins")
    csub = cashier.add_subparsers(dest="cashier_command", required=True)
    add = csub.add_parser("add", help="add a cashier (the PIN is read from standard input)")
    add.add_argument("cashier_id")
    add.add_argument("--name", required=True)
    add.add_argument("--role", default="cashier", choices=["cashier", "supervisor"])
    _pin_stdin(add, "the new cashier's PIN")
    add.set_defaults(handler=_cashier_add)
    unlock = csub.add_parser("unlock", help="a supervisor lifts a cashier's lockout")
    unlock.add_argument("cashier_id")
    unlock.add_argument("--supervisor", required=True)
    _pin_stdin(unlock, "the supervisor's PIN")
    unlock.set_defaults(handler=_cashier_unlock)

    audit = sub.add_parser("audit", help="the audit trail of overrides, newest first")
    audit.set_defaults(handler=_audit)


def _pin_stdin(parser, what: str) -> None:
    parser.add_argument("--pin-stdin", action="store_true", required=True,
                        help=f"read {what} from standard input (one line; not echoed at a terminal)")  # fmt: skip


def supervisor_approves(lazy, supervisor_id: str) -> str:
    """The supervisor's PIN from stdin, checked (and counted towards a lockout) before anything changes."""
    app = lazy.get()
    if app.cashiers.count() == 0:
        raise DomainError("no_supervisor", "This till has no supervisor yet: add one first (pos-app cashier add)")
    return app.cashiers.verify_supervisor(supervisor_id, read_pin()).cashier_id


def _init(args, lazy):
    cfg = config.init_terminal(lazy.data_dir, args.store, args.terminal, args.hq, args.token, country=args.country,
                               ca_bundle=args.ca_bundle)  # fmt: skip
    app = lazy.get()  # creates the database and registers our signing key
    return {"store_id": cfg.store_id, "terminal_id": cfg.terminal_id, "key_id": cfg.key_id,
            "hq_url": cfg.hq_url, "country": cfg.country, "data_dir": str(app.data_dir)}  # fmt: skip


def _adjust(args, lazy):
    points = parse_int(args.points, "points")
    supervisor = supervisor_approves(lazy, args.supervisor)
    return lazy.get().pos.adjust(args.member, points, args.reason, supervisor).to_dict()


def _report_day(args, lazy):
    return lazy.get().pos.day_summary(parse_date(args.date)).to_dict()


def _outbox(args, lazy):
    pos = lazy.get().pos
    if args.rejected:
        return {"rejected": pos.rejected_events()}
    return {**pos.outbox_status(), "events": pos.pending_events(), "awaiting_hq_approval_events": pos.held_events()}


def _cashier_add(args, lazy):
    c = lazy.get().cashiers.add(args.cashier_id, args.name, read_pin(), args.role, actor="cli")
    return {"cashier_id": c.cashier_id, "name": c.name, "role": c.role}


def _cashier_unlock(args, lazy):
    c = lazy.get().cashiers.unlock(args.cashier_id, args.supervisor, read_pin())
    return {"cashier_id": c.cashier_id, "unlocked": True}


def _audit(args, lazy):
    return lazy.get().pos.audit_trail()
