"""First run against an HQ behind a private CA: the person picks the CA file in the real file
dialog, the till keeps it, and its first sync goes over HTTPS with the certificate checked."""

from PySide6.QtWidgets import QApplication, QFileDialog

from pos_app import config
from pos_app.ui.dialogs import Dialogs
from tests.support.hq_server import HqServer
from tests.sync.tls_helpers import make_ca, make_server_cert
from tests.ui.ui_helpers import WAIT, idle


def an_hq_behind_a_private_ca(tmp_path, clock):
    ca, ca_key, ca_cert = make_ca(tmp_path, "chain-ca")
    cert, key = make_server_cert(tmp_path, ca_key, ca_cert)
    hq = HqServer(f"sqlite:///{tmp_path / 'hq.sqlite3'}", clock=clock.utc_clock(), tls=(cert, key)).start()
    hq.add_store("S001")
    return hq, hq.add_terminal("S001", "T01"), ca


def fill_in(screen, hq_url: str, token: str) -> None:
    for key, text in (("store_id", "S001"), ("terminal_id", "T01"), ("hq_url", hq_url), ("token", token),
                      ("supervisor_id", "7001"), ("supervisor_name", "Lin"), ("pin", "2468")):  # fmt: skip
        screen.fields[key].setText(text)


def pick_in_the_file_dialog(qtbot, path) -> None:
    qtbot.waitUntil(lambda: any(isinstance(w, QFileDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=WAIT)  # fmt: skip
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
    dialog.selectFile(str(path))
    dialog.accept()


def test_the_ca_chosen_at_first_run_is_kept_and_the_first_sync_checks_hqs_certificate(qtbot, open_shell, tmp_path, clock):
    hq, token, ca = an_hq_behind_a_private_ca(tmp_path, clock)
    data_dir = tmp_path / "fresh"
    sh = open_shell(data_dir, clock, Dialogs())
    try:
        screen = sh.window.screen_named("first_run")
        fill_in(screen, hq.url, token)
        screen.ca_button.click()
        pick_in_the_file_dialog(qtbot, ca)
        assert screen.ca_bundle.text() == str(ca)

        screen.setup_button.click()
        qtbot.waitUntil(lambda: sh.session.ready, timeout=WAIT)
        idle(qtbot, sh)

        assert config.ca_bundle_path(data_dir).read_bytes() == ca.read_bytes()
        qtbot.waitUntil(lambda: sh.services.sync.status()["last_success"] is not None, timeout=WAIT)
        assert sh.services.sync.status()["hq_url"].startswith("https://127.0.0.1:")
    finally:
        hq.close()


def test_a_file_that_is_not_a_certificate_is_refused_in_plain_words_and_nothing_is_set_up(qtbot, open_shell, tmp_path, clock):
    hq, token, _ = an_hq_behind_a_private_ca(tmp_path, clock)
    not_a_ca = tmp_path / "notes.pem"
    not_a_ca.write_text("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n")
    data_dir = tmp_path / "fresh"
    sh = open_shell(data_dir, clock, Dialogs())
    try:
        screen = sh.window.screen_named("first_run")
        fill_in(screen, hq.url, token)
        screen.ca_bundle.setText(str(tmp_path / "missing.pem"))
        screen.setup_button.click()
        assert "no file" in screen.message.text()

        screen.ca_bundle.setText(str(not_a_ca))
        screen.setup_button.click()
        qtbot.waitUntil(lambda: "CA certificates" in screen.message.text(), timeout=WAIT)
        assert not config.is_initialized(data_dir)
    finally:
        hq.close()
