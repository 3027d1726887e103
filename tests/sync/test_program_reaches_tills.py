"""A program published in HQ's console reaches a real till at its next sync, and so does a rollback.

HQ is served by uvicorn on loopback (SQLite and PostgreSQL); the operator drives the console over real HTTP
with its session cookie and CSRF tokens, as a browser would; the till is the real app with its sync engine.
"""

import json
import re

import requests

from hq.services.operators import accounts
from hq.storage import migrate
from loyalty_core.pricing import CartLine
from tests.support.clock import RunningClock, plain_day
from tests.sync.sync_harness import settle

PASSWORD = "correct horse battery staple"
TV = [CartLine("TV", "electronics", 150000, 1)]  # 1,500 points on a plain day at x1
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def console_as(hq, username: str, role: str) -> requests.Session:
    hq.write(lambda conn: accounts.add(conn, username, role, PASSWORD, hq.clock()))
    session = requests.Session()
    page = session.get(f"{hq.url}/console/login", timeout=10)
    response = session.post(f"{hq.url}/console/login", timeout=10, allow_redirects=False, data={
        "username": username, "password": PASSWORD, "csrf": CSRF.search(page.text).group(1)})  # fmt: skip
    assert response.status_code == 303
    return session


def press(session: requests.Session, hq, path: str, **fields) -> requests.Response:
    page = session.get(f"{hq.url}/console/program", timeout=10)
    return session.post(f"{hq.url}/console/program/{path}", timeout=30, allow_redirects=False,
                        data={"csrf": CSRF.search(page.text).group(1), **fields})  # fmt: skip


def basic_tier_earning(permille: int) -> str:
    document = json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8"))
    document["tiers"][0]["earn_permille"] = permille
    return json.dumps({"tiers": document["tiers"], "promotions": document["promotions"]})


def test_a_version_published_in_the_console_reaches_the_till_and_a_rollback_does_too(hq, till_factory):
    till = till_factory(hq, clock=RunningClock(plain_day()))
    member = till.pos.enroll(phone="0912000001", name="王小明", consent_terms=True)
    assert till.pos.confirm_sale(member.member_code, TV).points_earned == 1500
    settle([till], hq)
    assert till.ctx.rules.version == 1
    marketing = console_as(hq, "mkt", "marketing")

    assert press(marketing, hq, "draft", document=basic_tier_earning(2000)).status_code == 303
    assert press(marketing, hq, "simulate").status_code == 200
    assert press(marketing, hq, "publish").status_code == 303
    settle([till], hq)

    assert till.ctx.rules.version == 2
    assert till.pos.confirm_sale(member.member_code, TV).points_earned == 3000

    assert press(marketing, hq, "rollback").status_code == 303
    settle([till], hq)

    assert till.ctx.rules.version == 3
    assert till.pos.confirm_sale(member.member_code, TV).points_earned == 1500
    settle([till], hq)
    assert hq.balances()[member.member_code] == 100 + 1500 + 3000 + 1500  # HQ agrees with every figure
