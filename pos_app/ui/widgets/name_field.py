"""A member's name box: at most 60 characters, and it says so the moment the limit is reached."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QLineEdit

from loyalty_core.validation import MAX_NAME

from ..errors import message_for


class ShowsErrors(Protocol):
    """The enrollment form's field error or a screen's MessageBar."""

    def show_error(self, text: str) -> None: ...


def limit_name(edit: QLineEdit, where: Callable[[], ShowsErrors]) -> QLineEdit:
    """`where()` is the FieldError or MessageBar that shows the message (looked up late: it may be
    built after the box)."""
    edit.setMaxLength(MAX_NAME)

    def check(text: str) -> None:
        if len(text) >= MAX_NAME:
            shown = where()
            text = message_for("name_too_long", max=MAX_NAME)
            shown.show_error(text)

    edit.textEdited.connect(check)
    return edit
