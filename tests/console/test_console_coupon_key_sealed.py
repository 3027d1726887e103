"""HQ's coupon signing key is sealed in the database with a key file kept outside it: a dump of the
database cannot mint coupons, coupons still verify at the tills, and a key written before sealing
existed is sealed on its next use."""

import datetime as dt
import os
from pathlib import Path

import pytest

from hq.storage import sealed
from loyalty_core import coupons, signing
from loyalty_core.errors import DomainError
from tests.console.test_console_campaigns import create, form


@pytest.fixture
def three(chain):
    return [chain.member("S001", name) for name in ("Ann Lee", "Bo Wu", "Cy Lin")]


def stored_key(chain) -> tuple[str, str, str]:
    return chain.scalar("SELECT key_id FROM hq_coupon_keys"), chain.scalar("SELECT private_key FROM hq_coupon_keys"), \
        chain.scalar("SELECT public_key FROM hq_coupon_keys")  # fmt: skip


def hq_ring(key_id: str, public: bytes) -> signing.KeyRing:
    """What a till trusts after the feed brought HQ's coupon key."""
    ring = signing.KeyRing()
    ring.add(key_id, public, hq=True)
    return ring


def test_the_stored_coupon_key_is_sealed_and_the_coupons_it_signs_verify_with_its_public_key(chain, as_role, three):
    assert create(as_role("mkt"), form(chain.clock().date()), three).status_code == 303
    key_id, private, public = stored_key(chain)

    assert private.startswith(sealed.PREFIX)
    opened = sealed.default_sealer().open(private, f"hq_coupon_keys:{key_id}")
    assert signing.b64(opened) not in private  # the raw key is nowhere in the column
    assert signing.Signer(key_id, opened).public_bytes() == signing.unb64(public)
    code = chain.scalar("SELECT code FROM coupons WHERE member_code = :c", c=three[0])
    assert coupons.parse(code, hq_ring(key_id, signing.unb64(public))).member_code == three[0]


def test_a_key_written_before_sealing_is_sealed_on_its_next_use_and_keeps_its_public_key(chain, as_role, three):
    signer = signing.Signer.generate("hq-cpn-old")
    chain.execute("INSERT INTO hq_coupon_keys (key_id, private_key, public_key, created_at) VALUES (:k, :p, :u, :t)",
                  k=signer.key_id, p=signing.b64(signer.private_bytes()), u=signing.b64(signer.public_bytes()),
                  t=chain.clock() - dt.timedelta(days=30))  # fmt: skip

    assert create(as_role("mkt"), form(chain.clock().date()), three).status_code == 303

    key_id, private, public = stored_key(chain)
    assert key_id == "hq-cpn-old" and private.startswith(sealed.PREFIX)
    assert signing.b64(signer.private_bytes()) not in private and public == signing.b64(signer.public_bytes())
    code = chain.scalar("SELECT code FROM coupons WHERE member_code = :c", c=three[1])
    assert coupons.parse(code, hq_ring(key_id, signer.public_bytes())).member_code == three[1]


def test_a_seal_does_not_open_with_another_key_file_nor_as_another_columns_secret(tmp_path):
    mine = sealed.Sealer(sealed.load_or_create(tmp_path / "a.key"))
    theirs = sealed.Sealer(sealed.load_or_create(tmp_path / "b.key"))
    text = mine.seal(b"k" * 32, "hq_coupon_keys:k1")

    assert mine.open(text, "hq_coupon_keys:k1") == b"k" * 32
    for sealer, purpose in ((theirs, "hq_coupon_keys:k1"), (mine, "hq_coupon_keys:k2")):
        with pytest.raises(DomainError) as refused:
            sealer.open(text, purpose)
        assert refused.value.code == "sealed_elsewhere"


def test_the_key_file_is_made_once_readable_by_hqs_user_only(tmp_path):
    path = tmp_path / "nested" / "secrets.key"
    first = sealed.load_or_create(path)
    assert sealed.load_or_create(path) == first and len(first) == 32
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secrets.key"]  # no temporary file left behind


def test_the_suite_keeps_its_secrets_key_file_in_a_folder_of_its_own_not_the_users_data_folder():
    assert sealed.key_file() == Path(os.environ[sealed.ENV])
    assert "pos-test-secrets-" in str(sealed.key_file())


def test_with_another_key_file_issuing_is_a_clear_page_and_issues_nothing(chain, as_role, three, tmp_path,
                                                                           monkeypatch):  # fmt: skip
    assert create(as_role("mkt"), form(chain.clock().date()), three[:1]).status_code == 303
    before = chain.scalar("SELECT count(*) FROM coupons")
    monkeypatch.setattr(sealed, "default_sealer", lambda: sealed.Sealer(sealed.load_or_create(tmp_path / "k")))
    client = as_role("mkt")
    client.cookies.set("hq_lang", "en")

    answer = create(client, form(chain.clock().date()), three)

    assert answer.status_code == 400 and "secrets key file" in answer.text
    assert chain.scalar("SELECT count(*) FROM coupons") == before
    assert chain.scalar("SELECT count(*) FROM campaigns") == 1
