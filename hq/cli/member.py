"""`pos-hq member consent | export | erase | stop`: the member's rights, served at HQ."""

import datetime as dt

from hq.services import audit_chain, consents, retention, rights
from hq.storage import db
from loyalty_core import consent
from loyalty_core.errors import DomainError


def add_commands(sub) -> None:
    """`pos-hq audit verify` and `pos-hq retention run`."""
    audit = sub.add_parser("audit", help="the tamper-evident audit log").add_subparsers(dest="action", required=True)
    audit.add_parser("verify", help="check the hash chain; reports the first broken link")
    retention = sub.add_parser("retention", help="deletion when the purpose ends").add_subparsers(
        dest="action", required=True)
    retention.add_parser("run", help="erase members inactive longer than the rules allow; prune the audit log") \
        .add_argument("--at", help="ISO date (default: today on HQ's clock)")


def run_audit(engine, args, now: dt.datetime) -> dict:
    with db.read(engine) as conn:
        return audit_chain.verify(conn)


def run_retention(engine, args, now: dt.datetime) -> dict:
    result = db.write(engine, lambda conn: retention.run(conn, now))
    if result["erased"]:
        rights.checkpoint(engine)
    return result


def add_member_commands(member) -> None:
    c = member.add_parser("consent", help="give or withdraw a member's marketing consent (reaches every till)")
    c.add_argument("code", help="member code")
    c.add_argument("--marketing", choices=("yes", "no"), required=True)
    c.add_argument("--by", required=True, help="who recorded it (operator id)")
    member.add_parser("export", help="everything HQ holds about a member, as JSON").add_argument("code")
    erase = member.add_parser("erase", help="anonymize a member at HQ and, at their next pull, on every till")
    erase.add_argument("code")
    erase.add_argument("--reason", required=True)
    stop = member.add_parser("stop", help="stop processing: no marketing, no earning")
    stop.add_argument("code")
    stop.add_argument("--reason", required=True)


def run(engine, args, now: dt.datetime) -> dict:
    if args.action == "consent":
        return db.write(engine, lambda conn: consents.set_marketing(
            conn, args.code, args.marketing == "yes", consent.HQ, "hq", args.by, now))  # fmt: skip
    if args.action == "export":
        return db.write(engine, lambda conn: rights.export(conn, args.code, now))
    if args.action == "erase":
        done = db.write(engine, lambda conn: rights.erase(conn, args.code, args.reason, now))
        rights.checkpoint(engine)  # no old copy in the WAL (SQLite) or in dead row versions (PostgreSQL)
        return done
    if args.action == "stop":
        return db.write(engine, lambda conn: rights.stop_processing(conn, args.code, args.reason, now))
    raise DomainError("usage", f"Unknown member action {args.action!r}")
