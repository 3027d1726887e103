"""In headless Chromium: marketing creates a campaign from an uploaded CSV and sees its tracking page.
Screenshots of the campaign pages in each language go to /tmp/shots/campaigns/."""

import datetime as dt
from pathlib import Path

from tests.console.test_console_browser import browser, server, sign_in, wait_for  # noqa: F401  (fixtures)

SHOTS = Path("/tmp/shots/campaigns")


def snap(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1280, min(max(height + 40, 700), 3000))
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_marketing_creates_a_campaign_by_clicking_through_the_form(chain, server, browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    codes = [chain.member("S001", name) for name in ("Ann Lee", "Bo Wu")]
    listing = tmp_path / "members.csv"
    listing.write_text("member_code\n" + "\n".join(codes) + "\n", encoding="utf-8")
    sign_in(browser, server, "mkt")
    browser.get(f"{server}/console/campaigns?lang=en")
    browser.find_element(By.ID, "new-campaign").click()
    wait_for(lambda: browser.find_elements(By.ID, "campaign-form"), "the new campaign form")
    until = (chain.clock().date() + dt.timedelta(days=14)).isoformat()
    fields = {"name": "Autumn <i>coupon</i>", "value": "3000", "budget_cents": "100000", "budget_count": "10"}
    for field, text in fields.items():
        browser.find_element(By.ID, field).send_keys(text)
    until_box = browser.find_element(By.ID, "valid_until")
    until_box.clear()
    until_box.send_keys(until)
    Select(browser.find_element(By.ID, "audience")).select_by_value("list")
    browser.find_element(By.ID, "codes_file").send_keys(str(listing))
    snap(browser, "new-en")
    browser.find_element(By.ID, "create").click()
    done = wait_for(lambda: browser.find_elements(By.ID, "done"), "the campaign page")
    assert "2 coupons issued" in done[0].text
    assert browser.find_element(By.ID, "campaign-name").text == "Autumn <i>coupon</i>"
    assert browser.find_element(By.ID, "issued").text == "2"
    url = browser.current_url.split("?")[0]
    for lang in ("en", "zh_TW", "zh_CN"):
        browser.get(f"{url}?lang={lang}")
        snap(browser, f"detail-{lang}")
        browser.get(f"{server}/console/campaigns?lang={lang}")
        snap(browser, f"list-{lang}")
        browser.get(f"{server}/console/campaigns/new?lang={lang}")
        snap(browser, f"new-{lang}")
