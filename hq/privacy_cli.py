"""`pos-hq member consent | export | erase | stop`: the member's rights, served at HQ."""

import datetime as dt

from loyalty_core import consent
from loyalty_core.errors import DomainError

from . import consents, db


def add_member_commands(member) -> None:
    c = member.add_parser("consent", help="give or withdraw a member's marketing consent (reaches every till)")
    c.add_argument("code", help="member code")
    c.add_argument("--marketing", choices=("yes", "no"), required=True)
    c.add_argument("--by", required=True, help="who recorded it (operator id)")


def run(engine, args, now: dt.datetime) -> dict:
    if args.action == "consent":
        return db.write(engine, lambda conn: consents.set_marketing(
            conn, args.code, args.marketing == "yes", consent.HQ, "hq", args.by, now))  # fmt: skip
    raise DomainError("usage", f"Unknown member action {args.action!r}")
