"""Camera frames injected as images of generated QR codes, through the same path a webcam's frames take."""

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.ui.camera import CameraScanner, decode_image
from tests.ui.ui_helpers import camera_frame, idle, logged_in


def enroll(services):
    return services.pos.enroll(phone="0912345678", name="Alice Chen", consent_terms=True)


def show_frame(qtbot, shell, frame) -> None:
    camera = shell.camera
    qtbot.waitUntil(lambda: not camera.busy, timeout=5000)
    assert camera.feed(frame)
    qtbot.waitUntil(lambda: not camera.busy, timeout=5000)
    idle(qtbot, shell)


@pytest.mark.parametrize(
    "how",
    [
        {},
        {"angle": 30},
        {"angle": 90},
        {"angle": 200},
        {"scale": 0.3},  # a phone held far away
        {"blur": 2.5},  # out of focus
        {"angle": 15, "blur": 1.5, "scale": 0.6},
    ],
    ids=["straight", "rotated-30", "rotated-90", "upside-down", "small", "blurred", "small-turned-blurred"],
)
def test_a_member_card_shown_to_the_camera_identifies_the_member(qtbot, shell, services, how):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    show_frame(qtbot, shell, camera_frame(member.qr_payload, **how))
    assert checkout.sale.member is not None and checkout.sale.member.member_code == member.member_code


def test_a_qr_code_that_is_not_a_member_card_changes_nothing(qtbot, shell, services):
    checkout = logged_in(qtbot, shell)
    show_frame(qtbot, shell, camera_frame("https://example.com/some-menu"))
    assert checkout.sale.member is None
    assert "Not a member card, product or receipt" in checkout.message.text()


def test_a_forged_member_qr_at_the_camera_is_refused(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    head, signature = member.qr_payload.rsplit(".", 1)
    forged = head + "." + ("A" if signature[0] != "A" else "B") + signature[1:]
    show_frame(qtbot, shell, camera_frame(forged))
    assert checkout.sale.member is None
    assert "signature is not valid" in checkout.message.text()


def test_a_product_barcode_at_the_camera_goes_into_the_cart(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    show_frame(qtbot, shell, camera_frame(member.member_code))
    shell.camera.forget_last()
    show_frame(qtbot, shell, camera_frame("4710000000017"))
    assert [i.sku for i in checkout.sale.items] == ["TEA-500"]


def test_the_same_card_held_in_front_of_the_camera_is_read_once(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    seen = []
    shell.camera.scanned.connect(seen.append)
    frame = camera_frame(member.qr_payload)
    for _ in range(3):
        show_frame(qtbot, shell, frame)
    assert seen == [member.qr_payload]
    assert checkout.sale.member.member_code == member.member_code


def test_frames_arriving_while_the_decoder_is_busy_are_dropped_not_queued(qtbot, shell):
    logged_in(qtbot, shell)
    frame = camera_frame("nothing to see")
    accepted = [shell.camera.feed(frame) for _ in range(20)]
    assert accepted[0] is True and accepted.count(True) == 1
    qtbot.waitUntil(lambda: not shell.camera.busy, timeout=5000)


def test_blank_frames_decode_to_nothing():
    QApplication.instance()
    assert decode_image(camera_frame("x").copy(0, 0, 50, 50)) == []


def test_without_a_camera_the_cashier_gets_a_clear_message(qtbot, shell):
    if CameraScanner.cameras():
        pytest.skip("this machine has a camera")
    checkout = logged_in(qtbot, shell)
    checkout.buttons["camera"].click()
    assert "No camera found" in checkout.message.text()
    assert not checkout.buttons["camera"].isChecked()
