#!/usr/bin/env python3
"""Browser test of execution control, run by scripts/test against `oborot serve --demo`.

    python3 Tests/Browser/control.py http://127.0.0.1:8080

The path of a governor's order through the web pages, each step by the person who takes it, in headless
Chromium: a registrar's letter (registered through the API, as a setup) gets the governor's resolution
«Оперативно» under «Контроль Губернатора» for Минфин РО; the minister passes it to a department; the department's
head passes it to a specialist; the specialist accepts and reports; each level accepts the report from below and
reports up; the governor accepts the ministry's report and removes the resolution from control. The governor's
inbox and card are also checked at a phone's width (no sideways scrolling).

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
from typing import Callable, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import (  # noqa: E402  (shared browser helpers; they check that selenium is installed)
    WAIT_SECONDS, Api, BrowserTest, StepFailed, T, main, normalized,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402

PASSWORD = "demo"
MINISTRY = "Минфин РО"
DEPARTMENT = "Отдел планирования (Минфин РО)"
RUN = datetime.datetime.now().strftime("%H%M%S")
RESOLUTION_TEXT = f"Подготовить предложения по бюджету, проверка {RUN}"
PHONE = (390, 844)
DESKTOP = (1280, 900)


class ControlApi(Api):
    """The set-up the test is not about (registering the letter) and the names it reads."""

    def register_letter(self) -> str:
        token = self.sign_in("registrar")
        me = self.call("GET", "/api/v1/me", token)
        organization = me["organization"]["id"] if isinstance(me.get("organization"), dict) else me["organizationId"]
        journals = self.call("GET", f"/api/v1/organizations/{organization}/journals", token)
        journal = next(j for j in journals if "incoming" in j.get("kinds", []))
        correspondent = self.call("POST", "/api/v1/correspondents", token,
                                  {"kind": "organization", "name": "Министерство финансов Российской Федерации"})
        document = self.call("POST", "/api/v1/documents", token, {
            "organizationId": organization, "kind": "incoming", "title": f"О бюджете на 2027 год ({RUN})",
            "correspondentId": correspondent["id"], "correspondentNumber": f"01-{RUN}",
            "correspondentDate": (datetime.date.today() - datetime.timedelta(days=2)).isoformat(),
            "deliveryMethod": "post", "registerIn": journal["id"]})
        return document["id"]

    def display_name(self, login: str) -> str:
        return (self.me(login).get("displayName") or "").split(" ")[0]  # the surname: labels show «Фамилия И. О.»


class Control(BrowserTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.api = ControlApi(self.base_url, PASSWORD)
        self.document_id = ""

    # --- helpers -------------------------------------------------------------------------------------------


    def wait_for(self, expected: str, condition: Callable[[WebDriver], Optional[T]],
                 found: Optional[Callable[[], str]] = None, seconds: float = WAIT_SECONDS) -> T:
        """As a person would be told: unless the step says what to look at, the page's alerts."""
        return super().wait_for(expected, condition, found or self.alerts, seconds)

    def alerts(self) -> str:
        texts = [normalized(e.text) for e in self.driver.find_elements(By.CSS_SELECTOR, ".alert, [role=alert]")]
        return "alerts: " + (" | ".join(t for t in texts if t) or "none")

    def click(self, css: str, what: str) -> None:
        self.find(css, f"{what} (`{css}`)").click()

    def text_of(self, css: str) -> str:
        return normalized(" ".join(e.text for e in self.driver.find_elements(By.CSS_SELECTOR, css)))

    def expect_notice(self, words: str) -> None:
        self.wait_for(f"a notice containing «{words}»",
                      lambda d: words in self.text_of(".alert-success"), self.alerts)


    def sign_in_as(self, login: str) -> None:
        self.driver.delete_all_cookies()
        self.open("/login")
        field = self.find("input#login", "the login field on /login")
        field.clear()
        field.send_keys(login)
        self.find("input#password", "the password field").send_keys(PASSWORD)
        self.click("button[type=submit]", "the sign-in button")
        self.wait_for(f"to land on / after signing in as {login}", lambda d: self.path() == "/", self.alerts)

    def tick(self, label_part: str) -> None:
        """Ticks the executor checkbox whose label contains `label_part`."""
        def box(d: WebDriver) -> Optional[WebElement]:
            for label in d.find_elements(By.CSS_SELECTOR, ".executor-list label.field--check"):
                if label_part in normalized(label.text):
                    return label.find_element(By.CSS_SELECTOR, "input[type=checkbox]")
            return None
        checkbox = self.wait_for(f"an executor checkbox labelled with «{label_part}»", box,
                                 lambda: "labels: " + self.text_of(".executor-list"))
        if not checkbox.is_selected():
            checkbox.click()

    def tick_file(self, name: str) -> None:
        def box(d: WebDriver) -> Optional[WebElement]:
            for label in d.find_elements(By.CSS_SELECTOR, "#report-form label.field--check"):
                if name in normalized(label.text):
                    return label.find_element(By.CSS_SELECTOR, "input[type=checkbox]")
            return None
        self.wait_for(f"the uploaded «{name}» offered in the report form", box,
                      lambda: "report form: " + self.text_of("#report-form")).click()

    def open_inbox_item(self, inbox: str, text: str) -> None:
        self.open(f"/assignments?inbox={inbox}")
        def link(d: WebDriver) -> Optional[WebElement]:
            for card in d.find_elements(By.CSS_SELECTOR, "#assignment-list a.assignment-card__link"):
                if text in normalized(card.text):
                    return card
            return None
        self.wait_for(f"«{text}» in the inbox /assignments?inbox={inbox}", link,
                      lambda: "inbox: " + (self.text_of("#assignment-list") or self.text_of(".empty-state"))).click()
        self.wait_for("the assignment card", lambda d: self.path().startswith("/assignments/"))

    def state(self) -> str:
        return self.text_of("#assignment-state")

    def expect_state(self, name: str) -> None:
        self.wait_for(f"the assignment's state «{name}»", lambda d: self.state() == name,
                      lambda: f"state «{self.state()}»; {self.alerts()}")

    def report(self, text: str) -> None:
        self.find("#report-text", "the report field on the card").send_keys(text)
        self.click("#action-report", "«Отправить отчёт»")
        self.expect_notice("Отчёт отправлен")
        self.expect_state("Отчёт на проверке")

    def accept_report(self) -> None:
        self.click("#action-accept-report", "«Принять отчёт»")
        self.expect_notice("Отчёт принят")
        self.expect_state("Исполнено")

    def fits_phone(self, what: str) -> None:
        overflow = self.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
        if overflow > 2:
            raise StepFailed(f"{what} to fit a {PHONE[0]} px wide phone screen", f"{overflow} px of sideways scroll")

    # --- the path ------------------------------------------------------------------------------------------

    def governor_issues(self) -> None:
        self.document_id = self.api.register_letter()
        self.sign_in_as("governor")
        self.open(f"/documents/{self.document_id}")
        self.click("#issue-resolution", "«Вынести резолюцию» on the card")
        self.wait_for("the resolution form", lambda d: self.path().endswith("/resolution"))
        self.find("#text", "the resolution text").send_keys(RESOLUTION_TEXT)
        search = self.find("#executor-search", "the executor search field")
        search.send_keys("Минфин")
        self.click("#executor-search-button", "«Найти»")
        self.tick(MINISTRY)
        self.click("#deadline-operative", "the «Оперативно» preset")
        self.wait_for("the explanation to follow the «Оперативно» preset",
                      lambda d: self.text_of("#deadline-explanation").startswith("«Оперативно» — 10 календарных дней"),
                      lambda: "explanation: " + self.text_of("#deadline-explanation"))
        controlled = self.find("#controlled", "the «Поставить на контроль» checkbox")
        if not controlled.is_selected():
            raise StepFailed("a resolution to be under control by default")
        self.find("#category", "the control category").send_keys("Контроль Губернатора")
        self.click("#submit-assignment", "«Вынести резолюцию»")
        self.wait_for("to come back to the document card", lambda d: self.path().startswith(f"/documents/{self.document_id}"))
        self.expect_notice("Резолюция вынесена")
        summary = self.text_of("#resolutions")
        for words in (RESOLUTION_TEXT, "Контроль Губернатора", MINISTRY, "Выдано"):
            if words not in summary:
                raise StepFailed(f"the card's resolutions to mention «{words}»", summary)

    def minister_passes_down(self) -> None:
        self.sign_in_as("minfin-ro.head")
        self.wait_for("a count next to «Поручения» in the navigation",
                      lambda d: self.text_of("#inbox-count") not in ("", "0"))
        self.open_inbox_item("todo", RESOLUTION_TEXT)
        self.expect_state("Выдано")
        self.click("#action-sub-assign", "«Перепоручить»")
        self.find("#text", "the sub-assignment text").send_keys(" Отделу — подготовить расчёты.")
        self.tick(DEPARTMENT)
        self.click("#deadline-wd", "the «Через N рабочих дней» preset")
        days = self.find("#working-days", "the number of working days")
        days.clear()
        days.send_keys("3")
        self.wait_for("the explanation to count 3 working days",
                      lambda d: "3 рабочих дня по производственному календарю" in self.text_of("#deadline-explanation"),
                      lambda: "explanation: " + self.text_of("#deadline-explanation"))
        self.click("#submit-assignment", "«Перепоручить»")
        self.expect_notice("Поручение перепоручено")
        self.expect_state("Принято к исполнению")
        if DEPARTMENT not in self.text_of("#assignment-tree"):
            raise StepFailed(f"the tree to show «{DEPARTMENT}»", self.text_of("#assignment-tree"))

    def department_passes_down(self, specialist: str) -> None:
        self.sign_in_as("minfin-ro.dep1.head")
        self.open_inbox_item("todo", "Отделу — подготовить расчёты")
        self.click("#action-sub-assign", "«Перепоручить»")
        self.find("#text", "the sub-assignment text").send_keys("Рассчитать показатели")
        self.tick(specialist)
        self.click("#deadline-urgent", "the «Срочно» preset")
        self.click("#submit-assignment", "«Перепоручить»")
        self.expect_notice("Поручение перепоручено")

    def specialist_reports(self) -> None:
        self.sign_in_as("minfin-ro.dep1.specialist")
        self.wait_for("a count next to «Уведомления» in the navigation",
                      lambda d: self.text_of("#notification-count") not in ("", "0"))
        self.open("/notifications")
        self.wait_for("«Вам поручено … Рассчитать показатели» in the notification feed",
                      lambda d: "Вам поручено" in self.text_of("#notifications")
                      and "Рассчитать показатели" in self.text_of("#notifications"),
                      lambda: "feed: " + (self.text_of("#notifications") or self.text_of(".empty-state")))
        self.open_inbox_item("todo", "Рассчитать показатели")
        self.click("#action-accept", "«Принять к исполнению»")
        self.expect_notice("принято к исполнению")
        self.click("#extension-form-toggle", "«Продлить срок»")
        self.find("#extension-reason", "the reason of the extension").send_keys("Ждём данные Росстата")
        self.click("#extension-submit", "«Запросить продление»")
        self.expect_notice("Запрос о продлении срока отправлен")
        if "у автора поручения" not in self.text_of("#extensions"):
            raise StepFailed("the request to wait with the author (the department's head)", self.text_of("#extensions"))
        # The report's table: uploaded to the document from the card, then ticked in the report form.
        table = os.path.join(tempfile.mkdtemp(), f"Показатели {RUN}.pdf")
        with open(table, "wb") as handle:
            handle.write(b"%PDF-1.7\n" + bytes(range(256)) * 8)
        self.find("#report-file", "the report file field").send_keys(table)
        self.click("#report-file-form button[type=submit]", "«Загрузить»")
        self.wait_for("back on the assignment card after the upload", lambda d: self.path().startswith("/assignments/"))
        self.tick_file(os.path.basename(table))
        self.report("Показатели рассчитаны, таблица во вложении.")
        if os.path.basename(table) not in self.text_of("#reports .report-file"):
            raise StepFailed("the report to link the attached table", self.text_of("#reports"))

    def department_accepts_and_reports(self, specialist: str) -> None:
        self.sign_in_as("minfin-ro.dep1.head")
        self.open_inbox_item("control", "Рассчитать показатели")
        before = self.text_of("#assignment-deadline")
        self.click("#extension-approve", "«Продлить срок» in the request's decision form")
        self.expect_notice("Решение по запросу о продлении срока записано")
        if "№ 1" not in self.text_of("#deadline-changes") or self.text_of("#assignment-deadline") == before:
            raise StepFailed("the deadline moved and the change numbered № 1",
                             f"deadline {self.text_of('#assignment-deadline')}; changes: {self.text_of('#deadline-changes')}")
        self.accept_report()
        self.open_inbox_item("todo", "Отделу — подготовить расчёты")
        self.report("Расчёты отдела готовы.")
        if "Исполнено" not in self.text_of("#assignment-tree"):
            raise StepFailed("the tree to show the specialist's part done", self.text_of("#assignment-tree"))

    def minister_accepts_and_reports(self) -> None:
        self.sign_in_as("minfin-ro.head")
        self.open_inbox_item("control", "Отделу — подготовить расчёты")
        self.accept_report()
        self.open_inbox_item("todo", RESOLUTION_TEXT)
        self.report("Предложения министерства направлены.")

    def governor_closes(self) -> None:
        self.sign_in_as("governor")
        self.driver.set_window_size(*PHONE)
        try:
            self.open_inbox_item("control", RESOLUTION_TEXT)
            self.fits_phone("the governor's assignment card")
            self.accept_report()
            self.find("#removal-result", "the removal-from-control form").send_keys("Исполнено, предложения учтены")
            self.click("#action-remove", "«Снять с контроля»")
            self.expect_notice("снята с контроля")
            if "Снята с контроля" not in normalized(self.driver.find_element(By.TAG_NAME, "main").text):
                raise StepFailed("the card to say the resolution is removed from control")
            self.open("/assignments?inbox=control")
            self.fits_phone("the governor's inbox")
        finally:
            self.driver.set_window_size(*DESKTOP)

    def run(self) -> None:
        specialist = self.api.display_name("minfin-ro.dep1.specialist")
        if not specialist:
            raise StepFailed("/api/v1/me to name the specialist minfin-ro.dep1.specialist")
        self.step("the governor puts a letter under his control «Оперативно» for Минфин РО, the explanation shown",
                  self.governor_issues)
        self.step("the minister sees it counted in the navigation and passes it to a department in 3 working days",
                  self.minister_passes_down)
        self.step("the department's head passes it to a specialist «Срочно»",
                  lambda: self.department_passes_down(specialist))
        self.step("the specialist is notified, accepts it, asks for a week more and reports with a file",
                  self.specialist_reports)
        self.step("the department's head extends the deadline (numbered change), accepts the report and reports up",
                  lambda: self.department_accepts_and_reports(specialist))
        self.step("the minister accepts the department's report and reports to the governor",
                  self.minister_accepts_and_reports)
        self.step("on a phone, the governor accepts the report and removes the resolution from control",
                  self.governor_closes)


if __name__ == "__main__":
    sys.exit(main("control", Control, sys.argv))
