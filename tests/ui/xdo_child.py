"""The real till window on an X display (Xvfb), for a test that types into it with xdotool.

    DISPLAY=:N python xdo_child.py DATA_DIR STATE_FILE NOW_ISO

Logs the cashier in, then every 50 ms writes what a cashier would see to STATE_FILE as JSON
(the focused field, the product field's text, the cart, the member) until killed.
"""

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos_app.__main__ import build, start_demo
from pos_app.ui.app import Shell


def main() -> int:
    data_dir, state_file, now = Path(sys.argv[1]), Path(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3])
    qt = QApplication(sys.argv[:1])
    shell = Shell(data_dir, language="en", clock=lambda: now, start_sync=False, build=build, start_demo=start_demo)
    shell.scanner.set_max_gap(150)  # a test machine under load; xdotool types every 5 ms
    shell.start()

    def log_in() -> None:
        if not shell.session.ready:
            QTimer.singleShot(50, log_in)
            return
        login = shell.window.screen_named("login")
        login.id_edit.setText("1001")
        login.pin_edit.setText("1234")
        login.pin_edit.returnPressed.emit()

    def dump() -> None:
        checkout = shell.window.screens.get("checkout")
        focus = QApplication.focusWidget()
        state = {"screen": shell.window.current_name(), "focus": focus.objectName() if focus else None}
        if checkout is not None:
            state.update(
                product_field=checkout.entry.code_edit.text(),
                lookup_field=checkout.lookup.edit.text(),
                cart=[[i.sku, i.qty] for i in checkout.sale.items],
                member=checkout.sale.member.member_code if checkout.sale.member else None,
                message=checkout.message.text(),
            )
        tmp = state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        tmp.replace(state_file)

    QTimer.singleShot(0, log_in)
    timer = QTimer()
    timer.timeout.connect(dump)
    timer.start(50)
    shell.window.activateWindow()
    return qt.exec()


if __name__ == "__main__":
    sys.exit(main())
