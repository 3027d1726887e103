"""pos-app member enroll | show | ledger | search | edit"""

from loyalty_core.errors import DomainError


def register(sub) -> None:
    member = sub.add_parser("member", help="enroll and look up members")
    msub = member.add_subparsers(dest="member_command", required=True)

    enroll = msub.add_parser("enroll", help="enroll a new member")
    enroll.add_argument("--phone", required=True)
    enroll.add_argument("--name", required=True)
    enroll.add_argument("--birthday")
    enroll.add_argument("--consent-terms", action="store_true")
    enroll.add_argument("--consent-marketing", action="store_true")
    enroll.add_argument("--referrer")
    enroll.set_defaults(handler=_enroll)

    show = msub.add_parser("show", help="member by code, phone or scanned QR text")
    show.add_argument("query")
    show.set_defaults(handler=_show)

    ledger = msub.add_parser("ledger", help="the member's points history, newest first")
    ledger.add_argument("query")
    ledger.set_defaults(handler=_ledger)

    search = msub.add_parser("search", help="members whose name starts with PREFIX")
    search.add_argument("prefix")
    search.set_defaults(handler=_search)


def _enroll(args, lazy):
    if not args.consent_terms:
        raise DomainError("consent_required", "The member must accept the terms (--consent-terms)")
    view = lazy.get().pos.enroll(
        phone=args.phone,
        name=args.name,
        birthday=args.birthday,
        consent_terms=True,
        consent_marketing=args.consent_marketing,
        referrer=args.referrer,
        actor="cli",
    )
    return view.to_dict()


def _show(args, lazy):
    return lazy.get().pos.find_member(args.query).to_dict()


def _ledger(args, lazy):
    pos = lazy.get().pos
    member = pos.find_member(args.query)
    return {"member_code": member.member_code, "balance": member.balance, "entries": pos.ledger(args.query)}


def _search(args, lazy):
    return [m.to_dict() for m in lazy.get().pos.search_members(args.prefix)]
