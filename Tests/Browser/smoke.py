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
import sys
from typing import Optional
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import (  # noqa: E402  (shared browser helpers; they check that selenium is installed)
    CYRILLIC, BrowserTest, StepFailed, describe, main, normalized, shorten, visible,
)
from selenium.common.exceptions import NoSuchElementException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402


ORGANIZATIONS = "Организации"
ROOT_ORGANIZATION = "Правительство Ростовской области"
SEARCH_TERM = "Азов"


class Smoke(BrowserTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)

    # -- helpers -----------------------------------------------------------


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


if __name__ == "__main__":
    sys.exit(main("smoke", Smoke, sys.argv))
