"""How the checkout finds a member from what was scanned or typed: a card, a phone or a name."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from loyalty_core import qr
from loyalty_core.errors import DomainError
from loyalty_core.phones import looks_like_phone

from ...services import BY_CARD, BY_CODE, BY_PHONE, MemberView
from ..errors import error_text, message_for
from ..ops import Op
from ..session import Session
from ..widgets.common import MessageBar
from ..widgets.lookup_bar import LookupBar

_MEMBER_ERRORS = ("member_not_found", "invalid_qr")  # "not a member": the scan was not for us


def identified_by(text: str) -> str:
    """The card's signed QR text (scanned, or pasted in any box) is the card; anything typed is not."""
    text = text.strip()
    if qr.looks_like_qr(text):
        return BY_CARD
    return BY_CODE if qr.is_member_code(text.upper()) else BY_PHONE if looks_like_phone(text) else BY_CODE


class MemberFinder(QObject):
    """Looks members up on the database worker; `found(MemberView)` when one is chosen. Errors go
    to the screen's message bar; several matches for a name are offered in the lookup bar."""

    found = Signal(object, str)  # MemberView, how it was identified (BY_CARD / BY_PHONE / BY_CODE)

    def __init__(self, session: Session, lookup: LookupBar, message: MessageBar, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        self.lookup = lookup
        self.message = message

    def by_code(self, text: str, *, scanned: bool) -> None:
        """A card, a member code or a phone; `scanned`: a scan not for us says "not a code"."""
        if not self.session.ready:
            self.message.show_error(message_for("not_ready"))
            return
        pos = self.session.pos

        way = identified_by(text)

        def found(member: MemberView) -> None:
            if not scanned:
                self.lookup.edit.clear()
            self.found.emit(member, way)

        def refused(exc: BaseException) -> None:
            if scanned and isinstance(exc, DomainError) and exc.code in _MEMBER_ERRORS:
                self.message.show_error(message_for("not_a_code", text=text[:40]))
            else:
                self.message.show_error(error_text(exc))

        op = Op(lambda: pos.find_member(text), key="find-member", parent=self)
        self.session.run(op.success(found).failure(refused))

    def by_name(self, text: str) -> None:
        if not self.session.ready:
            return
        pos = self.session.pos

        def found(members: list[MemberView]) -> None:
            if not members:
                self.message.show_error(message_for("member_not_found"))
            elif len(members) == 1:
                self.lookup.edit.clear()
                self.found.emit(members[0], BY_CODE)
            else:
                self.lookup.show_results(members, lambda m: f"{m.name} · {m.masked_phone} · {m.member_code}")

        op = Op(lambda: pos.search_members(text, 20), key="find-member", parent=self)
        self.session.run(op.success(found).failure(lambda exc: self.message.show_error(error_text(exc))))
