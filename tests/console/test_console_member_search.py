"""The member search is a POST form: no name or phone in a URL, a redirect or an access-log line."""

import logging
import re

import pytest
from fastapi.testclient import TestClient
from uvicorn.protocols.utils import get_client_addr, get_path_with_query_string

from tests.console.console_helpers import csrf_of, login, post

NAME, PHONE, TYPED_PHONE = "Ann Chen", "0912345678", "0912-345-678"


class AccessLogged:
    """The app behind a wrapper that writes uvicorn's access-log line for every request, through the same
    logger (and so the same filter, hq/api/access_log.py) as uvicorn serving HQ would."""

    def __init__(self, app) -> None:
        self.app = app
        self.logger = logging.getLogger("uvicorn.access")

    async def __call__(self, scope, receive, send):
        async def logged(message):
            if message["type"] == "http.response.start":
                self.logger.info('%s - "%s %s HTTP/%s" %d', get_client_addr(scope), scope["method"],
                                 get_path_with_query_string(scope), scope["http_version"], message["status"])  # fmt: skip
            await send(message)

        await self.app(scope, receive, send if scope["type"] != "http" else logged)


@pytest.fixture
def operator(chain):
    """The finance operator's client, its requests access-logged."""
    client = TestClient(AccessLogged(chain.client.app))
    assert login(client, "fin").status_code == 303
    yield client
    client.close()


def links_and_locations(response) -> list[str]:
    found = re.findall(r'(?:href|action|src)="([^"]*)"', response.text)
    return found + [str(r.headers.get("location", "")) for r in response.history] + [str(response.url)]


def test_searching_by_name_or_phone_leaves_neither_in_any_url_or_access_log_line(chain, operator, caplog):
    ann = chain.member("S001", NAME, phone=PHONE)
    caplog.set_level(logging.INFO, logger="uvicorn.access")
    pages = [post(operator, "/console/members", "/console/members", {"q": q}) for q in (NAME, TYPED_PHONE, "Chen")]
    for page in pages:
        assert page.status_code == 200 and ann in page.text and 'id="results"' in page.text
        assert page.request.method == "POST" and page.request.url.path == "/console/members"
        assert not page.request.url.query
        for url in links_and_locations(page):
            assert "Ann" not in url and "Chen" not in url and "345" not in url, url
    lines = [r.getMessage() for r in caplog.records if r.name == "uvicorn.access"]
    assert any('"POST /console/members HTTP/1.1" 200' in line for line in lines), lines
    assert not [line for line in lines if "Ann" in line or "Chen" in line or "345" in line]
    assert f'href="/console/members/{ann}"' in pages[0].text  # the result links carry the member code only

    # A forged form does not search; an old bookmark with ?q= shows the form, no results; an empty query is refused.
    refused = operator.post("/console/members", data={"q": NAME, "csrf": "forged"})
    assert refused.status_code == 403 and NAME not in refused.text
    old_link = operator.get("/console/members?q=Ann")  # an old bookmark: the form, no results
    assert old_link.status_code == 200 and 'id="results"' not in old_link.text and NAME not in old_link.text
    bad = operator.post("/console/members", data={"q": "", "csrf": csrf_of(old_link.text)})
    assert bad.status_code == 400 and "error-message" in bad.text
