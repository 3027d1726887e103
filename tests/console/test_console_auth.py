"""Signing in: cookies, CSRF, lockout, idle timeout, disabled operators."""

from fastapi.testclient import TestClient

from tests.console.console_helpers import csrf_of, login, post
from tests.support.passwords import PASSWORD


def sessions(chain) -> int:
    return chain.scalar("SELECT count(*) FROM operator_sessions")


def test_signing_in_sets_an_httponly_strict_session_cookie_and_opens_the_dashboard(chain):
    response = login(chain.client, "admin")
    assert response.status_code == 303 and response.headers["location"] == "/console/"
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith("hq_session="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    page = chain.client.get("/console/")
    assert page.status_code == 200 and 'id="who"' in page.text
    assert sessions(chain) == 1
    assert chain.scalar("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == "login"


def test_over_tls_the_session_cookie_is_secure(chain):
    with TestClient(chain.client.app, base_url="https://hq.example") as client:
        cookie = next(h for h in login(client, "admin").headers.get_list("set-cookie") if h.startswith("hq_session="))
    assert "Secure" in cookie


def test_a_login_without_the_forms_csrf_token_is_refused_and_opens_no_session(chain):
    chain.client.get("/console/login")
    response = chain.client.post("/console/login", data={"username": "admin", "password": PASSWORD, "csrf": "x"})
    assert response.status_code == 403
    assert sessions(chain) == 0


def test_a_wrong_password_says_so_without_telling_whether_the_user_exists(chain):
    wrong = login(chain.client, "admin", "not the password at all")
    nobody = login(chain.client, "nobody", "not the password at all")
    assert wrong.status_code == nobody.status_code == 401
    assert "帳號或密碼錯誤" in wrong.text and "帳號或密碼錯誤" in nobody.text
    assert sessions(chain) == 0


def test_five_wrong_passwords_lock_the_account_until_the_lockout_ends(chain):
    for _ in range(4):
        assert login(chain.client, "fin", "wrong password here").status_code == 401
    fifth = login(chain.client, "fin", "wrong password here")
    assert fifth.status_code == 401 and "鎖定" not in fifth.text  # the page does not say (a stranger may ask)
    assert login(chain.client, "fin").status_code == 401  # even the right password, while locked
    assert chain.scalar("SELECT locked_until FROM operators WHERE username = 'fin'") is not None
    assert sessions(chain) == 0
    chain.clock.advance(minutes=16)
    assert login(chain.client, "fin").status_code == 303
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND username = 'fin'") == 5


def test_a_session_idle_for_longer_than_the_timeout_ends_and_activity_keeps_it_alive(chain):
    login(chain.client, "fin")
    for _ in range(3):
        chain.clock.advance(minutes=25)
        assert chain.client.get("/console/").status_code == 200
    chain.clock.advance(minutes=31)
    response = chain.client.get("/console/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/console/login?expired=1"
    assert sessions(chain) == 0
    again = chain.client.get("/console/login?expired=1")
    assert "工作階段已逾時" in again.text


def test_without_a_session_every_page_sends_you_to_the_login(chain):
    for path in ("/console/", "/console/members", "/console/rfm", "/console/review", "/console/stores",
                 "/console/audit", "/console/audit.csv", "/console/summary.csv", "/console/members/M123"):
        response = chain.client.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/console/login", path


def test_logging_out_ends_the_session(chain):
    login(chain.client, "fin")
    assert post(chain.client, "/console/", "/console/logout", {}).status_code == 303
    assert sessions(chain) == 0
    assert chain.client.get("/console/", follow_redirects=False).status_code == 303


def test_a_disabled_operator_is_signed_out_and_cannot_sign_in(chain):
    from hq.services.operators import accounts
    from hq.storage import db

    login(chain.client, "mkt")
    db.write(chain.engine, lambda conn: accounts.disable(conn, "mkt", chain.clock()))
    assert chain.client.get("/console/", follow_redirects=False).status_code == 303
    refused = login(chain.client, "mkt")
    assert refused.status_code == 401 and "停用" not in refused.text  # the same answer as a wrong password
    assert "帳號或密碼錯誤" in refused.text


def test_the_login_page_escapes_what_was_typed(chain):
    page = chain.client.get("/console/login")
    response = chain.client.post("/console/login", data={"username": '"><script>alert(1)</script>',
                                                         "password": "x", "csrf": csrf_of(page.text)})
    assert response.status_code == 401
    assert "<script>alert(1)" not in response.text
