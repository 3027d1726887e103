"""The real till window on an X display, for test_real_window.py (started as a child process).

    python tests/e2e/till_window.py DATA_DIR NOW_ISO STATE_JSON LANGUAGE

`NOW_ISO` is the test's clock (the `clock` fixture): the till's clock stands still at it. Every
100 ms the window's state is written to STATE_JSON (screen, focus, the sale, and where the widgets
the test clicks are on the screen) so the test can wait for it; it changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path


def _rect(widget) -> list[int] | None:
    if widget is None or not widget.isVisible():
        return None
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def _state(shell) -> dict:
    from PySide6.QtWidgets import QApplication, QLineEdit

    window = shell.window
    modal = QApplication.activeModalWidget()
    focus = QApplication.focusWidget()
    out: dict = {"screen": window.current_name(), "ready": shell.session.ready,
                 "cashier": shell.session.cashier_id,
                 "print_idle": shell.session.print_runner.is_idle(), "modal": type(modal).__name__ if modal else None,
                 "focus": type(focus).__name__ if focus else None, "rects": {}}  # fmt: skip
    rects = out["rects"]
    checkout = window.screens.get("checkout")
    if checkout is not None:
        sale = checkout.sale
        out["sale"] = {
            "member": sale.member.member_code if sale.member else None,
            "items": [[i.sku, i.qty] for i in sale.items],
            "redeem": sale.quote.points_redeemed if sale.quote else None,
            "confirmed": sale.receipt.receipt_no if sale.receipt else None,
            "tender": sale.receipt.tender if sale.receipt else None,
            "message": checkout.message.text(),
            "receipt_message": checkout.receipt_view.message.text(),
            "printed": checkout.receipt_view.drawer_opened,  # set by the first successful print of this sale
        }
        rects.update(product=_rect(checkout.entry.code_edit), points=_rect(checkout.totals.redeem_spin),
                     lookup=_rect(checkout.lookup.edit), qty=_rect(checkout.cart.cellWidget(0, checkout.cart.COL_QTY)))
    returns = window.screens.get("returns")
    if returns is not None:
        out["returns"] = {"loaded": returns.record.receipt.receipt_no if returns.record else None,
                          "done": returns.stack.currentIndex() == 2, "message": returns.message.text()}  # fmt: skip
        out["returns"]["refund"] = returns.preview.refund_cents if returns.preview else None
        rects["receipt_no"] = _rect(returns.receipt_edit)
        rects["return_all"] = _rect(returns.all_button)
    if modal is not None:
        rects["modal"] = _rect(modal)
        rects["print_file"] = _rect(modal.findChild(QLineEdit, "filename"))
    rects["window"] = _rect(window)
    return out


def main(argv: list[str]) -> int:
    data_dir, now_iso, state_path, language = argv
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos_app.__main__ import build, start_demo
    from pos_app.ui.app import Shell

    app = QApplication(["pos-app"])
    now = dt.datetime.fromisoformat(now_iso)
    shell = Shell(Path(data_dir), language=language, clock=lambda: now, start_sync=False, build=build,
                  start_demo=start_demo)
    shell.start()
    shell.window.move(0, 0)
    shell.window.resize(1366, 740)
    state_file = Path(state_path)

    def report() -> None:
        tmp = state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(_state(shell), ensure_ascii=False), encoding="utf-8")
        tmp.replace(state_file)

    timer = QTimer()
    timer.timeout.connect(report)
    timer.start(100)
    code = app.exec()
    shell.shutdown()
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
