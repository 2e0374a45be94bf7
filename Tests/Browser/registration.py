#!/usr/bin/env python3
"""Browser test for Oborot: a registrar registers incoming documents through the web form.

Usage: python3 Tests/Browser/registration.py BASE_URL      (e.g. http://127.0.0.1:8080)

Needs selenium 4 and headless Chromium with its driver (Debian: chromium,
chromium-driver). The server must run with demo data (`oborot serve --demo`):
user `registrar` (the registrar of the region's government), password `demo`.
The test registers two documents, so run it against a throwaway server.

What a person does here: logs in, opens «Документы», clicks «Зарегистрировать
входящий», sends a form holding only a title (and is told what is missing without
losing the title), fills the form in by keyboard (typing, Tab between fields) and
sends it with Ctrl+Enter, reads the new number, finds it at the top of the list and
opens the card from there; then registers a second document marked ДСП with the
mouse and sees the «ДСП» tag on its card.

Environment:
  OBOROT_ARTIFACTS_DIR  where a failure's screenshot and page source go
                        (default /tmp/oborot-smoke)
  OBOROT_CHROMIUM       browser binary (default /usr/bin/chromium)
  OBOROT_CHROMEDRIVER   driver binary (default /usr/bin/chromedriver)

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
import time
from typing import Optional
from urllib.parse import parse_qs, urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import (  # noqa: E402  (shared browser helpers; they check that selenium is installed)
    CYRILLIC, is_stale, BrowserTest, StepFailed, describe, main, normalized, shorten, visible,
)
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

DOCUMENT_PATH = re.compile(r"^/documents/([0-9a-fA-F-]{36})$")
NUMBER_IN_NOTICE = re.compile(r"№\s*(\S+)")

LOGIN = "registrar"
PASSWORD = "demo"
DOCUMENTS = "Документы"
REGISTER_INCOMING = "Зарегистрировать входящий"
RESTRICTED_TAG = "ДСП"
RESTRICTED_VIEW = "Просмотр карточки ДСП"  # history entry of each opening of a ДСП card
FIRST_ROWS = 5  # the new document must be among the list's first rows (newest first)

# Unique per run, so that a rerun against the same server still finds its own documents.
RUN = datetime.datetime.now().strftime("%H%M%S")
NEW_CORRESPONDENT = f"ООО «Проверка регистрации {RUN}»"
PREFIX_LENGTH = len("ООО «Проверка")  # what the registrar types before the suggestion shows up
# Well in the past: the form's `max` is today in Moscow, the machine may be in another zone.
CORRESPONDENT_DATE = datetime.date.today() - datetime.timedelta(days=5)

FIRST = {
    "title": f"О проверке регистрации входящих из браузера {RUN}",
    "correspondent": NEW_CORRESPONDENT,
    "correspondentNumber": f"01-{RUN}/7",
    "delivery": "Курьер",
    "pages": "3",
    "annexCount": "1",
    "notes": f"Зарегистрирован браузерным тестом {RUN}",
}
SECOND = {
    "title": f"О служебной проверке (ДСП) {RUN}",
    "correspondent": NEW_CORRESPONDENT,
    "correspondentNumber": f"КСП-{RUN}",
    "pages": "2",
}


class Registration(BrowserTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.first_number = ""
        self.first_id = ""

    # -- helpers -----------------------------------------------------------


    def type_into(self, css: str, text: str, what: str) -> WebElement:
        field = self.find(css, f"a visible {what} field `{css}` on {self.path()}")
        field.clear()
        field.send_keys(text)
        return field

    def focused(self) -> WebElement:
        return self.driver.switch_to.active_element

    def focused_id(self) -> str:
        return describe(self.focused())

    def keys(self, *keys: str) -> None:
        """Presses keys in whatever has the focus, as a person does (element.send_keys would refocus
        the element first, which puts a date field back on its first part)."""
        ActionChains(self.driver).send_keys(*keys).perform()

    def tab_to(self, field_id: str) -> WebElement:
        """Presses Tab and expects the focus on `#field_id`.

        Chromium's date field takes Tab presses inside itself (between its day, month and year
        parts and its picker): there Tab is pressed again until the focus leaves it, as a person does."""
        start = self.focused()
        before = describe(start)
        self.keys(Keys.TAB)
        element = self.focused()
        presses = 1
        while element == start and start.get_attribute("type") == "date" and presses < 5:
            self.keys(Keys.TAB)
            element = self.focused()
            presses += 1
        if element.get_attribute("id") != field_id:
            raise StepFailed(f"Tab from `{before}` to move the focus to `#{field_id}`",
                             f"the focus on `{describe(element)}`")
        return element

    def type_here(self, text: str) -> WebElement:
        self.keys(text)
        return self.focused()

    def expect_value(self, css: str, value: str, what: str) -> None:
        field = self.driver.find_element(By.CSS_SELECTOR, css)
        actual = field.get_attribute("value") or ""
        if actual != value:
            raise StepFailed(f"the {what} field `{css}` to hold «{value}» after typing it", f"«{actual}»")

    def press_ctrl_enter(self) -> None:
        (ActionChains(self.driver)
         .key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL)
         .perform())

    def nav_link(self, title: str, path: str) -> Optional[WebElement]:
        for link in self.driver.find_elements(By.CSS_SELECTOR, "nav a"):
            href = link.get_attribute("href") or ""
            if normalized(link.text) == title and link.is_displayed() and urlparse(href).path == path:
                return link
        return None

    def nav_links_text(self) -> str:
        return "nav links: " + (", ".join(
            f"«{normalized(a.text)}» -> {a.get_attribute('href')}"
            for a in self.driver.find_elements(By.CSS_SELECTOR, "nav a")) or "none")

    def alerts_text(self) -> str:
        alerts = [normalized(a.text) for a in self.driver.find_elements(By.CSS_SELECTOR, ".alert")]
        return "; alerts: " + (" | ".join(f"«{shorten(a, 200)}»" for a in alerts if a) or "none")


    # -- pages -------------------------------------------------------------

    def open_documents_from_nav(self) -> None:
        link = self.wait_for(
            f"a `nav` link «{DOCUMENTS}» to /documents",
            lambda d: self.nav_link(DOCUMENTS, "/documents"),
            self.nav_links_text,
        )
        link.click()
        self.wait_for(f"to land on /documents after clicking «{DOCUMENTS}»",
                      lambda d: self.path() == "/documents", lambda: f"path {self.path()}")
        self.find("table.documents-table", "a visible `table.documents-table` on /documents")

    def open_registration_form(self) -> WebElement:
        """Clicks «Зарегистрировать входящий» on /documents; returns the form."""
        def button(d: WebDriver) -> Optional[WebElement]:
            for link in d.find_elements(By.CSS_SELECTOR, "a, button"):
                if normalized(link.text) == REGISTER_INCOMING and link.is_displayed():
                    return link
            return None

        self.wait_for(
            f"a visible button «{REGISTER_INCOMING}» on /documents",
            button,
            lambda: "buttons: " + ", ".join(f"«{normalized(b.text)}»" for b in self.driver.find_elements(
                By.CSS_SELECTOR, ".page-head a, .page-head button")),
        ).click()
        self.wait_for(
            f"to land on /documents/new?kind=incoming after clicking «{REGISTER_INCOMING}»",
            lambda d: self.path() == "/documents/new" and parse_qs(urlparse(d.current_url).query).get("kind") == ["incoming"],
            lambda: f"URL {self.driver.current_url}",
        )
        form = self.find("form#registration-form", "a visible `form#registration-form`")
        for field_id in ("organizationId", "journalId", "correspondent", "correspondentNumber", "correspondentDate",
                         "deliveryMethod", "title", "pages", "annexCount", "restricted", "notes", "submit-registration"):
            if not form.find_elements(By.ID, field_id):
                raise StepFailed(f"the registration form to have a `#{field_id}`")
        return form

    def fill_date_by_keyboard(self, field: WebElement, date: datetime.date) -> None:
        """Types the date as the browser's locale shows it; falls back to setting the value with JS."""
        parts = self.driver.execute_script(
            "return new Intl.DateTimeFormat(undefined, {year: 'numeric', month: '2-digit', day: '2-digit'})"
            ".formatToParts(new Date(2001, 10, 22)).filter(p => p.type !== 'literal').map(p => p.type);")
        digits = {"day": f"{date.day:02d}", "month": f"{date.month:02d}", "year": f"{date.year:04d}"}
        if isinstance(parts, list) and sorted(parts) == ["day", "month", "year"]:
            self.keys("".join(digits[p] for p in parts))
        typed = field.get_attribute("value") or ""
        if typed != date.isoformat():
            print(f"  note: typing the date into `{describe(field)}` gave «{typed}» (field order {parts}); "
                  "setting it with JS instead", flush=True)
            self.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field, date.isoformat())
            if (field.get_attribute("value") or "") != date.isoformat():
                raise StepFailed(f"the date field `{describe(field)}` to accept {date.isoformat()}",
                                 f"value «{field.get_attribute('value')}»")

    def choose_by_typing(self, select_element: WebElement, title: str) -> None:
        """Picks an option of a focused <select> by typing its title (type-ahead), else by clicking it."""
        self.keys(title)
        chosen = Select(select_element).first_selected_option
        if normalized(chosen.text) != title:
            print(f"  note: typing «{title}» in `{describe(select_element)}` chose «{normalized(chosen.text)}»; "
                  "picking the option instead", flush=True)
            Select(select_element).select_by_visible_text(title)
        chosen = Select(select_element).first_selected_option
        if normalized(chosen.text) != title:
            raise StepFailed(f"`{describe(select_element)}` to show «{title}»", f"«{normalized(chosen.text)}»")

    def wait_for_registered_card(self, how: str, restricted: bool = False) -> tuple[str, str]:
        """After a submission: the card with #registered-notice; returns (document id, number)."""
        def card_reached(d: WebDriver) -> bool:
            return (DOCUMENT_PATH.match(self.path()) is not None
                    and parse_qs(urlparse(d.current_url).query).get("registered") == ["1"])

        self.wait_for(
            f"to land on /documents/<id>?registered=1 after {how}",
            card_reached,
            lambda: f"URL {self.driver.current_url}" + self.alerts_text(),
        )
        document_id = DOCUMENT_PATH.match(self.path()).group(1)
        notice = self.find("#registered-notice", "a visible `#registered-notice` on the new card")
        role = notice.get_attribute("role")
        if role != "status":
            raise StepFailed('`#registered-notice` to have role="status"', f'role="{role}"')
        strong = notice.find_elements(By.CSS_SELECTOR, "strong.registration-number")
        if not strong:
            raise StepFailed("a `strong.registration-number` in `#registered-notice`", f"«{shorten(notice.text)}»")
        match = NUMBER_IN_NOTICE.fullmatch(normalized(strong[0].text))
        if match is None:
            raise StepFailed("`strong.registration-number` to read «№ <number>»", f"«{normalized(strong[0].text)}»")
        number = match.group(1)
        if not CYRILLIC.search(notice.text) or "зарегистрирован" not in notice.text.lower():
            raise StepFailed("`#registered-notice` to say in Russian that the document is registered",
                             f"«{shorten(notice.text)}»")

        heading = self.find("h1", "an h1 on the card")
        text = normalized(heading.text)
        if not text.startswith("Входящий") or f"№ {number}" not in text:
            raise StepFailed(f"the card's h1 to read «Входящий № {number} …»", f"«{text}»")

        def history_entries(d: WebDriver) -> Optional[list[str]]:
            entries = d.find_elements(By.CSS_SELECTOR, "ol.history > li")
            return [normalized(e.text) for e in entries] if entries and entries[0].is_displayed() else None

        entries = self.wait_for(
            "a visible `ol.history` with at least one entry on the new card",
            history_entries,
            lambda: f"{len(self.driver.find_elements(By.CSS_SELECTOR, 'ol.history'))} `ol.history` on the page",
        )
        listed = " | ".join(f"«{shorten(e, 120)}»" for e in entries)
        # The history is newest first. Opening a ДСП card is itself recorded (a view of a
        # restricted card), so on a ДСП card that view comes before the registration.
        skipped = 0
        if restricted:
            while skipped < len(entries) - 1 and RESTRICTED_VIEW in entries[skipped]:
                skipped += 1
        if "зарегистрирован" not in entries[skipped].lower():
            where = "the first history entry" if not restricted else \
                f"the first history entry after the «{RESTRICTED_VIEW}» ones"
            raise StepFailed(f"{where} to mention «зарегистрирован»", listed)
        return document_id, number

    def card_fields(self) -> str:
        return normalized(" ".join(dl.text for dl in self.driver.find_elements(By.CSS_SELECTOR, "dl.card-fields")))

    def restricted_tags(self) -> list[WebElement]:
        return [tag for tag in self.driver.find_elements(By.CSS_SELECTOR, ".page-head .tag")
                if normalized(tag.text) == RESTRICTED_TAG and tag.is_displayed()]

    # -- steps -------------------------------------------------------------

    def login(self) -> None:
        self.open("/login")
        self.type_into("input#login", LOGIN, "login")
        self.type_into("input#password", PASSWORD, "password")
        self.find("button[type=submit]", "a visible `button[type=submit]` on the login page").click()
        self.wait_for(
            f"to land on / after logging in as {LOGIN}/{PASSWORD}",
            lambda d: self.path() == "/",
            lambda: f"path {self.path()}" + self.alerts_text(),
        )
        self.wait_for(f"a `nav` link «{DOCUMENTS}» to /documents",
                      lambda d: self.nav_link(DOCUMENTS, "/documents"), self.nav_links_text)

    def open_form(self) -> None:
        self.open_documents_from_nav()
        self.open_registration_form()
        # The correspondent is the first thing a registrar types: the form focuses it.
        focused = self.focused()
        if focused.get_attribute("id") != "correspondent":
            raise StepFailed("the focus on `#correspondent` when the form opens (it has autofocus)",
                             f"the focus on `{describe(focused)}`")

    def incomplete_form_is_refused(self) -> None:
        title = self.find("#title", "a visible `#title` textarea")
        title.click()
        title.send_keys(FIRST["title"])
        form = self.driver.find_element(By.CSS_SELECTOR, "form#registration-form")
        # Without `novalidate` the browser's own validation stops the form before it leaves
        # (the fields are `required`): the person sees a bubble on the first empty field.
        # Asked before the click: with `novalidate` the click leaves the page at once.
        blocked_by_browser = self.driver.execute_script(
            "return !arguments[0].noValidate && !arguments[0].checkValidity();", form)
        self.driver.find_element(By.ID, "submit-registration").click()
        if blocked_by_browser:
            time.sleep(0.5)
            if is_stale(form) or self.path() != "/documents/new":
                raise StepFailed("the browser to keep the invalid form on the page",
                                 f"URL {self.driver.current_url}")
            focused = self.focused()
            message = focused.get_attribute("validationMessage") or ""
            if focused.get_attribute("id") != "correspondent" or not message:
                raise StepFailed("the browser's validation to focus the empty `#correspondent` with a message",
                                 f"the focus on `{describe(focused)}`, message «{message}»")
            if (title.get_attribute("value") or "") != FIRST["title"]:
                raise StepFailed("the title to stay as typed while the browser refuses the form",
                                 f"«{title.get_attribute('value')}»")
            print("  note: the browser's own validation refused the form (it has no `novalidate`: "
                  f"«{message}» on #correspondent); sending it with validation off to reach the server's "
                  "error list", flush=True)
            self.driver.execute_script("arguments[0].noValidate = true;", form)
            self.driver.find_element(By.ID, "submit-registration").click()

        def error_shown(d: WebDriver) -> Optional[WebElement]:
            box = visible(d.find_elements(By.CSS_SELECTOR, "#form-error"))
            return box if box is not None and normalized(box.text) else None

        box = self.wait_for(
            "a visible `#form-error` after sending the form with only a title",
            error_shown,
            lambda: f"URL {self.driver.current_url}" + self.alerts_text(),
        )
        role = box.get_attribute("role")
        if role != "alert":
            raise StepFailed('`#form-error` to have role="alert"', f'role="{role}"')
        if self.path() != "/documents/new":
            raise StepFailed("to stay on the form (path /documents/new) after the refusal", f"path {self.path()}")
        problems = [normalized(item.text) for item in box.find_elements(By.CSS_SELECTOR, "li")]
        listed = " | ".join(f"«{p}»" for p in problems) or f"no list items; text «{shorten(box.text)}»"
        if len(problems) < 3 or not all(CYRILLIC.search(p) for p in problems):
            raise StepFailed("`#form-error` to list each problem (correspondent, its number, its date) in Russian",
                             listed)
        joined = " ".join(problems).lower()
        for word, what in (("корреспондент", "the correspondent"), ("номер", "the correspondent's number"),
                           ("дата", "the correspondent's date")):
            if word not in joined:
                raise StepFailed(f"`#form-error` to mention {what} («{word}»)", listed)
        if "заголов" in joined:
            raise StepFailed("`#form-error` not to complain about the title, which was filled in", listed)

        kept = self.find("#title", "the `#title` textarea still on the form")
        if (kept.get_attribute("value") or "") != FIRST["title"]:
            raise StepFailed("the title textarea to keep the typed text after the refusal",
                             f"«{kept.get_attribute('value')}»")
        for field_id in ("correspondent", "correspondentNumber", "correspondentDate"):
            marked = self.driver.find_element(By.ID, field_id).get_attribute("aria-invalid")
            if marked != "true":
                raise StepFailed(f'the empty required field `#{field_id}` to be marked aria-invalid="true"',
                                 f'aria-invalid="{marked}"')
        if self.driver.find_element(By.ID, "title").get_attribute("aria-invalid") == "true":
            raise StepFailed('`#title` (filled in) not to be marked aria-invalid="true"')

    def register_by_keyboard(self) -> None:
        correspondent = self.find("#correspondent", "a visible `#correspondent` field")
        correspondent.click()
        correspondent.send_keys(FIRST["correspondent"])
        self.expect_value("#correspondent", FIRST["correspondent"], "correspondent")
        self.tab_to("correspondentNumber")
        self.type_here(FIRST["correspondentNumber"])
        date_field = self.tab_to("correspondentDate")
        self.fill_date_by_keyboard(date_field, CORRESPONDENT_DATE)
        delivery = self.tab_to("deliveryMethod")
        self.choose_by_typing(delivery, FIRST["delivery"])
        self.tab_to("executorEmployeeId")  # optional: left unassigned
        self.tab_to("title")  # kept from the refused attempt
        self.expect_value("#title", FIRST["title"], "title")
        self.tab_to("pages")
        self.type_here(FIRST["pages"])
        self.tab_to("annexCount")
        self.type_here(FIRST["annexCount"])
        self.tab_to("restricted")  # not ДСП: left unticked
        self.tab_to("notes")
        self.type_here(FIRST["notes"])
        self.expect_value("#notes", FIRST["notes"], "notes")
        self.press_ctrl_enter()

        self.first_id, self.first_number = self.wait_for_registered_card("pressing Ctrl+Enter in `#notes`")
        if self.focused().get_attribute("id") != "registered-notice":
            raise StepFailed("the focus on `#registered-notice` so that screen readers announce the number",
                             f"the focus on `{self.focused_id()}`")
        fields = self.card_fields()
        expected = {
            "the title": FIRST["title"],
            "the new correspondent": FIRST["correspondent"],
            "the correspondent's number and date":
                f"№ {FIRST['correspondentNumber']} от {CORRESPONDENT_DATE.strftime('%d.%m.%Y')}",
            "the delivery method": FIRST["delivery"],
            "pages / annexes": f"{FIRST['pages']} / {FIRST['annexCount']}",
            "the notes": FIRST["notes"],
        }
        for what, text in expected.items():
            if text not in fields:
                raise StepFailed(f"the card's `dl.card-fields` to show {what} «{text}»", f"«{shorten(fields, 600)}»")
        if self.restricted_tags():
            raise StepFailed(f"no «{RESTRICTED_TAG}» tag on a card registered without the ДСП box ticked")

    def number_heads_the_list(self) -> None:
        self.open_documents_from_nav()
        rows = self.driver.find_elements(By.CSS_SELECTOR, "table.documents-table tbody tr")[:FIRST_ROWS]
        numbers = []
        target: Optional[WebElement] = None
        for row in rows:
            cells = row.find_elements(By.CSS_SELECTOR, "td")
            links = cells[0].find_elements(By.CSS_SELECTOR, "a") if cells else []
            text = normalized(links[0].text) if links else ""
            numbers.append(text)
            if text == self.first_number and target is None:
                target = links[0]
        if target is None:
            raise StepFailed(f"«{self.first_number}» among the first {FIRST_ROWS} rows of `table.documents-table`",
                             "first numbers: " + (", ".join(f"«{n}»" for n in numbers) or "no rows"))
        target.click()
        self.wait_for(
            f"the number «{self.first_number}» in the list to open /documents/{self.first_id}",
            lambda d: self.path() == f"/documents/{self.first_id}",
            lambda: f"URL {self.driver.current_url}",
        )
        heading = normalized(self.find("h1", "an h1 on the card").text)
        if f"№ {self.first_number}" not in heading:
            raise StepFailed(f"the card opened from the list to be «Входящий № {self.first_number} …»",
                             f"h1 «{heading}»")
        if FIRST["title"] not in self.card_fields():
            raise StepFailed(f"the card opened from the list to show the title «{FIRST['title']}»",
                             f"«{shorten(self.card_fields())}»")

    def register_restricted(self) -> None:
        self.open_documents_from_nav()
        self.open_registration_form()
        correspondent = self.focused()
        if correspondent.get_attribute("id") != "correspondent":
            correspondent = self.driver.find_element(By.ID, "correspondent")
            correspondent.click()
        # The same sender again: the name typed for the first document is in the directory now,
        # and the field suggests it (oborot.js asks /api/v1/correspondents) from a few letters on.
        typed = SECOND["correspondent"][:PREFIX_LENGTH]
        correspondent.send_keys(typed)

        def suggested(d: WebDriver) -> bool:
            options = d.find_elements(By.CSS_SELECTOR, "datalist#correspondent-options option")
            return any(o.get_attribute("value") == SECOND["correspondent"] for o in options)

        self.wait_for(
            f"`datalist#correspondent-options` to suggest «{SECOND['correspondent']}» (added to the directory by "
            f"the first registration) after typing «{typed}»",
            suggested,
            lambda: "options: " + (", ".join(
                f"«{o.get_attribute('value')}»" for o in self.driver.find_elements(
                    By.CSS_SELECTOR, "datalist#correspondent-options option")[:8]) or "none"),
        )
        self.keys(SECOND["correspondent"][PREFIX_LENGTH:])
        self.expect_value("#correspondent", SECOND["correspondent"], "correspondent")
        self.tab_to("correspondentNumber")
        self.type_here(SECOND["correspondentNumber"])
        self.fill_date_by_keyboard(self.tab_to("correspondentDate"), CORRESPONDENT_DATE)
        title = self.driver.find_element(By.ID, "title")
        title.click()
        title.send_keys(SECOND["title"])
        self.tab_to("pages")
        self.type_here(SECOND["pages"])
        self.tab_to("annexCount")
        box = self.tab_to("restricted")
        self.keys(Keys.SPACE)
        if not box.is_selected():
            raise StepFailed("Space on the focused `#restricted` checkbox to tick it")
        self.driver.find_element(By.ID, "submit-registration").click()

        document_id, number = self.wait_for_registered_card("clicking «Зарегистрировать» with ДСП ticked",
                                                             restricted=True)
        if document_id == self.first_id or number == self.first_number:
            raise StepFailed("the second registration to get its own card and number",
                             f"id {document_id}, number «{number}» (the first: {self.first_id}, «{self.first_number}»)")
        if not self.restricted_tags():
            tags = ", ".join(f"«{normalized(t.text)}»" for t in self.driver.find_elements(By.CSS_SELECTOR, ".tag"))
            raise StepFailed(f"a visible «{RESTRICTED_TAG}» tag in the card's `.page-head`", f"tags: {tags or 'none'}")
        fields = self.card_fields()
        for text in (SECOND["title"], SECOND["correspondent"], f"№ {SECOND['correspondentNumber']}"):
            if text not in fields:
                raise StepFailed(f"the card's `dl.card-fields` to show «{text}»", f"«{shorten(fields, 600)}»")

    def run(self) -> None:
        self.step(f"login as {LOGIN}/{PASSWORD} lands on / with a nav link «{DOCUMENTS}»", self.login)
        self.step(f"«{DOCUMENTS}» → «{REGISTER_INCOMING}» opens `form#registration-form`, focus on #correspondent",
                  self.open_form)
        self.step("a form with only a title is refused: `#form-error` (role=alert) lists the problems in Russian, "
                  "the title is kept", self.incomplete_form_is_refused)
        self.step("the form filled in by keyboard and sent with Ctrl+Enter registers the document: "
                  "`#registered-notice` with the number, h1 «Входящий № …», history «зарегистрирован»",
                  self.register_by_keyboard)
        self.step("the new number is among the first rows of /documents and opens its card",
                  self.number_heads_the_list)
        self.step(f"a second document registered with ДСП ticked shows the «{RESTRICTED_TAG}» tag on its card",
                  self.register_restricted)


if __name__ == "__main__":
    sys.exit(main("registration", Registration, sys.argv))
