#!/usr/bin/env python3
"""Browser smoke test for Oborot: a person logs in and finds an organization.

Usage: python3 Tests/Browser/smoke.py BASE_URL      (e.g. http://127.0.0.1:8080)

Needs selenium 4 and headless Chromium with its driver (Debian: chromium,
chromium-driver). The server must run with demo data (`oborot serve --demo`):
user `admin`, password `demo`.

Environment:
  OBOROT_ARTIFACTS_DIR  where a failure's screenshot and page source go
                        (default /tmp/oborot-smoke)
  OBOROT_CHROMIUM       browser binary (default /usr/bin/chromium)
  OBOROT_CHROMEDRIVER   driver binary (default /usr/bin/chromedriver)

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import os
import re
import sys
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
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:  # pragma: no cover - environment problem
    print(f"browser smoke: selenium is not installed ({error}); run `python3 -m pip install selenium`",
          file=sys.stderr)
    sys.exit(1)

WAIT_SECONDS = 15
CYRILLIC = re.compile(r"[А-Яа-яЁё]")

ORGANIZATIONS = "Организации"
ROOT_ORGANIZATION = "Правительство Ростовской области"
SEARCH_TERM = "Азов"

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


class Smoke:
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.passed: list[str] = []
        self.current_step = "starting"

    # -- helpers -----------------------------------------------------------

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def path(self) -> str:
        return urlparse(self.driver.current_url).path or "/"

    def wait_for(self, expected: str, condition: Callable[[WebDriver], Optional[T]],
                 found: Callable[[], str] = lambda: "") -> T:
        """Polls `condition` until it returns something truthy, else fails with `expected`."""
        wait = WebDriverWait(
            self.driver,
            WAIT_SECONDS,
            poll_frequency=0.2,
            ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
        )
        try:
            return wait.until(lambda d: condition(d) or None)
        except TimeoutException:
            try:
                seen = found()
            except WebDriverException:
                seen = ""
            raise StepFailed(f"{expected} (waited {WAIT_SECONDS} s)", seen) from None

    def find(self, css: str, expected: str) -> WebElement:
        return self.wait_for(expected, lambda d: visible(d.find_elements(By.CSS_SELECTOR, css)))

    def type_into(self, css: str, text: str, what: str) -> WebElement:
        field = self.find(css, f"a visible {what} field `{css}` on {self.path()}")
        field.clear()
        field.send_keys(text)
        return field

    def submit_form_of(self, field: WebElement) -> None:
        """Submits the field's form the way a person would: its submit button, else Enter."""
        try:
            form = field.find_element(By.XPATH, "./ancestor::form")
        except NoSuchElementException:
            raise StepFailed(f"the field `{describe(field)}` to be inside a <form>") from None
        button = visible(form.find_elements(
            By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])"))
        if button is not None:
            button.click()
        else:
            field.send_keys(Keys.ENTER)

    def step(self, name: str, action: Callable[[], None]) -> None:
        self.current_step = name
        action()
        self.passed.append(name)
        print(f"  ok  {name}", flush=True)

    # -- steps -------------------------------------------------------------

    def wrong_password_is_refused(self) -> None:
        self.open("/login")
        self.type_into("input#login", "admin", "login")
        password = self.type_into("input#password", "definitely-wrong-password", "password")
        self.submit_form_of(password)

        def alert_shown(d: WebDriver) -> Optional[WebElement]:
            alert = visible(d.find_elements(By.CSS_SELECTOR, ".alert-error"))
            return alert if alert is not None and normalized(alert.text) else None

        alert = self.wait_for(
            "a visible `.alert-error` with a message after a wrong password",
            alert_shown,
            lambda: f"URL {self.driver.current_url}",
        )
        role = alert.get_attribute("role")
        if role != "alert":
            raise StepFailed('the `.alert-error` to have role="alert"', f'role="{role}"')
        if not CYRILLIC.search(alert.text):
            raise StepFailed("the error message to be in Russian", f"«{shorten(alert.text)}»")
        if not visible(self.driver.find_elements(By.CSS_SELECTOR, "input#password")):
            raise StepFailed("to stay on the login page (its `input#password` visible) after a wrong password")

    def login(self) -> None:
        self.open("/login")
        self.type_into("input#login", "admin", "login")
        self.type_into("input#password", "demo", "password")
        button = self.find("button[type=submit]", "a visible `button[type=submit]` on the login page")
        button.click()

        self.wait_for(
            "to land on / after logging in as admin/demo",
            lambda d: self.path() == "/",
            lambda: f"path {self.path()}" + "".join(
                f", alert «{shorten(a.text)}»" for a in self.driver.find_elements(By.CSS_SELECTOR, ".alert-error")),
        )
        self.wait_for(
            f"a `nav` with a link «{ORGANIZATIONS}» whose href ends in /organizations",
            lambda d: self.organizations_link(),
            lambda: "nav links: " + (", ".join(
                f"«{normalized(a.text)}» -> {a.get_attribute('href')}"
                for a in self.driver.find_elements(By.CSS_SELECTOR, "nav a")) or "none"),
        )

    def organizations_link(self) -> Optional[WebElement]:
        for link in self.driver.find_elements(By.CSS_SELECTOR, "nav a"):
            href = link.get_attribute("href") or ""
            if (normalized(link.text) == ORGANIZATIONS and link.is_displayed()
                    and urlparse(href).path.endswith("/organizations")):
                return link
        return None

    def open_organizations(self) -> None:
        link = self.organizations_link()
        if link is None:
            raise StepFailed(f"the nav link «{ORGANIZATIONS}»")
        link.click()
        self.wait_for(
            "to land on /organizations after clicking the nav link",
            lambda d: self.path().endswith("/organizations"),
            lambda: f"path {self.path()}",
        )

        def heading_shown(d: WebDriver) -> bool:
            return any(normalized(h.text) == ORGANIZATIONS for h in d.find_elements(By.TAG_NAME, "h1"))

        self.wait_for(
            f"an h1 «{ORGANIZATIONS}»",
            heading_shown,
            lambda: "h1: " + (", ".join(f"«{normalized(h.text)}»"
                                        for h in self.driver.find_elements(By.TAG_NAME, "h1")) or "none"),
        )

        def tree_text() -> str:
            trees = self.driver.find_elements(By.CSS_SELECTOR, "ul.org-tree")
            if not trees:
                return "no `ul.org-tree` on the page"
            text = trees[0].text
            hidden = trees[0].get_attribute("textContent") or ""
            note = (" (the name is in the tree's markup but not visible)"
                    if ROOT_ORGANIZATION in hidden and ROOT_ORGANIZATION not in text else "")
            return f"visible tree text «{shorten(text)}»{note}"

        self.wait_for(
            f"a visible `ul.org-tree` whose text contains «{ROOT_ORGANIZATION}»",
            lambda d: any(ROOT_ORGANIZATION in t.text for t in d.find_elements(By.CSS_SELECTOR, "ul.org-tree")),
            tree_text,
        )

    def search_organizations(self) -> None:
        field = self.type_into("input#org-search", SEARCH_TERM, "organization search")
        self.submit_form_of(field)

        def results_text() -> str:
            results = self.driver.find_elements(By.CSS_SELECTOR, ".org-results")
            if not results:
                return f"no `.org-results` on {self.driver.current_url}"
            return "results «" + shorten(" | ".join(r.text for r in results)) + "»"

        self.wait_for(
            f"`.org-results` containing «{SEARCH_TERM}» after searching for it",
            lambda d: any(SEARCH_TERM in r.text for r in d.find_elements(By.CSS_SELECTOR, ".org-results")),
            results_text,
        )

    def run(self) -> None:
        self.step("wrong password shows a Russian `.alert-error` (role=alert) on /login",
                  self.wrong_password_is_refused)
        self.step("login as admin/demo lands on / with a nav link «Организации»", self.login)
        self.step("the nav link opens /organizations: h1 «Организации», `ul.org-tree` with "
                  "«Правительство Ростовской области»", self.open_organizations)
        self.step("searching «Азов» in `input#org-search` shows it in `.org-results`",
                  self.search_organizations)


