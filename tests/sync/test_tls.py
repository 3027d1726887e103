"""The till talks HTTPS to HQ and checks HQ's certificate: a real uvicorn with TLS on loopback,
a CA made for the test, and a till set up with `--ca-bundle` (docs/PRIVACY.md)."""

import datetime as dt
import ipaddress
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sync_harness import outbox_counts

from loyalty_core.errors import DomainError
from pos_app import config
from pos_app.sync.engine import SyncError


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


# OpenSSL checks validity against the real time, which tests never read: a window wide enough for any run.
VALID_FROM = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
VALID_TO = dt.datetime(2099, 12, 31, tzinfo=dt.UTC)


def make_ca(folder: Path, label: str) -> tuple[Path, ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder().subject_name(_name(label)).issuer_name(_name(label)).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM).not_valid_after(VALID_TO)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    path = folder / f"{label}.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path, key, cert


def make_server_cert(folder: Path, ca_key, ca_cert) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder().subject_name(_name("hq.test")).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(VALID_FROM).not_valid_after(VALID_TO)
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = folder / "hq.crt", folder / "hq.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    return cert_path, key_path


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
