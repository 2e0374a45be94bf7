#!/usr/bin/env python3
"""Browser test of full-text search, run by scripts/test against `oborot serve --demo`.

    python3 Tests/Browser/search.py http://127.0.0.1:8080

What a person does, in headless Chromium with the Russian pages:

1. (set-up through the REST API) the ministry's registrar (`minfin-ro.registrar`) registers an incoming letter with a
   distinctive title; the server indexes it in the background, so the test polls `/api/v1/search` until it is found
   (15 s, longer only while the index is still working through its queue);
2. the registrar signs in, opens /search, types another grammatical form of the title's word in the box and presses
   Enter: the letter is among the results, its title shown and linked to its card, the matching words in `<mark>`;
3. they click the facet «Входящий» under «Вид»: the address gains `kind=incoming`, the link is marked as chosen and
   the letter is still there. A screenshot of the page is saved.

Each run uses its own title (unique per run), so it may run again against the same server.

Environment:
  OBOROT_ARTIFACTS_DIR  where the screenshot (and a failure's page source) go (default /tmp/oborot-smoke)
  OBOROT_CHROMIUM       browser binary (default /usr/bin/chromium)
  OBOROT_CHROMEDRIVER   driver binary (default /usr/bin/chromedriver)

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import sys
import time
import urllib.error
from typing import Callable, Optional
from urllib.parse import parse_qs, urlencode, urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import (  # noqa: E402  (shared browser helpers; they check that selenium is installed)
    WAIT_SECONDS, Api, BrowserTest, StepFailed, T, main, normalized, shorten,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402

PASSWORD = "demo"
REGISTRAR = "minfin-ro.registrar"

RUN = datetime.datetime.now().strftime("%H%M%S")
# «звездолётов» in the title; the API is asked for the same form, the person types another one («звездолёта»). The
# run's number makes the query match this run's letter only.
TITLE = f"О реставрации звездолётов обсерватории, проверка поиска {RUN}"
API_QUERY = f"звездолётов {RUN}"
TYPED = f"звездолёта {RUN}"
STEM = "звездолет"  # what every form of the word starts with, «ё» read as «е»
INDEX_WAIT_SECONDS = 15
INDEX_CATCH_UP_SECONDS = 90  # only while the server's queue is still being worked through (a fresh demo has 3,000)
DOCUMENT_PATH = re.compile(r"/documents/([0-9a-fA-F-]{36})$")


class SearchApi(Api):
    """The set-up the test is not about (registering the letter) and asking the search API directly."""

    def get(self, path: str, token: str) -> dict:
        try:
            return self.call("GET", path, token)
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", errors="replace")
            raise StepFailed(f"GET {path} to answer 200", f"{error.code}: {shorten(body, 400)}") from None

    def register_letter(self, token: str) -> dict:
        me = self.call("GET", "/api/v1/me", token)
        organization = me["organization"]["id"] if isinstance(me.get("organization"), dict) else me["organizationId"]
        journals = self.call("GET", f"/api/v1/organizations/{organization}/journals", token)
        journal = next((j for j in journals if "incoming" in j.get("kinds", [])), None)
        if journal is None:
            raise StepFailed(f"a journal of incoming letters in {REGISTRAR}'s organisation",
                             json.dumps(journals, ensure_ascii=False)[:300])
        correspondent = self.call("POST", "/api/v1/correspondents", token,
                                  {"kind": "organization", "name": "Министерство финансов Российской Федерации"})
        try:
            return self.call("POST", "/api/v1/documents", token, {
                "organizationId": organization, "kind": "incoming", "title": TITLE,
                "correspondentId": correspondent["id"], "correspondentNumber": f"05-{RUN}",
                "correspondentDate": (datetime.date.today() - datetime.timedelta(days=2)).isoformat(),
                "deliveryMethod": "post", "registerIn": journal["id"]})
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", errors="replace")
            raise StepFailed("POST /api/v1/documents to register the letter", f"{error.code}: {shorten(body, 400)}") \
                from None


class Search(BrowserTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.api = SearchApi(self.base_url, PASSWORD)
        self.token = ""
        self.document_id = ""
        self.number = ""

    # --- helpers -------------------------------------------------------------------------------------------

    def wait_for(self, expected: str, condition: Callable[[WebDriver], Optional[T]],
                 found: Optional[Callable[[], str]] = None, seconds: float = WAIT_SECONDS) -> T:
        """As a person would be told: unless the step says what to look at, the page's alerts and results."""
        return super().wait_for(expected, condition, found or self.page_state, seconds)

    def text_of(self, css: str) -> str:
        return normalized(" ".join(e.text for e in self.driver.find_elements(By.CSS_SELECTOR, css)))

    def page_state(self) -> str:
        alerts = [normalized(e.text) for e in self.driver.find_elements(By.CSS_SELECTOR, ".alert, [role=alert]")]
        titles = [normalized(a.text) for a in self.driver.find_elements(By.CSS_SELECTOR, "a.search-result__title")]
        return (f"URL {self.driver.current_url}; alerts: {' | '.join(t for t in alerts if t) or 'none'}; "
                f"results: {shorten(' | '.join(titles), 400) or 'none'}")

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.driver.current_url).query)

    def sign_in_as(self, login: str) -> None:
        self.driver.delete_all_cookies()
        self.open("/login")
        field = self.find("input#login", "the login field on /login")
        field.clear()
        field.send_keys(login)
        self.find("input#password", "the password field").send_keys(PASSWORD)
        self.find("button[type=submit]", "the sign-in button").click()
        self.wait_for(f"to land on / after signing in as {login}", lambda d: self.path() == "/")

    def result(self) -> Optional[WebElement]:
        """The result whose title is the letter's, if it is shown."""
        for item in self.driver.find_elements(By.CSS_SELECTOR, "li.search-result"):
            titles = item.find_elements(By.CSS_SELECTOR, "a.search-result__title")
            if titles and normalized(titles[0].text) == TITLE:
                return item
        return None

    def expect_result(self, after: str) -> WebElement:
        item = self.wait_for(f"a result titled «{TITLE}» {after}", lambda d: self.result())
        link = item.find_element(By.CSS_SELECTOR, "a.search-result__title")
        match = DOCUMENT_PATH.search(link.get_attribute("href") or "")
        if not match or match.group(1).lower() != self.document_id:
            raise StepFailed(f"the result's title to link to /documents/{self.document_id}",
                             link.get_attribute("href") or "(no href)")
        marks = [normalized(m.text) for m in item.find_elements(By.CSS_SELECTOR, "mark")]
        if not any(m.lower().replace("ё", "е").startswith(STEM) for m in marks):
            raise StepFailed(f"a form of «{STEM}…» in <mark> in the result {after}",
                             f"marks: {marks or 'none'}; result: «{shorten(normalized(item.text), 400)}»")
        if self.number and f"№ {self.number}" not in normalized(item.text):
            raise StepFailed(f"the result to show № {self.number}", shorten(normalized(item.text), 400))
        return item

    # --- the path ------------------------------------------------------------------------------------------

    def register_letter(self) -> None:
        self.token = self.api.sign_in(REGISTRAR)
        card = self.api.register_letter(self.token)
        self.document_id = str(card.get("id", "")).lower()
        self.number = ((card.get("registration") or {}).get("number")) or ""
        if not self.document_id or not self.number:
            raise StepFailed("the registered letter's id and number", json.dumps(card, ensure_ascii=False)[:400])

    def wait_until_indexed(self) -> None:
        path = "/api/v1/search?" + urlencode({"q": API_QUERY, "limit": "20"})
        started = time.monotonic()
        seen = ""
        while True:
            body = self.api.get(path, self.token)
            items = body.get("items") or []
            if any(str(item.get("id", "")).lower() == self.document_id for item in items):
                return
            seen = (f"items: {[item.get('title') for item in items]}; "
                    f"indexNotice: {body.get('indexNotice') or 'none'}")
            waited = time.monotonic() - started
            if waited > INDEX_WAIT_SECONDS:
                status = self.api.get("/api/v1/search/status", self.token)
                catching_up = (status.get("queuedDocuments") or 0) > 0 or (status.get("pendingFiles") or 0) > 0
                if not catching_up or waited > INDEX_CATCH_UP_SECONDS:
                    raise StepFailed(
                        f"GET {path} to find the letter «{TITLE}» once indexed in the background "
                        f"(waited {waited:.0f} s)", f"{seen}; status: {json.dumps(status, ensure_ascii=False)}")
            time.sleep(0.5)

    def search_in_browser(self) -> None:
        self.sign_in_as(REGISTRAR)
        self.open("/search")
        self.wait_for("the page «Поиск документов»", lambda d: self.text_of("h1") == "Поиск документов")
        box = self.find("input#search-q", "the search box `#search-q` on /search")
        box.clear()
        box.send_keys(TYPED)
        box.send_keys(Keys.ENTER)
        self.wait_for(f"/search?q={TYPED} after pressing Enter in the box",
                      lambda d: self.path() == "/search" and self.query().get("q") == [TYPED])
        self.expect_result(f"for «{TYPED}»")
        value = self.find("input#search-q", "the search box after searching").get_attribute("value") or ""
        if value != TYPED:
            raise StepFailed(f"the box to keep «{TYPED}»", f"«{value}»")
        summary = self.text_of(".search-results__summary")
        if not summary.startswith("Найдено:"):
            raise StepFailed("the summary «Найдено: …»", f"«{summary}»")

    def narrow_by_facet(self) -> None:
        def facet(d: WebDriver) -> Optional[WebElement]:
            for group in d.find_elements(By.CSS_SELECTOR, ".search-facets__group"):
                titles = group.find_elements(By.CSS_SELECTOR, ".search-facets__title")
                if titles and normalized(titles[0].text) == "Вид":
                    for link in group.find_elements(By.CSS_SELECTOR, "a"):
                        if "kind=incoming" in (link.get_attribute("href") or ""):
                            return link
            return None
        link = self.wait_for("a link to kind=incoming in the facet group «Вид»", facet,
                             lambda: "facets: " + (self.text_of(".search-facets") or "none"))
        label = normalized(link.text)
        if label != "Входящий":
            raise StepFailed("the facet link to read «Входящий»", f"«{label}»")
        link.click()
        self.wait_for("the address to gain kind=incoming and keep the query",
                      lambda d: self.query().get("kind") == ["incoming"] and self.query().get("q") == [TYPED])
        self.expect_result("after choosing «Входящий»")
        chosen = self.wait_for("the chosen facet link marked aria-current=true", lambda d: next(
            (a for a in d.find_elements(By.CSS_SELECTOR, ".search-facets a[aria-current=true]")
             if normalized(a.text) == "Входящий"), None), lambda: "facets: " + self.text_of(".search-facets"))
        if "is-selected" not in (chosen.get_attribute("class") or ""):
            raise StepFailed("the chosen facet link to have the class is-selected", chosen.get_attribute("class") or "")
        if "Снять отбор" not in self.text_of(".search-facets"):
            raise StepFailed("a link «Снять отбор» under the chosen facet", self.text_of(".search-facets"))

    def save_screenshot(self) -> None:
        directory = os.environ.get("OBOROT_ARTIFACTS_DIR") or "/tmp/oborot-smoke"
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, "search.png")
        if not self.driver.save_screenshot(path):
            raise StepFailed(f"a screenshot saved to {path}")
        print(f"  screenshot: {path}", flush=True)

    def run(self) -> None:
        self.step(f"the registrar registers «{TITLE}» through the API", self.register_letter)
        self.step(f"the background indexer makes it findable: /api/v1/search?q={API_QUERY}", self.wait_until_indexed)
        self.step(f"on /search the registrar types «{TYPED}» and presses Enter: the letter, its word in <mark>",
                  self.search_in_browser)
        self.step("the facet «Входящий» narrows the results: kind=incoming in the address, the letter still there",
                  self.narrow_by_facet)
        self.step("a screenshot of the narrowed results", self.save_screenshot)


if __name__ == "__main__":
    sys.exit(main("search", Search, sys.argv))
