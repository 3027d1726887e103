"""The HTTP client a till uses to talk to HQ: one session, a bearer token, timeouts.

It never retries: the sync engine decides when to try again. Every failure
becomes one of two exceptions, so callers only ask "try again later?":

- `TransientError`: the network, a timeout, a 5xx, a 429, or an answer that
  is not the JSON object we expected (a truncated body). Try again later.
- `PermanentError`: a 4xx with HQ's `{"error", "message"}`. Sending the same
  request again would get the same answer. `AuthError` (401/403) is the kind
  a person must fix (a revoked or wrong token).
"""

from __future__ import annotations

import json
from typing import Any

import orjson
import requests

DEFAULT_CONNECT_TIMEOUT = 3.05
DEFAULT_READ_TIMEOUT = 30.0
API = "/api/v1"


class HqError(Exception):
    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.status = code, message, status


class TransientError(HqError):
    """Try again later (with backoff)."""


class Stopped(TransientError):
    """The engine is shutting down: the cycle ends between two steps (each its own transaction)."""

    def __init__(self) -> None:
        super().__init__("stopped", "sync stopped")


class PermanentError(HqError):
    """HQ refused the request itself; the same request would be refused again."""


class AuthError(PermanentError):
    """The token is wrong or revoked: a person has to fix the till's setup."""


class HqClient:
    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        session: requests.Session | None = None,
        verify: str | bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout, read_timeout)
        self.session = session or requests.Session()
        if session is None:
            self.session.verify = verify  # a CA bundle path, or True (never False: see sync.tls_verify)
        self.session.headers["Accept"] = "application/json"
        self.session.headers["User-Agent"] = "store-loyalty-pos-sync/1"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    def fork(self) -> HqClient:
        """Another client like this one (same address, token, timeouts and transport adapters) with its
        own session, for a second thread."""
        session = requests.Session()
        session.verify = self.session.verify
        session.headers.update(self.session.headers)
        for prefix, adapter in self.session.adapters.items():
            session.mount(prefix, adapter)
        client = HqClient(self.base_url, None, session=session)
        client.timeout = self.timeout
        return client

    # -- the sync endpoints ------------------------------------------------------------------

    def push(self, events: list[dict]) -> list[dict]:
        """POST the batch; the per-event answers, in request order."""
        answer = self.request("POST", "/sync/push", body={"events": events})
        results = answer.get("results")
        if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
            raise TransientError("bad_answer", "HQ's push answer has no results list")
        return results

    def pull(self, since: int, limit: int) -> dict:
        return self.request("GET", "/sync/pull", params={"since": since, "limit": limit})

    def snapshot(self, params: dict) -> dict:
        return self.request("GET", "/sync/snapshot", params=params)

    def reconcile_buckets(self) -> dict:
        return self.request("GET", "/reconcile/buckets")

    def reconcile_bucket(self, bucket: int) -> dict:
        return self.request("GET", f"/reconcile/bucket/{int(bucket)}")

    def reconcile_report(self, report: dict) -> dict:
        return self.request("POST", "/reconcile/report", body=report)

    def member_ledger(self, member_code: str) -> dict:
        return self.request("GET", f"/reconcile/member/{member_code}")

    # -- plumbing ----------------------------------------------------------------------------

    def request(self, method: str, path: str, *, body: Any = None, params: dict | None = None) -> dict:
        url = f"{self.base_url}{API}{path}"
        data = None
        headers = {}
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        try:
            response = self.session.request(
                method, url, data=data, params=params, headers=headers, timeout=self.timeout,
                verify=self.session.verify,  # explicit: REQUESTS_CA_BUNDLE would override the session's
            )
            content = response.content  # reads the whole body: a cut connection fails here
        except requests.Timeout as exc:
            raise TransientError("timeout", f"HQ did not answer in time ({type(exc).__name__})") from None
        except requests.RequestException as exc:
            raise TransientError("unreachable", f"Cannot reach HQ: {type(exc).__name__}: {exc}"[:300]) from None
        status = response.status_code
        parsed = _json_object(content)
        if status >= 500 or status == 429:
            code, message = _error_of(parsed, f"http_{status}")
            raise TransientError(code, message, status)
        if status >= 400:
            code, message = _error_of(parsed, f"http_{status}")
            kind = AuthError if status in (401, 403) else PermanentError
            raise kind(code, message, status)
        if parsed is None:
            raise TransientError("bad_answer", f"HQ's answer is not a JSON object ({len(content)} bytes)", status)
        return parsed


def _json_object(content: bytes) -> dict | None:
    try:
        value = orjson.loads(content)  # a bootstrap decodes ~1 GB of snapshot pages: 3-4x faster than json
    except orjson.JSONDecodeError:  # also: not UTF-8, NaN, integers beyond 64 bits
        return None
    return value if isinstance(value, dict) else None


def _error_of(parsed: dict | None, fallback: str) -> tuple[str, str]:
    if not parsed:
        return fallback, fallback.replace("_", " ")
    code = parsed.get("error")
    message = parsed.get("message")
    if not isinstance(code, str):  # FastAPI's own {"detail": ...}
        detail = parsed.get("detail")
        if isinstance(detail, dict):
            code, message = detail.get("error", fallback), detail.get("message", str(detail))
        else:
            code, message = fallback, json.dumps(detail)[:300] if detail is not None else fallback
    return str(code)[:80], str(message or code)[:300]
