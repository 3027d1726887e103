"""The overdraft queue in a real browser (headless Debian Chromium): an admin writes off a double spend.
Screenshots of the review queues in each language go to /tmp/shots/review/."""

import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from test_console_browser import CHROMEDRIVER, CHROMIUM, RAW_KEY, browser, server, sign_in, wait_for  # noqa: F401

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
    return code


def test_an_admin_writes_off_an_overdraft_in_the_browser_and_the_queue_empties(chain, overdrawn, server, browser):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    sign_in(browser, server, "admin")
    for lang, text in TEXTS.items():
        for page in ("overdrafts", "terminals", "terminals/S002/T01"):
            browser.get(f"{server}/console/review/{page}?lang={lang}")
            body = browser.find_element(By.TAG_NAME, "body").text
            assert text in body and not RAW_KEY.search(body) and not RQ_KEY.search(body)
            browser.save_screenshot(str(SHOTS / f"{page.replace('/', '_')}-{lang}.png"))
        browser.get(f"{server}/console/operators?lang={lang}")
        assert not RQ_KEY.search(browser.find_element(By.TAG_NAME, "body").text)
        browser.save_screenshot(str(SHOTS / f"operators-{lang}.png"))
    browser.get(f"{server}/console/review/overdrafts?lang=en")
    row = browser.find_element(By.CSS_SELECTOR, f'#overdrafts tr[data-member="{overdrawn}"]')
    row.find_element(By.NAME, "note").send_keys("two offline redemptions")
    row.find_element(By.CSS_SELECTOR, "button.danger").click()
    wait_for(lambda: browser.find_elements(By.ID, "message"), "the confirmation")
    browser.save_screenshot(str(SHOTS / "overdrafts-written-off-en.png"))
    assert "balance is back to zero" in browser.find_element(By.ID, "message").text
    assert not browser.find_elements(By.CSS_SELECTOR, f'tr[data-member="{overdrawn}"]')
    assert chain.balance(overdrawn) == 0
