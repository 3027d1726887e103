"""A member's full profile, asked of HQ only for a profile edit.

A till holds other stores' members (and its own, once HQ has them) reduced: masked name and phone,
birth month (docs/PRIVACY.md). Correcting a name needs the real one in the form, so the form is
filled from HQ on demand; nothing of it is written to the till's files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from loyalty_core.errors import DomainError

from ..services.views import Profile
from .hq_client import HqClient, HqError, PermanentError

NEEDS_HQ = "profile_needs_hq"


class HqProfiles:
    def __init__(self, client: Callable[[], HqClient]) -> None:
        self._client = client  # the sync engine's; forked per call (its session belongs to the sync thread)

    def fetch(self, member_code: str) -> Profile:
        client = self._client().fork()
        try:
            answer = client.request("POST", "/members/profile", body={"member_code": member_code})
        except PermanentError as exc:
            if exc.code in ("unknown_member", "member_closed"):
                raise DomainError(exc.code, exc.message) from None
            raise _needs_hq() from None
        except HqError:
            raise _needs_hq() from None
        finally:
            client.close()
        return _profile(answer)


def _needs_hq() -> DomainError:
    return DomainError(NEEDS_HQ, "Editing this member's name, phone or birthday needs HQ: try again when online")


def _profile(answer: dict) -> Profile:
    try:
        birthday = answer.get("birthday")
        return Profile(str(answer["name"]), str(answer["phone"]), dt.date.fromisoformat(birthday) if birthday else None)
    except (KeyError, TypeError, ValueError):
        raise _needs_hq() from None
