"""Small pieces of the checkout screen that need none of its state: layout helpers, the words for
points the service brought into range, and the "throw the cart away?" question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from loyalty_core import redemption

from ...services import IDENTITY_CLAMPED, ClampedQuote
from .. import fmt
from ..i18n import QT_TRANSLATE_NOOP, translate

NEEDS_PROOF = QT_TRANSLATE_NOOP("Checkout", "{asked} points needs the member's card or a one-time code: {points} points used for now.")
Item = QWidget | tuple[QWidget, int]  # a widget, or (widget, stretch)


def column(*items: Item) -> QVBoxLayout:
    layout = QVBoxLayout()
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        layout.addWidget(widget, stretch)
    return layout


def page(*items: Item) -> QWidget:
    """A column on a widget of its own, without margins (a page of a QStackedWidget)."""
    widget = QWidget()
    layout = column(*items)
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


def clamp_text(result: ClampedQuote) -> str:
    """Why the points box now shows other points than were typed (the service decided how many)."""
    taken = result.quote.points_redeemed
    if result.clamped == IDENTITY_CLAMPED:
        return translate("Checkout", NEEDS_PROOF).format(asked=fmt.points(result.asked), points=fmt.points(taken))
    if result.clamped == redemption.OVER_MAX:
        return translate("Checkout", "{asked} points is more than this sale takes: {points} points used.").format(
            asked=fmt.points(result.asked), points=fmt.points(taken))  # fmt: skip
    return translate("Checkout", "Points are used in steps of {step}: {asked} became {points}.").format(
        step=fmt.number(result.step), asked=fmt.points(result.asked), points=fmt.points(taken))  # fmt: skip


def ask_to_discard_cart(parent: QWidget, lines: int, answered: Callable[[bool], None]) -> QMessageBox:
    """F2 with a cart not confirmed: `answered(True)` to throw it away, `answered(False)` to keep it."""
    box = QMessageBox(parent)
    box.setObjectName("newSaleQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Checkout", "Start a new sale?"))
    box.setText(translate("Checkout", "The cart has {n} lines that are not confirmed. Throw them away?").format(
        n=fmt.number(lines)))  # fmt: skip
    discard = box.addButton(translate("Checkout", "Throw the cart away"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("Checkout", "Keep the cart"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.buttonClicked.connect(lambda button: answered(button is discard))
    box.open()
    return box
