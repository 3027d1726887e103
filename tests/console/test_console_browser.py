"""The console in a real browser: Debian's headless Chromium, driven by Selenium, against the real HQ served
by uvicorn on loopback. Screenshots of every page in every language go to test-artifacts/console/."""

import csv
import io
import json
import re
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from hq.cli import main as hq_cli
from tests.support.passwords import PASSWORD

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "console"
XSS = "<script>alert(1)</script>"
# A catalog key shown instead of its text (a missing translation) would look like this.
RAW_KEY = re.compile(r"\b(?:app|nav|login|error|filter|dash|store|members?|col|rfm|seg|review|flag|audit|role|common)"
                     r"\.[a-z_0-9]+\b")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed (scripts/setup.sh installs them)",
)


@pytest.fixture
def server(chain):
    """The chain's own app, served by uvicorn on a free loopback port."""
    config = uvicorn.Config(chain.client.app, host="127.0.0.1", port=0, log_level="error", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="hq-console", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "HQ did not start"
        time.sleep(0.02)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1000", "--lang=zh-TW"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "zh-TW,zh"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture
def known_sales(chain):
    """Three members and four sales pushed through the sync API, as tills would."""
    ann = chain.member("S001", "Ann Chen", marketing=True, phone="0912345678")
    ben = chain.member("S001", "Ben Wu", marketing=False)
    cleo = chain.member("S002", "Cleo Lin", marketing=True)
    xss = chain.member("S001", "Placeholder", marketing=True)
    chain.execute("UPDATE members SET name = :n WHERE member_code = :c", n=XSS, c=xss)  # as an old import could
    chain.buy("S001", ann, 12_000)
    chain.buy("S001", ann, 8_000, redeem=100)
    chain.buy("S001", ben, 45_000)
    chain.buy("S002", cleo, 6_000)
    return {"ann": ann, "ben": ben, "cleo": cleo, "xss": xss}


def sign_in(driver, base: str, username: str) -> None:
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(f"{base}/console/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login").click()
    wait_for(lambda: driver.find_elements(By.ID, "who"), "the dashboard after signing in")


def search_members(driver, base: str, text: str) -> None:
    """Types into the member search and submits it (a POST: nothing searched for goes into a URL)."""
    from selenium.webdriver.common.by import By

    if not driver.current_url.split("?")[0].endswith("/console/members"):
        driver.get(f"{base}/console/members")
    driver.find_element(By.ID, "q").send_keys(text)
    driver.find_element(By.CSS_SELECTOR, "#search button").click()
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#results, #none"), "the search results")
    assert text not in driver.current_url


def wait_for(condition, what: str, seconds: float = 15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def shot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1280, min(max(height + 40, 700), 4000))
    driver.save_screenshot(str(path))
    return path


def test_the_dashboard_shows_the_same_figures_as_the_cli_after_the_tills_synced(chain, known_sales, server, browser,
                                                                             capsys, db_file):
    from selenium.webdriver.common.by import By

    sign_in(browser, server, "admin")
    start = browser.find_element(By.ID, "from").get_attribute("value")
    end = browser.find_element(By.ID, "to").get_attribute("value")
    assert hq_cli(["--db", db_file, "report", "summary", "--from", start, "--to", end]) == 0
    cli = json.loads(capsys.readouterr().out)
    shown = {el.get_attribute("id"): int(el.get_attribute("data-value"))
             for el in browser.find_elements(By.CSS_SELECTOR, ".kpi b[data-value]")}
    for key in ("members_total", "members_new", "members_active", "sales_count", "sales_cents", "points_issued",
                "points_redeemed", "points_expired", "points_outstanding", "liability_cents", "repurchase_rate_bp",
                "redemption_rate_bp"):
        assert shown[key] == cli[key], key
    assert (cli["sales_count"], cli["sales_cents"], cli["members_total"]) == (4, 71_000, 4)
    assert browser.find_element(By.ID, "sales_cents").text == "NT$710"  # TWD: one symbol in every language, no cents
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart polyline")  # the cohort chart is drawn
    shot(browser, "dashboard_admin_zh_TW")


def test_a_segment_exports_as_csv_with_consenting_members_only(chain, known_sales, server, browser):
    from selenium.webdriver.common.by import By

    sign_in(browser, server, "mkt")
    browser.get(f"{server}/console/rfm")
    counts = {row.get_attribute("data-segment"): int(row.find_element(By.CSS_SELECTOR, "td.n").get_attribute("data-value"))
              for row in browser.find_elements(By.CSS_SELECTOR, "#segments tr[data-segment]")}
    assert sum(counts.values()) == 3  # Ann, Ben and Cleo bought; the fourth member did not
    target = max(counts, key=lambda s: (counts[s], s))  # the biggest segment
    browser.find_element(By.CSS_SELECTOR, f'#segments tr[data-segment="{target}"] a.export').click()
    files = wait_for(lambda: [p for p in browser.downloads.glob("*.csv")], "the CSV download")
    rows = list(csv.DictReader(io.StringIO(files[0].read_text(encoding="utf-8-sig"))))
    exported = {r["member_code"] for r in rows}
    assert known_sales["ben"] not in exported  # no marketing consent
    assert exported <= {known_sales["ann"], known_sales["cleo"]}
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'segment.export' AND username = 'mkt'") == 1
    shot(browser, "rfm_marketing_zh_TW")


def test_a_store_manager_is_refused_another_stores_member(chain, known_sales, server, browser):
    from selenium.webdriver.common.by import By

    sign_in(browser, server, "mgr1")
    browser.get(f"{server}/console/members/{known_sales['cleo']}")
    assert "沒有這位會員" in browser.find_element(By.ID, "error").text
    assert "Cleo" not in browser.page_source
    shot(browser, "refused_store_manager_zh_TW")
    browser.get(f"{server}/console/members/{known_sales['ann']}")
    assert browser.find_element(By.ID, "member-name").text == "Ann Chen"
    assert browser.find_element(By.ID, "phone").text == "0912***678"


def test_a_member_named_like_a_script_is_shown_as_text_and_nothing_runs(chain, known_sales, server, browser):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    sign_in(browser, server, "admin")
    browser.get(f"{server}/console/members/{known_sales['xss']}")
    assert browser.find_element(By.ID, "member-name").text == XSS
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    search_members(browser, server, "script")
    assert XSS in browser.find_element(By.ID, "results").text
    shot(browser, "member_script_name_zh_TW")


def test_every_page_in_every_language(chain, known_sales, server, browser):
    from selenium.webdriver.common.by import By

    sign_in(browser, server, "admin")
    ann = known_sales["ann"]
    pages = {"dashboard": "/console/", "members": "/console/members", "member": f"/console/members/{ann}",
             "rfm": "/console/rfm", "segment": "/console/rfm/important_value", "review": "/console/review",
             "stores": "/console/stores", "audit": "/console/audit", "error": "/console/?from=2026-02-30"}
    expected_nav = {"zh_TW": "總覽", "zh_CN": "总览", "en": "Dashboard"}
    for lang in ("zh_TW", "zh_CN", "en"):
        for name, path in pages.items():
            sep = "&" if "?" in path else "?"
            browser.get(f"{server}{path}{sep}lang={lang}")
            if name == "members":  # the search is a form (POST): its results are on the page it answers with
                search_members(browser, server, "Chen")
            body = browser.find_element(By.TAG_NAME, "body").text
            assert expected_nav[lang] in body, (lang, name)
            assert not RAW_KEY.search(body), (lang, name, RAW_KEY.search(body))
            shot(browser, f"{name}_{lang}")
    browser.get(f"{server}/console/login?lang=en")
    browser.delete_all_cookies()
    for lang in ("zh_TW", "zh_CN", "en"):
        browser.get(f"{server}/console/login?lang={lang}")
        shot(browser, f"login_{lang}")
