"""The member QR payload: signed, checked offline, anything else refused."""

import datetime as dt

import pytest

from loyalty_core import qr, signing
from loyalty_core.errors import DomainError

from .support import TUESDAY, refused, snapshot

STORE = signing.Signer.generate("S001-abc123")
RING = signing.KeyRing({STORE.key_id: STORE.public_bytes()})
CODE = "M23456789AB"
NOW = TUESDAY
STATIC = qr.static_payload(CODE, STORE)


def parse(text, now=NOW):
    return qr.parse(text, RING, now)


def refused_qr(text, now=NOW) -> str:
    with pytest.raises(DomainError) as info:
        parse(text, now)
    assert info.value.code in ("invalid_qr", "forged_qr", "expired_qr")
    return info.value.code


def test_a_static_card_names_its_member_and_key():
    assert STATIC.startswith(f"LOY1.{CODE}.{STORE.key_id}.")
    assert parse(STATIC) == qr.ScannedMember(CODE, STORE.key_id, dynamic=False)


def test_a_scanner_that_adds_spaces_or_a_newline_is_fine():
    assert parse(f"  {STATIC}\r\n").member_code == CODE


def test_an_altered_member_code_is_refused():
    altered = STATIC.replace(CODE, "M23456789AC", 1)
    assert refused_qr(altered) == "forged_qr"


def test_an_altered_key_id_is_refused():
    other = signing.Signer.generate("S002-def456")
    ring = signing.KeyRing({STORE.key_id: STORE.public_bytes(), other.key_id: other.public_bytes()})
    altered = STATIC.replace(STORE.key_id, other.key_id, 1)
    with pytest.raises(DomainError) as info:
        qr.parse(altered, ring, NOW)
    assert info.value.code == "forged_qr"
    assert refused_qr(STATIC.replace(STORE.key_id, "S001-abc124", 1)) == "forged_qr"


@pytest.mark.parametrize("cut", [1, 2, 10, 43, 86])
def test_a_truncated_payload_is_refused(cut):
    refused_qr(STATIC[:-cut])


def test_a_payload_missing_its_signature_part_is_refused():
    assert refused_qr(STATIC.rsplit(".", 1)[0]) == "invalid_qr"
    assert refused_qr(STATIC.rsplit(".", 1)[0] + ".") == "forged_qr"


@pytest.mark.parametrize(
    "garbage",
    ["", "hello", "LOY1", "LOY1....", "LOY3.M23456789AB.k.s", "LOY1.m23456789ab.k.s", "LOY1.M2345.k.s",
     "LOY1.M23456789AB.k.s.extra", "LOY2.M23456789AB.k.s", "https://evil.example/?LOY1.", "'; DROP TABLE members;--",
     "<script>alert(1)</script>", "LOY1." + "A" * 10_000, "\x00\x01\x02", "LOY1.M23456789AB.ключ.подпись"],
)  # fmt: skip
def test_garbage_is_refused_with_a_clear_code(garbage):
    assert refused_qr(garbage) in ("invalid_qr", "forged_qr")


def test_a_card_signed_by_an_unknown_key_is_refused():
    stranger = signing.Signer.generate("S999-000000")
    assert refused_qr(qr.static_payload(CODE, stranger)) == "forged_qr"


def test_a_forged_signature_is_refused():
    fake_sig = signing.b64(bytes(range(64)))
    assert refused_qr(f"LOY1.{CODE}.{STORE.key_id}.{fake_sig}") == "forged_qr"
    impostor = signing.Signer.generate(STORE.key_id)  # claims our key id
    assert refused_qr(qr.static_payload(CODE, impostor)) == "forged_qr"


def test_a_signature_for_another_member_does_not_fit_this_one():
    other_sig = qr.static_payload("M99999999ZZ", STORE).rsplit(".", 1)[1]
    assert refused_qr(f"LOY1.{CODE}.{STORE.key_id}.{other_sig}") == "forged_qr"


@pytest.mark.parametrize("suffix", ["!!!!", "====", "\x00\x00\x00\x00", "~~~~"])
def test_a_card_with_junk_appended_to_its_signature_is_refused(suffix):
    assert refused_qr(STATIC + suffix) == "forged_qr"


def test_a_card_with_a_non_canonical_signature_encoding_is_refused():
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    twin = STATIC[:-1] + alphabet[alphabet.index(STATIC[-1]) ^ 1]  # same bytes after decoding
    assert twin != STATIC
    assert refused_qr(twin) == "forged_qr"


def test_a_dynamic_code_is_valid_within_its_window():
    code = qr.dynamic_payload(CODE, STORE, NOW)
    assert code.startswith(f"LOY2.{CODE}.")
    assert parse(code) == qr.ScannedMember(CODE, STORE.key_id, dynamic=True)
    assert parse(code, NOW + dt.timedelta(minutes=qr.DYNAMIC_WINDOW_MINUTES)).dynamic


def test_a_dynamic_code_expires_after_its_window():
    code = qr.dynamic_payload(CODE, STORE, NOW)
    assert refused_qr(code, NOW + dt.timedelta(minutes=qr.DYNAMIC_WINDOW_MINUTES + 1)) == "expired_qr"
    assert refused_qr(code, NOW + dt.timedelta(hours=5)) == "expired_qr"
    assert refused_qr(code, NOW - dt.timedelta(minutes=qr.DYNAMIC_WINDOW_MINUTES + 1)) == "expired_qr"


def test_a_dynamic_code_with_an_altered_minute_is_refused():
    code = qr.dynamic_payload(CODE, STORE, NOW)
    parts = code.split(".")
    parts[2] = str(int(parts[2]) + 60)
    assert refused_qr(".".join(parts), NOW + dt.timedelta(hours=1)) == "forged_qr"


# --- through the till -------------------------------------------------------------------------


def test_the_till_finds_a_member_by_the_card_it_printed(pos, make_member):
    member = make_member()
    assert pos.find_member(member.qr_payload).member_code == member.member_code
    assert pos.card_payload(member.member_code) == member.qr_payload


def test_the_till_accepts_a_dynamic_code_only_within_its_window(app, pos, make_member, clock):
    member = make_member()
    code = qr.dynamic_payload(member.member_code, app.ctx.signer, clock())
    assert pos.find_member(code).member_code == member.member_code
    clock.advance(minutes=qr.DYNAMIC_WINDOW_MINUTES + 1)
    refused("expired_qr", pos.find_member, code)


def test_a_dynamic_code_from_a_trusted_hq_key_is_accepted(pos, make_member, hq_signer, clock):
    member = make_member()
    code = qr.dynamic_payload(member.member_code, hq_signer, clock())
    assert pos.find_member(code).member_code == member.member_code


def test_a_valid_card_for_a_member_this_till_does_not_know_is_not_found(app, pos):
    refused("member_not_found", pos.find_member, qr.static_payload(CODE, app.ctx.signer))


def test_a_forged_card_at_the_till_changes_nothing(app, pos, make_member):
    member = make_member()
    forged = qr.static_payload(member.member_code, signing.Signer.generate(app.ctx.signer.key_id))
    before = snapshot(app)
    refused("forged_qr", pos.find_member, forged)
    refused("forged_qr", pos.confirm_sale, forged, [])
    assert snapshot(app) == before
