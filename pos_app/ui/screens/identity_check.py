"""The checkout's one-time code: when the service stopped a typed identification's points at the rules'
threshold, the box under the points asks for the card or a code; this sends the code and verifies what the
cashier typed, on the worker thread (HQ answers there, never on the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ...services import IDENTITY_CLAMPED, ClampedQuote, CodeSent
from ..errors import error_text
from ..i18n import translate
from ..ops import Op
from ..sale import SaleModel
from ..session import Session
from ..widgets.common import MessageBar
from ..widgets.redeem_identity import RedeemIdentityBox


class IdentityCheck(QObject):
    def __init__(self, session: Session, sale: SaleModel, box: RedeemIdentityBox, message: MessageBar,
                 parent: QObject) -> None:  # fmt: skip
        super().__init__(parent)
        self.session, self.sale, self.box, self.message = session, sale, box, message
        self.pending: str | None = None  # the otp_id of the code HQ sent, until it is verified
        self.member_code: str | None = None
        box.send_requested.connect(self.send)
        box.code_entered.connect(self.verify)
        sale.member_changed.connect(self._member_changed)

    def quoted(self, result: ClampedQuote) -> None:
        """Shows the box when the points stopped at the threshold; hides it once card or code allows any."""
        if result.clamped == IDENTITY_CLAMPED and result.identity_limit is not None:
            self.sale.identity_asked = max(self.sale.identity_asked, result.asked)
            self.box.show_need(result.identity_limit)
        elif result.identity_limit is None:
            self.box.reset()

    def set_offline(self, offline: bool) -> None:
        self.box.set_offline(offline)

    def send(self) -> None:
        member = self.sale.member
        if member is None or not self.session.ready:
            return
        pos, code = self.session.pos, member.member_code

        def sent(answer: CodeSent) -> None:
            if self.sale.member is not None and self.sale.member.member_code == code:
                self.pending = answer.otp_id
                self.box.code_sent(answer.to_masked)

        op = Op(lambda: pos.send_redeem_code(code), key="redeem-code", parent=self)
        self.session.run(op.success(sent).failure(lambda exc: self.message.show_error(error_text(exc))))

    def verify(self, typed: str) -> None:
        member, otp_id = self.sale.member, self.pending
        if member is None or otp_id is None or not self.session.ready:
            return
        pos, code = self.session.pos, member.member_code

        def verified(proof: str) -> None:
            if self.sale.member is not None and self.sale.member.member_code == code:
                self.pending = None
                self.box.reset()
                self.message.show_info(translate("Checkout", "Code confirmed: the member may redeem the points."))
                self.sale.prove_with_code(proof)

        op = Op(lambda: pos.verify_redeem_code(code, otp_id, typed), key="redeem-code", parent=self)
        self.session.run(op.success(verified).failure(lambda exc: self.message.show_error(error_text(exc))))

    def _member_changed(self) -> None:
        """Another member (or a new sale): no code, no box. The same one refreshed or scanned keeps them."""
        code = self.sale.member.member_code if self.sale.member is not None else None
        if code != self.member_code:
            self.member_code, self.pending = code, None
            self.box.reset()
