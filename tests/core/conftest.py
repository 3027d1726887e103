"""Fixtures for the loyalty core: a fresh till per test (on the run's clock, tests/conftest.py),
members of any tier, and an HQ-like signing key the till trusts."""


import pytest

from loyalty_core.pricing import CartLine
from loyalty_core.signing import Signer
from pos_app import bootstrap
from tests.support.tills import init_till

from .support import SUPERVISOR, next_phone


@pytest.fixture
def data_dir(tmp_path, till_template):
    """A new till (its own store, terminal and keys) whose store is a copy of the migrated template, with
    the test supervisor (SUPERVISOR / SUPERVISOR_PIN) who approves adjustments."""
    return init_till(tmp_path / "till", till_template, "S001", "T01")


@pytest.fixture
def app(data_dir, clock):
    built = bootstrap.build_app(data_dir, clock=clock)
    yield built
    built.close()


@pytest.fixture
def pos(app):
    return app.pos


@pytest.fixture
def hq_signer(app) -> Signer:
    """A test-only Ed25519 key, registered as trusted (as HQ's key would be)."""
    signer = Signer.generate("TEST-HQ")
    app.ctx.keyring.add(signer.key_id, signer.public_bytes(), hq=True)
    return signer


_SPEND_TO_REACH = {"silver": 500_000, "gold": 2_000_000, "diamond": 5_000_000}


@pytest.fixture
def make_member(app):
    """make_member(tier="silver", points=20_000, birthday="1990-03-04") -> MemberView.

    The tier is written directly through a unit of work (via="direct", the default)
    or earned by a confirmed sale of exactly the threshold (via="sale"). Points
    beyond the 100-point sign-up bonus come from a supervisor adjustment.
    """

    def make(
        tier: str = "basic",
        points: int = 0,
        birthday: str | None = None,
        name: str = "Test Member",
        phone: str | None = None,
        referrer: str | None = None,
        via: str = "direct",
    ):
        member = app.pos.enroll(
            phone=phone or next_phone(), name=name, birthday=birthday, consent_terms=True, referrer=referrer
        )
        code = member.member_code
        if tier != "basic":
            if via == "sale":
                line = CartLine("TV-1", "electronics", _SPEND_TO_REACH[tier], 1)
                receipt = app.pos.confirm_sale(code, [line])
                assert receipt.tier_after == tier
            else:
                with app.uow() as uow:
                    uow.members.set_tier(code, tier)
                    uow.commit()
        if points:
            app.pos.adjust(code, points, "goodwill", SUPERVISOR)
        return app.pos.find_member(code)

    return make
