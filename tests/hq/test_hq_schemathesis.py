"""Property-based API fuzzing: whatever is sent, HQ never answers 5xx and every answer matches its OpenAPI.

Runs against `create_app(...)` in process, on SQLite and on PostgreSQL (which
refuses NUL bytes and lone surrogates that SQLite would store), with valid
tokens so the fuzzer gets past authentication and reaches the handlers.
"""


import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from hq.app import create_app
from hq.services import admin
from hq.storage import db
from tests.hq.hq_helpers import auth
from tests.support.clock import TestClock

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def fuzzed_app(db_url):
    clock = TestClock()
    app = create_app(db_url, clock=clock)
    now = clock()

    def setup(conn):
        admin.add_store(conn, "S001", "Fuzz", now)
        terminal = admin.add_terminal(conn, "S001", "T01", now)["token"]
        return terminal, admin.add_channel(conn, "shop", now)["token"]

    app.state.tokens = db.write(app.state.engine, setup)
    yield app
    app.state.engine.dispose()


# The OpenAPI document needs no database: an app that never connects describes the same API.
# (schemathesis' lazy `from_fixture` loader does not work with pytest 9, so the schema is loaded here.)
schema = schemathesis.openapi.from_dict(create_app("sqlite://", run_migrations=False).openapi())


def schema_valid_requests_pass_request_validation(ctx, response, case):
    """What the schema allows, the request validator must accept.

    The built-in `positive_data_acceptance` also counts a business refusal (a
    422 such as `insufficient_points` for a well-formed order) as a failure;
    this narrower check fails only when HQ calls a schema-valid request malformed.
    """
    if case.meta is not None and case.meta.generation.mode.is_positive and response.status_code in (400, 422):
        error = response.json().get("error")
        assert error not in ("invalid_request", "invalid_json"), f"schema-valid request refused: {response.text}"


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_hq_answer_5xx_and_every_answer_matches_the_schema(case, fuzzed_app):
    terminal, channel = fuzzed_app.state.tokens
    token = channel if case.path.startswith("/api/v1/online") else terminal
    # The schema was loaded without an app; point the operation (and the checks that re-send
    # a request, e.g. without auth) at this test's app.
    case.operation.app = case.operation.schema.app = fuzzed_app
    if case.headers and "Authorization" in case.headers:  # a real token where the fuzzer sends one
        case.headers["Authorization"] = auth(token)["Authorization"]
    case.call_and_validate(
        excluded_checks=[positive_data_acceptance],
        additional_checks=[schema_valid_requests_pass_request_validation],
    )
