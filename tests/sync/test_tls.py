"""The till talks HTTPS to HQ and checks HQ's certificate: a real uvicorn with TLS on loopback,
a CA made for the test, and a till set up with `--ca-bundle` (docs/PRIVACY.md)."""

import pytest

from loyalty_core.errors import DomainError
from pos_app import config
from pos_app.sync.engine import SyncError
from tests.sync.sync_harness import outbox_counts
from tests.sync.tls_helpers import make_ca, make_server_cert


@pytest.fixture
def tls_hq(hq_factory, tmp_path, clock):
    ca, ca_key, ca_cert = make_ca(tmp_path, "test-ca")
    other_ca, _, _ = make_ca(tmp_path, "other-ca")
    cert, key = make_server_cert(tmp_path, ca_key, ca_cert)
    return hq_factory(clock=clock, tls=(cert, key)), ca, other_ca


def test_a_till_set_up_with_hqs_ca_bundle_syncs_over_https(tls_hq, till_factory, clock):
    hq, ca, _ = tls_hq
    a = till_factory(hq, "S001", "T01", clock=clock, ca_bundle=ca)
    member = a.pos.enroll(phone="0912000111", name="林雅婷", consent_terms=True)

    summary = a.sync.run_once()

    assert hq.url.startswith("https://") and summary["pending"] == 0
    assert hq.member(member.member_code).phone == "+886912000111"  # stored as E.164
    assert (a.data_dir / "secrets" / "hq_ca.pem").read_bytes() == ca.read_bytes()


def test_a_till_refuses_an_hq_whose_certificate_its_ca_bundle_did_not_sign(tls_hq, till_factory, clock):
    hq, _, other_ca = tls_hq
    a = till_factory(hq, "S001", "T01", clock=clock, ca_bundle=other_ca)
    a.pos.enroll(phone="0912000111", name="林雅婷", consent_terms=True)

    with pytest.raises(SyncError) as refused:
        a.sync.run_once()

    assert refused.value.cause.code == "unreachable" and "CERTIFICATE_VERIFY_FAILED" in refused.value.cause.message
    assert outbox_counts(a)["pending"] == 1 and hq.scalar("SELECT count(*) FROM members") == 0


def test_without_a_bundle_the_system_store_is_used_and_a_private_ca_is_refused(tls_hq, till_factory, clock):
    hq, _, _ = tls_hq
    a = till_factory(hq, "S001", "T01", clock=clock)
    with pytest.raises(SyncError) as refused:
        a.sync.run_once()
    assert "CERTIFICATE_VERIFY_FAILED" in refused.value.cause.message


def test_init_refuses_plain_http_to_another_machine_and_a_file_that_is_not_a_ca_bundle(tmp_path):
    with pytest.raises(DomainError) as insecure:
        config.init_terminal(tmp_path / "a", "S001", "T01", "http://hq.example.com")
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("hello")
    with pytest.raises(DomainError) as bad_bundle:
        config.init_terminal(tmp_path / "b", "S001", "T01", "https://hq.example.com", ca_bundle=not_pem)
    assert (insecure.value.code, bad_bundle.value.code) == ("insecure_hq_url", "invalid_ca_bundle")
    assert not (tmp_path / "a").exists() and not (tmp_path / "b" / "config.json").exists()