def visible(elements: list[WebElement]) -> Optional[WebElement]:
    for element in elements:
        if element.is_displayed():
            return element
    return None


def describe(element: WebElement) -> str:
    element_id = element.get_attribute("id")
    return element.tag_name + (f"#{element_id}" if element_id else "")


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


def save_artifacts(driver: WebDriver) -> None:
    directory = os.environ.get("OBOROT_ARTIFACTS_DIR") or "/tmp/oborot-smoke"
    try:
        os.makedirs(directory, exist_ok=True)
        screenshot = os.path.join(directory, "smoke-failure.png")
        source = os.path.join(directory, "smoke-failure.html")
        driver.save_screenshot(screenshot)
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(driver.page_source)
        print(f"  screenshot:  {screenshot}", file=sys.stderr)
        print(f"  page source: {source}", file=sys.stderr)
    except (OSError, WebDriverException) as error:
        print(f"  (could not save the screenshot/page source to {directory}: {error})", file=sys.stderr)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[1].startswith(("http://", "https://")):
        print("usage: python3 Tests/Browser/smoke.py BASE_URL   (e.g. http://127.0.0.1:8080)", file=sys.stderr)
        return 2

    try:
        driver = make_driver()
    except WebDriverException as error:
        print(f"browser smoke: FAILED: could not start headless Chromium: {error_text(error)}\n"
              f"  (browser {os.environ.get('OBOROT_CHROMIUM', '/usr/bin/chromium')}, driver "
              f"{os.environ.get('OBOROT_CHROMEDRIVER', '/usr/bin/chromedriver')}; Debian packages: "
              "chromium, chromium-driver)", file=sys.stderr)
        return 1

    smoke = Smoke(driver, argv[1])
    print(f"browser smoke: {smoke.base_url}", flush=True)
    try:
        smoke.run()
    except StepFailed as failure:
        report_failure(smoke, f"expected {failure.expected}", failure.found)
        return 1
    except WebDriverException as error:
        report_failure(smoke, "expected the browser to keep working",
                       f"{type(error).__name__}: {error_text(error)}")
        return 1
    except KeyboardInterrupt:
        print("browser smoke: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug in this script or an odd page: still leave artifacts
        report_failure(smoke, "expected the step to run without an error",
                       f"{type(error).__name__}: {error_text(error)}")
        raise
    finally:
        try:
            driver.quit()
        except WebDriverException:
            pass
    print("browser smoke: ok", flush=True)
    return 0


def report_failure(smoke: Smoke, expected: str, found: str) -> None:
    print(f"browser smoke: FAILED at step: {smoke.current_step}", file=sys.stderr)
    try:
        url = smoke.driver.current_url
    except WebDriverException:
        url = "(unknown)"
    print(f"  current URL: {url}", file=sys.stderr)
    print(f"  {expected}", file=sys.stderr)
    if found:
        print(f"  found: {found}", file=sys.stderr)
    if smoke.passed:
        print("  steps passed before it: " + "; ".join(smoke.passed), file=sys.stderr)
    save_artifacts(smoke.driver)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
