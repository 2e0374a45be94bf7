"""What every browser test under Tests/Browser shares: headless Chromium, waiting for what a person would see,
steps that print as they pass, and one way to report a failure (the step, the URL, what was expected and found, a
screenshot and the page source under OBOROT_ARTIFACTS_DIR, default /tmp/oborot-smoke).

Environment:
  OBOROT_ARTIFACTS_DIR  where a failure's screenshot and page source go
  OBOROT_CHROMIUM       browser binary (default /usr/bin/chromium)
  OBOROT_CHROMEDRIVER   driver binary (default /usr/bin/chromedriver)
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.request
from typing import Callable, Optional, TypeVar
from urllib.parse import urlparse

# Never let Selenium Manager try to download a driver or a browser.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

try:
    from selenium import webdriver
    from selenium.common.exceptions import (
        NoSuchElementException,
        StaleElementReferenceException,
        TimeoutException,
        WebDriverException,
    )
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:  # pragma: no cover - environment problem
    print(f"browser tests: selenium is not installed ({error}); run `python3 -m pip install selenium`",
          file=sys.stderr)
    sys.exit(1)

WAIT_SECONDS = 15
CYRILLIC = re.compile(r"[А-Яа-яЁё]")

T = TypeVar("T")


class StepFailed(Exception):
    """A step did not find what a person would expect to see."""

    def __init__(self, expected: str, found: str = "") -> None:
        super().__init__(expected)
        self.expected = expected
        self.found = found


def normalized(text: Optional[str]) -> str:
    return " ".join((text or "").split())


def error_text(error: BaseException) -> str:
    """Selenium's message without the driver's native stack trace."""
    message = getattr(error, "msg", None) or str(error)
    return shorten(message.split("Stacktrace:")[0], 600)


def shorten(text: str, limit: int = 300) -> str:
    text = normalized(text)
    return text if len(text) <= limit else text[:limit] + "…"


def visible(elements: list[WebElement]) -> Optional[WebElement]:
    for element in elements:
        if element.is_displayed():
            return element
    return None


def describe(element: WebElement) -> str:
    element_id = element.get_attribute("id")
    return element.tag_name + (f"#{element_id}" if element_id else "")


class Api:
    """The REST API, for the set-up a browser test is not about and for the names a person would read on the screen."""

    def __init__(self, base_url: str, password: str) -> None:
        self.base_url = base_url
        self.password = password

    def call(self, method: str, path: str, token: Optional[str] = None, body: Optional[dict] = None) -> dict:
        request = urllib.request.Request(self.base_url + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None)
        request.add_header("Accept", "application/json")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read().decode() or "{}")

    def sign_in(self, login: str) -> str:
        return self.call("POST", "/api/v1/session", body={"login": login, "password": self.password})["token"]

    def me(self, login: str) -> dict:
        return self.call("GET", "/api/v1/me", self.sign_in(login))


class BrowserTest:
    """A person's walk through the pages: `run` calls `step` for each thing they do."""

    def __init__(self, driver: WebDriver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.passed: list[str] = []
        self.current_step = "starting"

    def run(self) -> None:
        raise NotImplementedError

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def path(self) -> str:
        return urlparse(self.driver.current_url).path or "/"

    def wait_for(self, expected: str, condition: Callable[[WebDriver], Optional[T]],
                 found: Callable[[], str] = lambda: "", seconds: float = WAIT_SECONDS) -> T:
        """Polls `condition` until it returns something truthy, else fails with `expected`."""
        wait = WebDriverWait(
            self.driver,
            seconds,
            poll_frequency=0.2,
            ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
        )
        try:
            return wait.until(lambda d: _unless_navigating(condition, d))
        except TimeoutException:
            try:
                seen = found()
            except WebDriverException:
                seen = ""
            raise StepFailed(f"{expected} (waited {seconds:g} s)", seen) from None

    def find(self, css: str, expected: str) -> WebElement:
        return self.wait_for(expected, lambda d: visible(d.find_elements(By.CSS_SELECTOR, css)))

    def step(self, name: str, action: Callable[[], None]) -> None:
        self.current_step = name
        action()
        self.passed.append(name)
        print(f"  ok  {name}", flush=True)


class PageTest(BrowserTest):
    """A walk through the signed-in pages with what the page tests share: reading text and alerts, clicking what
    leads to another page and waiting for it, typing, the navigation, signing in and out, card fields, a screenshot."""

    password = "demo"

    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.signed_in_as = ""

    def text(self, css: str) -> str:
        return normalized(" ".join(e.text for e in self.driver.find_elements(By.CSS_SELECTOR, css)))

    def alerts_text(self) -> str:
        alerts = [normalized(a.text) for a in self.driver.find_elements(By.CSS_SELECTOR, ".alert")]
        return "alerts: " + (" | ".join(f"«{shorten(a, 200)}»" for a in alerts if a) or "none")

    def where(self) -> str:
        return f"URL {self.driver.current_url}; h1 «{self.text('h1')}»; {self.alerts_text()}"

    def by_text(self, css: str, text: str) -> Optional[WebElement]:
        for element in self.driver.find_elements(By.CSS_SELECTOR, css):
            if normalized(element.text) == text and element.is_displayed():
                return element
        return None

    def click_and_wait(self, element: WebElement, expected: str,
                       arrived: Callable[[WebDriver], object] = lambda d: True) -> None:
        """Clicks what leads to another page (or the same one, reloaded) and waits for it to be there."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        self.wait_for(expected, lambda d: is_stale(page) and d.execute_script(
            "return document.readyState") == "complete" and arrived(d), self.where)

    def type_into(self, css: str, text: str, what: str) -> WebElement:
        field = self.find(css, f"a visible {what} field `{css}` on {self.path()}")
        field.click()
        field.clear()
        field.send_keys(text)
        if (field.get_attribute("value") or "") != text:
            raise StepFailed(f"the {what} field `{css}` to hold «{text}» after typing it",
                             f"«{field.get_attribute('value')}»")
        return field

    def nav_link(self, title: str, path: str) -> WebElement:
        def link(d: WebDriver) -> Optional[WebElement]:
            for a in d.find_elements(By.CSS_SELECTOR, "nav.main-nav a, nav a"):
                if normalized(a.text) == title and a.is_displayed() and (a.get_attribute("href") or "").endswith(path):
                    return a
            return None

        return self.wait_for(f"a navigation link «{title}» to {path}", link, lambda: "nav links: " + ", ".join(
            f"«{normalized(a.text)}»" for a in self.driver.find_elements(By.CSS_SELECTOR, "nav a")))

    def sign_out(self) -> None:
        button = self.by_text(".user-menu button, header button", "Выйти")
        if button is None:
            raise StepFailed("a button «Выйти» in the page's header", self.where())
        self.click_and_wait(button, "the sign-in page after «Выйти»",
                            lambda d: d.find_elements(By.CSS_SELECTOR, "input#login"))
        self.signed_in_as = ""

    def sign_in_as(self, login: str) -> None:
        if self.signed_in_as == login:
            return
        if self.signed_in_as:
            self.sign_out()
        if self.path() != "/login":
            self.open("/login")
        self.type_into("input#login", login, "login")
        self.type_into("input#password", self.password, "password")
        self.click_and_wait(self.find("button[type=submit]", "the sign-in button"),
                            f"to land on / after signing in as {login}", lambda d: self.path() == "/")
        self.signed_in_as = login

    def requisite(self, title: str) -> str:
        for term in self.driver.find_elements(By.CSS_SELECTOR, "dl.card-fields dt"):
            if normalized(term.text) == title:
                return normalized(term.find_element(By.XPATH, "following-sibling::dd[1]").text)
        return ""

    def screenshot(self, name: str) -> None:
        """The whole page, as tall as it is, into the artifacts directory."""
        directory = os.environ.get("OBOROT_ARTIFACTS_DIR") or "/tmp/oborot-smoke"
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, name)
        size = self.driver.get_window_size()
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(size["width"], min(max(int(height) + 140, size["height"]), 8000))
        try:
            if not self.driver.save_screenshot(path):
                raise StepFailed(f"a screenshot saved to {path}")
        finally:
            self.driver.set_window_size(size["width"], size["height"])
        print(f"  screenshot: {path}", flush=True)


# What Chromium says when an element is asked about while its document is being replaced by the next page's: the
# same thing as a stale element, but raised as a plain WebDriverException.
_NAVIGATING = ("does not belong to the document", "No node with given id", "Cannot find context with specified id")


def is_navigation_race(error: WebDriverException) -> bool:
    return isinstance(error, StaleElementReferenceException) or any(m in str(error) for m in _NAVIGATING)


def _unless_navigating(condition: Callable[[WebDriver], Optional[T]], driver: WebDriver) -> Optional[T]:
    try:
        return condition(driver) or None
    except WebDriverException as error:
        if is_navigation_race(error):
            return None
        raise


def is_stale(element: WebElement) -> bool:
    """Whether the element's page has gone (a click that navigates has taken effect)."""
    try:
        element.is_enabled()
        return False
    except NoSuchElementException:
        return True
    except WebDriverException as error:
        if is_navigation_race(error):
            return True
        raise


def make_driver() -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("OBOROT_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,900"):
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("OBOROT_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    return driver


def save_artifacts(driver: WebDriver, name: str) -> None:
    directory = os.environ.get("OBOROT_ARTIFACTS_DIR") or "/tmp/oborot-smoke"
    try:
        os.makedirs(directory, exist_ok=True)
        screenshot = os.path.join(directory, f"{name}-failure.png")
        source = os.path.join(directory, f"{name}-failure.html")
        driver.save_screenshot(screenshot)
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(driver.page_source)
        print(f"  screenshot:  {screenshot}", file=sys.stderr)
        print(f"  page source: {source}", file=sys.stderr)
    except (OSError, WebDriverException) as error:
        print(f"  (could not save the screenshot/page source to {directory}: {error})", file=sys.stderr)


def report_failure(name: str, test: BrowserTest, expected: str, found: str) -> None:
    print(f"browser {name}: FAILED at step: {test.current_step}", file=sys.stderr)
    try:
        url = test.driver.current_url
    except WebDriverException:
        url = "(unknown)"
    print(f"  current URL: {url}", file=sys.stderr)
    print(f"  {expected}", file=sys.stderr)
    if found:
        print(f"  found: {found}", file=sys.stderr)
    if test.passed:
        print("  steps passed before it: " + "; ".join(test.passed), file=sys.stderr)
    save_artifacts(test.driver, name)


def main(name: str, make_test: Callable[[WebDriver, str], BrowserTest], argv: list[str]) -> int:
    """Runs one browser test against BASE_URL (argv[1]). Exit status: 0 when every step passed, 1 when one failed,
    2 on bad usage."""
    if len(argv) != 2 or not argv[1].startswith(("http://", "https://")):
        print(f"usage: python3 Tests/Browser/{name}.py BASE_URL   (e.g. http://127.0.0.1:8080)", file=sys.stderr)
        return 2

    try:
        driver = make_driver()
    except WebDriverException as error:
        print(f"browser {name}: FAILED: could not start headless Chromium: {error_text(error)}\n"
              f"  (browser {os.environ.get('OBOROT_CHROMIUM', '/usr/bin/chromium')}, driver "
              f"{os.environ.get('OBOROT_CHROMEDRIVER', '/usr/bin/chromedriver')}; Debian packages: "
              "chromium, chromium-driver)", file=sys.stderr)
        return 1

    test = make_test(driver, argv[1])
    print(f"browser {name}: {test.base_url}", flush=True)
    try:
        test.run()
    except StepFailed as failure:
        report_failure(name, test, f"expected {failure.expected}", failure.found)
        return 1
    except WebDriverException as error:
        report_failure(name, test, "expected the browser to keep working", f"{type(error).__name__}: {error_text(error)}")
        return 1
    except KeyboardInterrupt:
        print(f"browser {name}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug in the script or an odd page: still leave artifacts
        report_failure(name, test, "expected the step to run without an error",
                       f"{type(error).__name__}: {error_text(error)}")
        raise
    finally:
        try:
            driver.quit()
        except WebDriverException:
            pass
    print(f"browser {name}: ok", flush=True)
    return 0
