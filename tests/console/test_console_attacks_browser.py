"""The console's answers to an attacker, in headless Chromium against the real HQ (fixtures and helpers of
test_console_browser.py): a stranger's guesses all look alike, a formula in a member's name leaves a CSV
export as text, and a member search never puts what was searched for into a URL."""

import csv
import io

import pytest

from tests.console import test_console_browser as in_browser
from tests.console.test_console_browser import CHROMEDRIVER, CHROMIUM, search_members, shot, sign_in, wait_for
from tests.support.passwords import PASSWORD

browser, server = in_browser.browser, in_browser.server  # the same fixtures: a headless Chromium, HQ on loopback

FORMULA = '=HYPERLINK("x")'
PHONE = "0912876543"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed (scripts/setup.sh installs them)",
)


def refused_page(driver, base: str, username: str, password: str) -> str:
    """Signs in with these credentials from a fresh login page (English); the text of the page that answers."""
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/console/login?lang=en")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login").click()
    wait_for(lambda: driver.find_elements(By.ID, "notice"), "the refusal")
    assert not driver.find_elements(By.ID, "who")  # not signed in
    return driver.find_element(By.TAG_NAME, "body").text


def test_guesses_look_alike_a_formula_name_exports_as_text_and_a_search_stays_out_of_the_url(chain, server, browser):
    from selenium.webdriver.common.by import By

    code = chain.member("S001", "Placeholder", marketing=True, phone=PHONE)
    chain.execute("UPDATE members SET name = :n WHERE member_code = :c", n=FORMULA, c=code)  # as an old import could
    chain.buy("S001", code, 9_000)

    unknown = refused_page(browser, server, "no-such-operator", PASSWORD)
    wrong = refused_page(browser, server, "admin", "not the password")
    assert unknown == wrong  # nothing tells a stranger which usernames exist
    assert "wrong username or password" in wrong and "no-such-operator" not in wrong
    shot(browser, "login_refused_en")

    sign_in(browser, server, "mkt")
    browser.get(f"{server}/console/rfm")
    bought = [row for row in browser.find_elements(By.CSS_SELECTOR, "#segments tr[data-segment]")
              if row.find_element(By.CSS_SELECTOR, "td.n").get_attribute("data-value") == "1"]  # fmt: skip
    bought[0].find_element(By.CSS_SELECTOR, "a.export").click()  # the segment of the one member who bought
    files = wait_for(lambda: list(browser.downloads.glob("*.csv")), "the CSV download")
    rows = list(csv.DictReader(io.StringIO(files[0].read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["member_code"], r["name"]) for r in rows] == [(code, "'" + FORMULA)]  # text, not a formula

    sign_in(browser, server, "admin")
    browser.get(f"{server}/console/members")
    assert browser.find_element(By.ID, "search").get_attribute("method") == "post"
    for text in ("HYPERLINK", PHONE):
        search_members(browser, server, text)  # asserts the text is not in the URL
        assert browser.current_url.split("?")[0] == f"{server}/console/members" and "?" not in browser.current_url
