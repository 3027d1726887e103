"""Administrators manage operators in the console; every other role is refused and nothing changes."""

import pytest

from tests.console.console_helpers import csrf_of, login

NEW_PASSWORD = "a long enough password"


def add(client, **fields):
    page = client.get("/console/operators")
    return client.post("/console/operators", data={"csrf": csrf_of(page.text), **fields}, follow_redirects=False)


def disable(client, username):
    page = client.get("/console/operators")
    return client.post(f"/console/operators/{username}/disable", data={"csrf": csrf_of(page.text)},
                       follow_redirects=False)


def test_an_admin_adds_a_store_manager_who_can_then_sign_in_and_disables_them(chain, as_role):
    client = as_role("admin")
    response = add(client, username="mgr2", role="store_manager", store_id="S002", password=NEW_PASSWORD,
                   password2=NEW_PASSWORD)
    assert response.status_code == 303
    assert chain.scalar("SELECT store_id FROM operators WHERE username = 'mgr2'") == "S002"
    assert chain.scalar("SELECT password_hash FROM operators WHERE username = 'mgr2'").startswith("$argon2id$")
    assert chain.scalar("SELECT username FROM audit_log WHERE action = 'user.add' AND target = 'mgr2'") == "admin"
    assert login(chain.client.__class__(chain.client.app), "mgr2", NEW_PASSWORD).status_code == 303
    assert disable(client, "mgr2").status_code == 303
    assert chain.scalar("SELECT disabled_at FROM operators WHERE username = 'mgr2'") is not None
    assert chain.scalar("SELECT username FROM audit_log WHERE action = 'user.disable' AND target = 'mgr2'") == "admin"


@pytest.mark.parametrize("role", ["aud", "mkt", "fin", "mgr1"])
def test_anyone_but_an_admin_is_refused_and_nothing_changes(chain, as_role, role):
    client = as_role(role)
    before = chain.counts()["operators"]
    assert client.get("/console/operators").status_code == 403
    page = client.get("/console/members")
    response = client.post("/console/operators", data={"csrf": csrf_of(page.text), "username": "evil",
                           "role": "admin", "password": NEW_PASSWORD, "password2": NEW_PASSWORD})  # fmt: skip
    assert response.status_code == 403
    response = client.post("/console/operators/fin/disable", data={"csrf": csrf_of(page.text)})
    assert response.status_code == 403
    assert chain.counts()["operators"] == before
    assert chain.scalar("SELECT count(*) FROM operators WHERE disabled_at IS NOT NULL") == 0


def test_a_post_without_csrf_is_refused(chain, as_role):
    client = as_role("admin")
    response = client.post("/console/operators", data={"username": "x1", "role": "admin",
                                                       "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 403
    assert chain.scalar("SELECT count(*) FROM operators WHERE username = 'x1'") == 0


@pytest.mark.parametrize("fields, text", [
    ({"username": "Bad Name!", "role": "admin"}, "A username is 2 to 40"),
    ({"username": "newbie", "role": "wizard"}, "No such role."),
    ({"username": "newbie", "role": "store_manager"}, "A store manager needs a store"),
    ({"username": "newbie", "role": "store_manager", "store_id": "S999"}, "No such store."),
    ({"username": "newbie", "role": "admin", "password": "short", "password2": "short"}, "10 to 200 characters"),
    ({"username": "newbie", "role": "admin", "password2": "different password"}, "The two passwords differ."),
    ({"username": "fin", "role": "finance"}, "That username is taken."),
    ({"username": "<script>x</script>", "role": "admin"}, "A username is 2 to 40"),
])  # fmt: skip
def test_bad_input_is_a_translated_message_and_adds_nobody(chain, as_role, fields, text):
    client = as_role("admin")
    client.get("/console/operators?lang=en")
    before = chain.counts()["operators"]
    response = add(client, **{"password": NEW_PASSWORD, "password2": NEW_PASSWORD, **fields})
    assert response.status_code in (400, 404) and text in response.text
    assert "<script>x" not in response.text
    assert chain.counts()["operators"] == before


@pytest.mark.parametrize("lang, title", [("zh_TW", "操作員管理"), ("zh_CN", "操作员管理"), ("en", "Operators")])
def test_the_page_is_translated(as_role, lang, title):
    assert title in as_role("admin").get(f"/console/operators?lang={lang}").text


def test_an_admin_cannot_disable_themselves_or_an_unknown_operator(chain, as_role):
    client = as_role("admin")
    assert disable(client, "admin").status_code == 400
    assert disable(client, "nobody").status_code == 404
    assert chain.scalar("SELECT count(*) FROM operators WHERE disabled_at IS NOT NULL") == 0
