"""pos-app member enroll | show | ledger | search | update"""

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

    update = msub.add_parser("update", help="correct a profile or give / withdraw marketing consent (audited)")
    update.add_argument("query", help="member code, phone or scanned QR text")
    update.add_argument("--name")
    update.add_argument("--phone")
    update.add_argument("--birthday", help="YYYY-MM-DD, or '' to remove it")
    update.add_argument("--consent-marketing", choices=("yes", "no"))
    update.add_argument("--actor", default="cli", help="who made the change (staff id), for the audit trail")
    update.set_defaults(handler=_update)

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


def _update(args, lazy):
    changes = {k: getattr(args, k) for k in ("name", "phone", "birthday") if getattr(args, k) is not None}
    if args.consent_marketing is not None:
        changes["consent_marketing"] = args.consent_marketing == "yes"
    if not changes:
        raise DomainError("nothing_to_change", "Give at least one of --name, --phone, --birthday, --consent-marketing")
    if changes.get("birthday") == "":
        changes["birthday"] = None
    pos = lazy.get().pos
    view = pos.update_member(args.query, changes, args.actor)
    return {**view.to_dict(), "consents": pos.consents(view.member_code)}


def _show(args, lazy):
    return lazy.get().pos.find_member(args.query).to_dict()


def _ledger(args, lazy):
    pos = lazy.get().pos
    member = pos.find_member(args.query)
    return {"member_code": member.member_code, "balance": member.balance, "entries": pos.ledger(args.query)}


def _search(args, lazy):
    return [m.to_dict() for m in lazy.get().pos.search_members(args.prefix)]
