"""The review queues in a real browser (headless Debian Chromium): an admin notes and writes off a double
spend, and acknowledges a till's reconciliation run. Screenshots in each language go to /tmp/shots/review/."""

import re
from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from tests.console.test_console_browser import CHROMEDRIVER, CHROMIUM, RAW_KEY, browser, server, sign_in, wait_for  # noqa: F401

SHOTS = Path("/tmp/shots/review")
RQ_KEY = re.compile(r"\b(?:rq|ops)\.[a-z_0-9]+\b")  # a review-queue key shown untranslated
TEXTS = {"zh_TW": "點數透支", "zh_CN": "积分透支", "en": "Overdrafts"}

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="Debian's chromium and chromium-driver are not installed")


@pytest.fixture
def overdrawn(chain):
    code = chain.member("S001", "Ann Chen")
    chain.buy("S001", code, 1_000, redeem=100)
    chain.buy("S002", code, 1_000, redeem=100)
    assert chain.balance(code) < 0
    event = chain.tills["S002"].adjust("M-NOBODY", 5)  # a rejection for the terminal queue
    assert chain.push("S002", event) == ["rejected"]
    report = {"run_id": 3, "started_at": "2026-11-24T03:00:00+00:00", "finished_at": "2026-11-24T03:00:04+00:00",
              "status": "differences", "members": 2, "buckets_differing": 1, "differences": 1, "fixed": 1,
              "members_differing": [{"member_code": code, "till_balance": 0, "hq_balance": chain.balance(code),
                                     "correction_points": 0, "fixed": True}]}  # fmt: skip
    answer = chain.client.post("/api/v1/reconcile/report", json=report,
                               headers={"Authorization": f"Bearer {chain.tokens['S002']}"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    return code


def test_an_admin_writes_off_an_overdraft_in_the_browser_and_the_queue_empties(chain, overdrawn, server, browser):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    sign_in(browser, server, "admin")
    for lang, text in TEXTS.items():
        for page in ("overdrafts", "reconciliation", "reconciliation/1", "terminals", "terminals/S002/T01"):
            browser.get(f"{server}/console/review/{page}?lang={lang}")
            body = browser.find_element(By.TAG_NAME, "body").text
            assert text in body and not RAW_KEY.search(body) and not RQ_KEY.search(body)
            browser.save_screenshot(str(SHOTS / f"{page.replace('/', '_')}-{lang}.png"))
        browser.get(f"{server}/console/operators?lang={lang}")
        assert not RQ_KEY.search(browser.find_element(By.TAG_NAME, "body").text)
        browser.save_screenshot(str(SHOTS / f"operators-{lang}.png"))
    browser.get(f"{server}/console/review/overdrafts?lang=en")
    row = f'#overdrafts tr[data-member="{overdrawn}"]'
    _fill(browser, f"{row} form.od-annotate", "called her: she will pay next visit")
    wait_for(lambda: "note is saved" in _notice(browser), "the note saved")
    assert "she will pay" in browser.find_element(By.CSS_SELECTOR, f"{row} .last-note").text
    balance = chain.balance(overdrawn)
    assert balance < 0
    _fill(browser, f"{row} form.od-write-off", "two offline redemptions")
    wait_for(lambda: "back to zero" in _notice(browser), "the confirmation")
    browser.save_screenshot(str(SHOTS / "overdrafts-written-off-en.png"))
    assert not browser.find_elements(By.CSS_SELECTOR, row)
    closed = browser.find_element(By.CSS_SELECTOR, f'#overdrafts-closed tr[data-member="{overdrawn}"]').text
    assert "Written off" in closed and f"{-balance:,}" in closed
    assert chain.balance(overdrawn) == 0

    browser.get(f"{server}/console/review/reconciliation?lang=zh_TW")
    _fill(browser, '#runs tr[data-terminal="S002/T01"] form', "門市已確認")
    wait_for(lambda: "已確認此次對帳" in _notice(browser), "the acknowledgement")
    assert not browser.find_elements(By.CSS_SELECTOR, "#runs")
    browser.save_screenshot(str(SHOTS / "reconciliation-acknowledged-zh_TW.png"))


def _fill(driver, form_selector: str, note: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, form_selector)
    form.find_element(By.NAME, "note").send_keys(note)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def _notice(driver) -> str:
    """The page's confirmation, or "" while there is none (or the next page is still loading)."""
    found = driver.find_elements(By.ID, "notice")
    try:
        return found[0].text if found else ""
    except StaleElementReferenceException:
        return ""
