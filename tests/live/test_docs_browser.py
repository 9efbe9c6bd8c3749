"""The documentation pages in a real browser: headless Debian chromium driven by Playwright."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, expect, sync_playwright

CHROMIUM = os.environ.get("FACTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
# Where the Arabic evidence of the $148 million pledge sits, in "148 مليون دولار": the digit 1, the
# first letter of مليون and the last letter of دولار.
RTL_PROBE = """(span) => {
    const text = span.firstChild;
    const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                        return r.getBoundingClientRect().left; };
    const s = text.data;
    return {bidi: getComputedStyle(span).unicodeBidi, digit: at(s.indexOf("148")),
            first: at(s.indexOf("مليون")), last: at(s.lastIndexOf("ر"))};
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        reason = f"no chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("FACTS_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Offline:
    """A page whose every request to anywhere but the server under test fails, and is recorded.

    The guard sees every request the browser makes; what the page's own Content-Security-Policy
    blocks never becomes a request, and is recorded from the console instead."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.base_url = base_url
        self.outside: list[str] = []
        self.errors: list[str] = []
        # Loads the page's Content-Security-Policy made the browser refuse, before any request.
        self.refused: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.route("**/*", self._guard)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        if "Content Security Policy" in message.text:
            self.refused.append(message.text)
        else:
            self.errors.append(message.text)

    def _guard(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(f"{self.base_url}/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


def test_swagger_ui_tries_out_list_pledges_offline(browser: Browser, live_server: str, tmp_path: Path) -> None:
    offline = Offline(browser, live_server)
    page = offline.page
    page.goto(f"{live_server}/docs")
    expect(page.locator(".information-container")).to_contain_text("code-point offsets")

    operation = page.locator("#operations-pledges-listPledges")
    operation.locator(".opblock-summary").click()
    expect(operation.locator(".response .microlight").first).to_contain_text("148 مليون دولار")
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()

    live = operation.locator(".live-responses-table")
    expect(live.locator("tr.response td.response-col_status").first).to_have_text("200")
    body = live.locator("pre.microlight").first
    expect(body).to_contain_text('"amount": 148000000')
    expect(operation.locator(".request-url")).to_contain_text(f"{live_server}/v1/pledges")

    documented = operation.locator(".response .microlight").first
    for shown in (body, documented):
        evidence = shown.locator("span", has_text="148 مليون دولار").last
        probe = evidence.evaluate(RTL_PROBE)
        print(f"evidence glyph positions: {probe}")
        assert probe["bidi"] == "plaintext", probe
        # Right to left: the amount stands rightmost, then مليون, then دولار ends on the left.
        assert probe["digit"] > probe["first"] > probe["last"], probe

    screenshot = tmp_path / "docs-try-it-out.png"
    operation.screenshot(path=screenshot)
    page.screenshot(path=tmp_path / "docs-full-page.png", full_page=True)
    print(f"screenshot: {screenshot}")
    assert screenshot.stat().st_size > 10_000
    assert offline.outside == [], offline.outside
    assert offline.refused == [], offline.refused
    assert offline.errors == [], offline.errors


def test_redoc_renders_offline(browser: Browser, live_server: str, tmp_path: Path) -> None:
    offline = Offline(browser, live_server)
    page = offline.page
    page.goto(f"{live_server}/redoc#tag/pledges/operation/listPledges")
    expect(page.locator("h1").first).to_contain_text("Article Facts API")
    section = page.locator('[data-section-id="tag/pledges/operation/listPledges"]')
    expect(section).to_contain_text("148 مليون دولار")
    expect(section).to_contain_text("148000000")
    screenshot = tmp_path / "redoc.png"
    page.screenshot(path=screenshot)
    print(f"screenshot: {screenshot}")
    assert offline.outside == [], offline.outside
    # ReDoc's bundle always tries to draw its credit logo from its CDN; the policy refuses that one.
    assert all(REDOC_LOGO in refusal for refusal in offline.refused), offline.refused
    assert offline.errors == [], offline.errors
