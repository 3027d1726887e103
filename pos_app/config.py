"""A till's identity and secrets on disk, under its data directory.

config.json   store, terminal, HQ address (no secrets)
secrets/      the store's signing key and the HQ token, readable by the owner only
pos.sqlite3   the local store
"""

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_data_dir

from loyalty_core import phones, signing
from loyalty_core.errors import DomainError

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,19}$")


@dataclass(frozen=True)
class TerminalConfig:
    store_id: str
    terminal_id: str
    key_id: str
    hq_url: str | None = None
    demo: bool = False
    country: str = phones.DEFAULT_REGION  # TW, CN or HK: how phones are read, which currency is shown


def default_data_dir() -> Path:
    return Path(user_data_dir("store-loyalty-pos", appauthor=False))


def default_demo_dir() -> Path:
    """Demo mode keeps its own folder, so trying the demo never touches a real store's till."""
    return Path(user_data_dir("store-loyalty-pos-demo", appauthor=False))


def db_path(data_dir: Path) -> Path:
    return Path(data_dir) / "pos.sqlite3"


def is_initialized(data_dir: Path) -> bool:
    return (Path(data_dir) / "config.json").exists()


def load(data_dir: Path) -> TerminalConfig:
    path = Path(data_dir) / "config.json"
    if not path.exists():
        raise DomainError("not_initialized", f"This till is not set up yet: run 'pos-app init' ({data_dir})")
    return TerminalConfig(**json.loads(path.read_text(encoding="utf-8")))


def _write_secret(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


CA_BUNDLE = "hq_ca.pem"
_LOOPBACK = re.compile(r"^http://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(/|$)")


def ca_bundle_path(data_dir: Path) -> Path | None:
    """The CA certificates this till trusts for HQ (given at init), or None: the system's store."""
    path = Path(data_dir) / "secrets" / CA_BUNDLE
    return path if path.exists() else None


def _checked_ca_bundle(path: Path) -> bytes:
    from cryptography import x509

    try:
        data = Path(path).read_bytes()
        if not x509.load_pem_x509_certificates(data):
            raise ValueError("no certificate")
    except (OSError, ValueError) as exc:
        raise DomainError("invalid_ca_bundle", f"Not a PEM file of CA certificates: {exc}"[:200]) from None
    return data


def init_terminal(
    data_dir: Path, store_id: str, terminal_id: str, hq_url: str | None = None, token: str | None = None,
    demo: bool = False, country: str = phones.DEFAULT_REGION, ca_bundle: Path | None = None,
) -> TerminalConfig:  # fmt: skip
    for value, what in ((store_id, "store"), (terminal_id, "terminal")):
        if not _ID.fullmatch(str(value)):
            raise DomainError(f"invalid_{what}", f"Not a valid {what} id: {str(value)[:40]!r}", value=str(value)[:40])
    country = phones.check_region(country)
    if hq_url and not re.fullmatch(r"https?://[^\s]{1,200}", hq_url):
        raise DomainError("invalid_hq_url", "The HQ address must start with http:// or https://")
    if hq_url and hq_url.startswith("http://") and not _LOOPBACK.match(hq_url):
        # members' data crosses the network: only HTTPS, with the certificate checked (docs/PRIVACY.md)
        raise DomainError("insecure_hq_url", "HQ must be reached over https:// (plain http only on this machine)")
    bundle = _checked_ca_bundle(ca_bundle) if ca_bundle else None
    data_dir = Path(data_dir)
    if is_initialized(data_dir):
        raise DomainError("already_initialized", f"This till is already set up ({data_dir})")
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(data_dir, 0o700)  # owner-only: it holds members' data (pos_app/privacy.py)
    signer = signing.Signer.generate(f"{store_id}-{os.urandom(3).hex()}")
    _write_secret(data_dir / "secrets" / "store_signing.key", signer.private_bytes())
    if token:
        _write_secret(data_dir / "secrets" / "hq_token", token.encode())
    if bundle:
        _write_secret(data_dir / "secrets" / CA_BUNDLE, bundle)
    from .privacy import ensure_local_key

    ensure_local_key(data_dir)  # replaced by the chain's key at the first sync with HQ
    config = TerminalConfig(store_id, terminal_id, signer.key_id, hq_url, demo, country)
    _write_secret(data_dir / "config.json", json.dumps(asdict(config), indent=2).encode("utf-8"))
    return config


def load_signer(data_dir: Path, config: TerminalConfig) -> signing.Signer:
    return signing.Signer(config.key_id, (Path(data_dir) / "secrets" / "store_signing.key").read_bytes())


def load_token(data_dir: Path) -> str | None:
    path = Path(data_dir) / "secrets" / "hq_token"
    return path.read_text().strip() if path.exists() else None
