"""`pos-hq`: run the server and administer HQ. JSON on stdout; errors as JSON on stderr."""

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from hq.cli import member as privacy_cli
from hq.cli import program as program_cli
from hq.services import admin, consents, day_caps, expiry, held, lookup, referrals, review
from hq.services.operators import accounts, roles
from hq.services.operators.roles import ADMIN, Operator
from hq.services.reports import queries
from hq.storage import db, feed, migrate
from hq.storage import rules as published
from loyalty_core.errors import DomainError

EXIT_ERROR, EXIT_USAGE = 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print plain text and exit
        raise UsageError(message)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _day(text: str | None) -> dt.date:
    if not text:
        return _now().astimezone().date()
    try:
        return dt.datetime.fromisoformat(text).date() if "T" in text else dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError("invalid_date", f"Not an ISO date: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="pos-hq", description=__doc__)
    p.add_argument(
        "--db", default=os.environ.get("POS_HQ_DB"), help="SQLAlchemy URL (default: SQLite in the user data dir)"
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--workers", type=int, default=1, help="worker processes (more than 1 needs PostgreSQL)")
    serve.add_argument("--ssl-certfile", help="serve HTTPS: the certificate chain (PEM)")
    serve.add_argument("--ssl-keyfile", help="the certificate's private key (PEM, owner-only)")
    sub.add_parser("migrate", help="bring the database schema up to date")
    _store_commands(sub.add_parser("store", help="stores").add_subparsers(dest="action", required=True))
    _terminal_commands(sub.add_parser("terminal", help="terminal tokens").add_subparsers(dest="action", required=True))
    _channel_commands(
        sub.add_parser("channel", help="online channel tokens").add_subparsers(dest="action", required=True)
    )
    member = sub.add_parser("member", help="members").add_subparsers(dest="action", required=True)
    member.add_parser("show", help="authoritative view of a member").add_argument("query", help="member code or phone")
    _privacy_commands(member)
    sub.add_parser("expire", help="expire due lots (idempotent)").add_argument("--at", help="ISO date (default today)")
    tiers = sub.add_parser("tiers", help="tiers").add_subparsers(dest="action", required=True)
    tiers.add_parser("review", help="yearly tier review").add_argument("--at", help="ISO date (default today)")
    rules = sub.add_parser("rules", help="the loyalty program").add_subparsers(dest="action", required=True)
    rules.add_parser("publish", help="publish a rule set FILE, or else the draft, as a new version").add_argument(
        "file", type=Path, nargs="?")  # fmt: skip
    rules.add_parser("show", help="the current rule set")
    _program_commands(rules)
    _review_commands(
        sub.add_parser("review", help="held adjustments").add_subparsers(dest="action", required=True)
    )
    privacy_cli.add_commands(sub)
    feed_cmd = sub.add_parser("feed", help="the change feed").add_subparsers(dest="action", required=True)
    feed_cmd.add_parser("prune", help="drop rows up to SEQ (tills behind it refetch)").add_argument("below", type=int)
    _user_commands(sub.add_parser("user", help="console operators").add_subparsers(dest="action", required=True))
    _report_commands(sub.add_parser("report", help="chain reports").add_subparsers(dest="action", required=True))
    sub.add_parser("rollup", help="bring the report rollups up to date (incremental)")
    risk = sub.add_parser("risk", help="fraud-farming rules").add_subparsers(dest="action", required=True)
    risk.add_parser("release-referrals", help="book the referral bonuses that cleared the return window (daily)"
                    ).add_argument("--at", help="ISO date (default HQ's business day today)")  # fmt: skip
    return p


def _privacy_commands(member) -> None:
    privacy_cli.add_member_commands(member)


def _user_commands(sub) -> None:
    add = sub.add_parser("add", help="add an operator (password read from standard input)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=roles.ROLES)
    add.add_argument("--store", help="the store of a store manager")
    add.add_argument("--password-stdin", action="store_true", required=True, help="read the password from stdin")
    sub.add_parser("list", help="list operators")
    sub.add_parser("disable", help="disable an operator and end their sessions").add_argument("username")
    sub.add_parser("token", help="issue a report token for BI tools (printed once)").add_argument("username")


def _report_commands(sub) -> None:
    summary = sub.add_parser("summary", help="the chain summary as JSON")
    summary.add_argument("--from", dest="start", required=True, help="first business day, YYYY-MM-DD")
    summary.add_argument("--to", dest="end", required=True, help="last business day, YYYY-MM-DD")
    summary.add_argument("--store", help="one store only")
    sub.add_parser("rfm", help="RFM segments as JSON").add_argument("--at", help="YYYY-MM-DD (default today)")


def _store_commands(sub) -> None:
    add = sub.add_parser("add", help="add a store")
    add.add_argument("store_id")
    add.add_argument("--name", required=True)
    add.add_argument("--country", default="TW", help="TW, CN or HK: how its tills' phone numbers are read")
    add.add_argument("--public-key", help="base64url Ed25519 public key for QR/coupon signatures; "
                     "give it as --public-key=KEY (a key may begin with '-')")
    add.add_argument("--key-id")
    sub.add_parser("list", help="list stores")


def _review_commands(sub) -> None:
    listing = sub.add_parser("list", help="adjustments held for review")
    listing.add_argument("--all", action="store_true", help="decided ones too")
    for action in ("approve", "reject"):
        cmd = sub.add_parser(action, help=f"{action} a held adjustment")
        cmd.add_argument("review_id", type=int)
        cmd.add_argument("--operator", default=_operator(), help="who decides (default: the login name)")
        if action == "reject":
            cmd.add_argument("--reason", required=True)


def _program_commands(rules) -> None:
    """The console's program steps (hq.services.program), audited under --operator as an administrator."""
    rules.add_parser("draft", help="save tiers and promotions (JSON file) as the draft").add_argument("file", type=Path)
    rules.add_parser("diff", help="the draft against the version in force")
    rules.add_parser("simulate", help="the draft on the last 30 days of sales")
    rules.add_parser("rollback", help="publish the previous version's content as a new version")
    for name, cmd in rules.choices.items():
        if name not in ("show",):
            cmd.add_argument("--operator", default=_operator(), help="who does it, in the audit log")


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"


def _terminal_commands(sub) -> None:
    sub.add_parser("list", help="terminals with last contact and clock skew")
    rotate = sub.add_parser("rotate-key", help="revoke a terminal's signing key; it may register one new key")
    rotate.add_argument("store_id")
    rotate.add_argument("terminal_id")
    for action in ("add", "revoke"):
        cmd = sub.add_parser(
            action, help=f"{action} a terminal" + (" (prints its token once)" if action == "add" else "")
        )
        cmd.add_argument("store_id")
        cmd.add_argument("terminal_id")
        if action == "add":
            cmd.add_argument("--rotate", action="store_true", help="issue a new token for an existing terminal")


def _channel_commands(sub) -> None:
    add = sub.add_parser("add", help="add an online channel (prints its token once)")
    add.add_argument("name")
    add.add_argument("--rotate", action="store_true", help="issue a new token for an existing channel")
    sub.add_parser("revoke", help="revoke a channel").add_argument("name")


def _store(engine, args) -> dict:
    if args.action == "list":
        with db.read(engine) as conn:
            return {"stores": admin.list_stores(conn)}
    if bool(args.public_key) != bool(args.key_id):
        raise DomainError("invalid_key", "--public-key and --key-id go together")

    def work(conn):
        out = admin.add_store(conn, args.store_id, args.name, _now(), args.country)
        if args.public_key:
            out["key"] = admin.register_key(conn, args.store_id, args.key_id, args.public_key, _now())
        return out

    return db.write(engine, work)


def _terminal(engine, args) -> dict:
    if args.action == "list":
        with db.read(engine) as conn:
            return {"terminals": admin.list_terminals(conn)}
    if args.action == "add":
        return db.write(engine, lambda c: admin.add_terminal(c, args.store_id, args.terminal_id, _now(), args.rotate))
    if args.action == "rotate-key":
        return db.write(engine, lambda c: admin.rotate_key(c, args.store_id, args.terminal_id, _now()))
    return db.write(engine, lambda c: admin.revoke_terminal(c, args.store_id, args.terminal_id, _now()))


def _channel(engine, args) -> dict:
    if args.action == "add":
        return db.write(engine, lambda c: admin.add_channel(c, args.name, _now(), args.rotate))
    return db.write(engine, lambda c: admin.revoke_channel(c, args.name, _now()))


def _member(engine, args) -> dict:
    if args.action != "show":
        return privacy_cli.run(engine, args, _now())
    with db.read(engine) as conn:
        view = lookup.show(conn, args.query, _day(None))
        if view is not None:
            view["consents"] = consents.history(conn, view["member_code"])
    if view is None:
        raise DomainError("unknown_member", f"No member {args.query!r}")
    return view


def _rules(engine, args) -> dict:
    if args.action == "show":
        with db.read(engine) as conn:
            return published.current_document(conn)
    if args.action != "publish" or args.file is None:
        return program_cli.run(engine, args.action, Operator(args.operator[:40], ADMIN), _now(),
                               getattr(args, "file", None))  # fmt: skip
    try:
        document = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DomainError("invalid_rules", f"Cannot read {args.file}: {exc}") from None
    parsed = db.write(engine, lambda conn: published.publish(conn, document, _now()))
    return {"published": parsed.version}


def _review(engine, args) -> dict:
    if args.action == "list":
        with db.read(engine) as conn:
            return {"held": held.list_held(conn, None if args.all else held.HELD)}
    if args.action == "approve":
        return db.write(engine, lambda conn: held.approve(conn, args.review_id, args.operator, _now()))
    return db.write(engine, lambda conn: held.reject(conn, args.review_id, args.operator, args.reason, _now()))


def _feed(engine, args) -> dict:
    return {"deleted": db.write(engine, lambda conn: feed.prune(conn, args.below))}


def _user(engine, args) -> dict:
    if args.action == "add":
        password = sys.stdin.readline().rstrip("\r\n")  # never on the command line
        return db.write(engine, lambda c: accounts.add(c, args.username, args.role, password, _now(), args.store))
    if args.action == "list":
        with db.read(engine) as conn:
            return {"users": accounts.listing(conn)}
    if args.action == "disable":
        return db.write(engine, lambda c: accounts.disable(c, args.username, _now()))
    return db.write(engine, lambda c: accounts.issue_report_token(c, args.username, _now()))


def _report(engine, args) -> dict:
    if args.action == "summary":
        return queries.summary(engine, _now(), args.start, args.end, args.store)
    return queries.rfm(engine, _now(), args.at)


COMMANDS: dict[str, Callable] = {
    "store": _store,
    "terminal": _terminal,
    "channel": _channel,
    "member": _member,
    "expire": lambda engine, args: expiry.expire(engine, _day(args.at), _now()),
    "tiers": lambda engine, args: review.review(engine, _day(args.at), _now()),
    "rules": _rules,
    "feed": _feed,
    "review": _review,
    "migrate": lambda engine, args: {"migrated": True},
    "audit": lambda engine, args: privacy_cli.run_audit(engine, args, _now()),
    "retention": lambda engine, args: privacy_cli.run_retention(engine, args, _at(args.at)),
    "user": _user,
    "report": _report,
    "rollup": lambda engine, args: queries.rollup_now(engine, _now()),
    "risk": lambda engine, args: _release_referrals(engine, args.at),
}


def _release_referrals(engine, at: str | None) -> dict:
    """On HQ's business day (the chain's time zone) unless told otherwise: a till cannot move it."""
    now = _now()
    if at:
        return referrals.release(engine, _day(at), now)
    with db.read(engine) as conn:
        day = day_caps.hq_day(conn, now)
    return referrals.release(engine, day, now)


def _at(text: str | None) -> dt.datetime:
    """HQ's clock for a job: noon UTC of --at, or now."""
    return dt.datetime.combine(_day(text), dt.time(12), dt.UTC) if text else _now()


def _serve(url: str, args) -> int:
    import uvicorn

    from hq.app import create_app

    tls = {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile} if args.ssl_certfile else {}
    if args.workers > 1:  # each worker process builds its own app from the URL
        migrate.upgrade(db.make_engine(url))
        os.environ["POS_HQ_DB"] = url
        uvicorn.run("hq.app:app_from_env", factory=True, host=args.host, port=args.port, workers=args.workers,
                    **tls)  # fmt: skip
    else:
        uvicorn.run(create_app(url), host=args.host, port=args.port, log_level="info", **tls)
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        url = args.db or db.default_url()
        if args.command == "serve":
            return _serve(url, args)
        engine = db.make_engine(url)
        try:
            migrate.upgrade(engine)
            result = COMMANDS[args.command](engine, args)
        finally:
            engine.dispose()
    except UsageError as exc:
        return _fail("usage", str(exc), EXIT_USAGE)
    except DomainError as exc:
        return _fail(exc.code, exc.message, EXIT_ERROR)
    except Exception as exc:  # a CLI must still answer in JSON (database down, bad URL...)
        return _fail("internal", f"{type(exc).__name__}: {exc}", EXIT_ERROR)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def _fail(code: str, message: str, status: int) -> int:
    print(json.dumps({"error": code, "message": message}, ensure_ascii=False), file=sys.stderr)
    return status
