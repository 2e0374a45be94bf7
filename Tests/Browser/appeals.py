#!/usr/bin/env python3
"""Browser test of citizens' appeals (59-ФЗ), run against `oborot serve --demo`.

    python3 Tests/Browser/appeals.py http://127.0.0.1:8080

What people do, in headless Chromium with the Russian pages, all through the pages (no API set-up):

1. the government's registrar (`registrar`) opens «Обращения» from the navigation, clicks «Зарегистрировать
   обращение» and sends the form untouched: the error list says, in Russian, that the summary and at least one
   question are missing, and no appeal appears in the list;
2. the registrar fills the form in (a complaint by post from Петров Пётр Петрович with his postal address and
   e-mail, two questions of the thematic classifier) with «Зарегистрировать сразу» ticked: the card shows a number
   «…-ОГ», «На рассмотрении», the 30-day term of ст. 12 ч. 1 59-ФЗ with its date and both questions under review;
3. the registrar records «Рассмотрено. Разъяснено» for question 1;
4. the registrar forwards the rest to «Минфин РО»: question 2 is «Направлено по компетенции», the appeal
   «Рассмотрено»;
4a. the registrar types the answer's gist and presses «Подготовить ответ»: the outgoing draft «Ответ на обращение
   № …» to Петров opens; back on the appeal it is listed as «ответ» beside the forwarding notice, unnumbered, and
   the form is gone;
5. the ministry's registrar (`minfin-ro.registrar`) signs in, finds the forwarded appeal under «Обращения» (not
   registered there yet) and opens it: it came «Из другого органа», with the government's number;
6. the government's registrar registers a second appeal (sent with Ctrl+Enter) and has no extension form; the
   governor (`governor`, the head) extends its term by 10 days with a reason: one row in the extensions table, the
   current deadline moves, and the form is gone (the term is extended once);
7. the registrar opens «Статистика и выгрузка ССТУ»: «Поступило обращений» is at least 2 and «Скачать CSV»
   answers 200 with the browser's session.

Screenshots of the first appeal's card and of the report go to OBOROT_ARTIFACTS_DIR (default /tmp/oborot-smoke):
appeal-card.png, appeal-report.png. Each run uses its own summaries, so it may run again against the same server.

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from typing import Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import (  # noqa: E402  (shared browser helpers; they check that selenium is installed)
    CYRILLIC, is_stale, PageTest, StepFailed, main, normalized, shorten,
)
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

REGISTRAR = "registrar"
HEAD = "governor"
MINISTRY_REGISTRAR = "minfin-ro.registrar"
MINISTRY = "Минфин РО"
MINISTRY_FULL = "Министерство финансов Ростовской области"  # its full name, which the forwarded question shows
GOVERNMENT = "Правительство РО"
GOVERNMENT_FULL = "Правительство Ростовской области"  # the full name, which the forwarded appeal shows
APPEALS = "Обращения"
REGISTER_APPEAL = "Зарегистрировать обращение"
REPORT = "Статистика и выгрузка ССТУ"

ROADS = "0003.0009.0099.0742"  # Транспорт → Эксплуатация и сохранность автомобильных дорог
WASTE = "0005.0005.0056.1160"  # Коммунальное хозяйство → Обращение с твердыми коммунальными отходами
UNDER_REVIEW = "Находится на рассмотрении"
EXPLAINED = "Рассмотрено. Разъяснено"
FORWARDED = "Направлено по компетенции"
TERM_ARTICLE = "ст. 12 ч. 1 59-ФЗ"
EXTENSION_DAYS = 10
ANSWER_GIST = "Разъяснён порядок ремонта дороги; вопрос о мусоре направлен в Минфин РО"

APPEAL_PATH = re.compile(r"^/appeals/([0-9a-fA-F-]{36})$")
NUMBER = re.compile(r"№\s*(\S+)\s+от\s+(\d{2}\.\d{2}\.\d{4})")
DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")

# Unique per run, so that a rerun against the same server still finds its own appeals.
RUN = datetime.datetime.now().strftime("%H%M%S")
FIRST = {
    "surname": "Петров", "name": "Пётр", "patronymic": "Петрович",
    "postalAddress": "344002, г. Ростов-на-Дону, ул. Большая Садовая, д. 10, кв. 5",
    "email": "petrov.pp@example.ru",
    "type": "Жалоба", "channel": "Почта",
    "title": f"О ямах на дороге по ул. Садовой и вывозе мусора, проверка {RUN}",
    "text1": "Ямочный ремонт дороги по ул. Большой Садовой",
    "text2": "Нерегулярный вывоз твёрдых коммунальных отходов",
}
SECOND = {
    "surname": "Сидорова", "name": "Анна", "patronymic": "Ивановна",
    "postalAddress": "346780, г. Азов, ул. Ленина, д. 3",
    "title": f"О ремонте подъезда к школе, проверка продления {RUN}",
    "text1": "Ремонт подъездной дороги к школе № 5",
}
EXTENSION_REASON = f"Запрошены материалы у администрации г. Азова ({RUN})"


class Appeals(PageTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.first_id = ""
        self.first_number = ""
        self.second_id = ""
        self.second_number = ""
        self.has_waste_topic = False

    def run(self) -> None:
        self.step(f"{REGISTRAR} signs in and opens «{APPEALS}» from the navigation", self.open_appeals)
        self.step(f"«{REGISTER_APPEAL}» sent empty: the Russian error list (summary, a question), nothing created",
                  self.empty_form_is_refused)
        self.step("a complaint by post from Петров П. П. with two questions, registered at once: «…-ОГ», "
                  f"«На рассмотрении», the term by {TERM_ARTICLE}, both questions «{UNDER_REVIEW}»",
                  self.register_first)
        self.step(f"«{EXPLAINED}» recorded for question 1", self.record_result)
        self.step(f"the rest forwarded to «{MINISTRY}»: question 2 «{FORWARDED}», the appeal «Рассмотрено»",
                  self.forward)
        self.step("«Подготовить ответ» with the answer's gist opens the outgoing draft «Ответ на обращение …» to the "
                  "applicant; back on the appeal it is listed as «ответ», the forwarding notice beside it, and the form is gone",
                  self.prepare_answer)
        self.step(f"{MINISTRY_REGISTRAR} finds the forwarded appeal (not registered yet) and sees where it came from",
                  self.ministry_receives)
        self.step(f"{REGISTRAR} registers a second appeal with Ctrl+Enter and has no extension form",
                  self.register_second)
        self.step(f"{HEAD} extends the second appeal's term by {EXTENSION_DAYS} days once", self.extend)
        self.step(f"«{REPORT}»: «Поступило обращений» ≥ 2 and the CSV link answers 200", self.report)

    # -- helpers -----------------------------------------------------------

    def choose(self, css: str, title: str, what: str) -> None:
        select = Select(self.find(css, f"a visible {what} select `{css}`"))
        titles = [normalized(o.text) for o in select.options]
        if title not in titles:
            raise StepFailed(f"an option «{title}» in the {what} select `{css}`",
                             "options: " + ", ".join(f"«{t}»" for t in titles[:20]))
        select.select_by_visible_text(title)
        chosen = normalized(select.first_selected_option.text)
        if chosen != title:
            raise StepFailed(f"`{css}` to show «{title}»", f"«{chosen}»")

    def topic_options(self, css: str) -> list[str]:
        return [o.get_attribute("value") or "" for o in self.driver.find_elements(By.CSS_SELECTOR, f"{css} option")]

    def choose_topic(self, css: str, code: str) -> None:
        select = Select(self.find(css, f"a visible topic select `{css}`"))
        select.select_by_value(code)
        chosen = select.first_selected_option
        if chosen.get_attribute("value") != code or not normalized(chosen.text).startswith(code):
            raise StepFailed(f"`{css}` to show the topic {code}", f"«{normalized(chosen.text)}»")

    def open_appeals(self) -> None:
        if not self.signed_in_as:
            self.sign_in_as(REGISTRAR)
        self.click_and_wait(self.nav_link(APPEALS, "/appeals"), f"the list «Обращения граждан» after «{APPEALS}»",
                            lambda d: self.path() == "/appeals" and "Обращения граждан" in self.text("h1"))

    def appeal_rows(self) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, "table#appeals tbody tr")

    def all_appeals_count(self) -> int:
        """The number of lines under the tab «Все» of the list (the list must be open)."""
        tab = self.wait_for("a tab «Все» on the list", lambda d: self.by_text("nav.tabs a", "Все"))
        self.click_and_wait(tab, "the tab «Все» to open", lambda d: "standing=all" in d.current_url)
        return len(self.appeal_rows())

    def open_form(self) -> WebElement:
        button = self.wait_for(f"a button «{REGISTER_APPEAL}» on /appeals",
                               lambda d: self.by_text(".page-head a, .page-head button", REGISTER_APPEAL),
                               lambda: "page-head: " + self.text(".page-head"))
        self.click_and_wait(button, "the form «Регистрация обращения гражданина»",
                            lambda d: self.path() == "/appeals/new" and d.find_elements(By.CSS_SELECTOR, "form#appeal-form"))
        form = self.find("form#appeal-form", "a visible `form#appeal-form`")
        for field_id in ("organizationId", "receivedOn", "type", "channel", "surname", "name", "patronymic",
                         "postalAddress", "email", "title", "topic1", "text1", "topic2", "text2", "appeal-submit"):
            if not form.find_elements(By.ID, field_id):
                raise StepFailed(f"the appeal form to have a `#{field_id}`")
        return form

    def register_now_box(self) -> WebElement:
        box = self.driver.find_element(By.CSS_SELECTOR, "form#appeal-form input[name=registerNow]")
        label_id = box.get_attribute("id")
        label = normalized(self.driver.find_element(By.CSS_SELECTOR, f"label[for='{label_id}']").text)
        if not label.startswith("Зарегистрировать сразу"):
            raise StepFailed("the box `registerNow` labelled «Зарегистрировать сразу …»", f"«{label}»")
        return box

    def fill_applicant(self, values: dict) -> None:
        for field in ("surname", "name", "patronymic", "postalAddress", "email"):
            if field in values:
                self.type_into(f"#{field}", values[field], field)

    def wait_for_card(self, how: str) -> tuple[str, str]:
        """After the form: the new appeal's card with «Обращение сохранено.»; returns (id, number)."""
        self.wait_for(f"to land on /appeals/<id>?created=1 after {how}",
                      lambda d: APPEAL_PATH.match(self.path()) and "created=1" in d.current_url, self.where)
        appeal_id = APPEAL_PATH.match(self.path()).group(1)
        if "Обращение сохранено" not in self.text(".alert-success"):
            raise StepFailed("the notice «Обращение сохранено.» on the new card", self.alerts_text())
        heading = self.text("h1")
        match = NUMBER.search(heading)
        if match is None:
            raise StepFailed("the card's h1 «Обращение № <number> от <date>» (registered at once)", f"«{heading}»")
        number = match.group(1)
        if not number.endswith("-ОГ"):
            raise StepFailed("the appeal's number to end with «-ОГ» (the appeals journal)", f"«{number}»")
        return appeal_id, number

    def standing(self) -> str:
        return self.text("#appeal-standing")

    def question_rows(self) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, "table#questions tbody tr")

    def question_status(self, number: int) -> str:
        for row in self.question_rows():
            cells = row.find_elements(By.CSS_SELECTOR, "td")
            if cells and normalized(cells[0].text) == str(number):
                return normalized(cells[3].text)
        return ""

    def questions_text(self) -> str:
        return " | ".join(normalized(r.text) for r in self.question_rows()) or "no question rows"

    def open_appeal_from_list(self, title: str) -> WebElement:
        """On /appeals: the row with `title` (its summary), under the current tab."""
        def row(d: WebDriver) -> Optional[WebElement]:
            return next((r for r in self.appeal_rows() if title in normalized(r.text)), None)

        return self.wait_for(f"a line «{title}» in the list `table#appeals`", row, lambda: "rows: " + (" | ".join(
            shorten(normalized(r.text), 120) for r in self.appeal_rows()[:8]) or self.text("main .muted")))

    # -- steps -------------------------------------------------------------

    def empty_form_is_refused(self) -> None:
        before = self.all_appeals_count()
        self.open_form()
        if self.driver.switch_to.active_element.get_attribute("id") != "surname":
            print("  note: the form does not put the focus on the applicant's surname (it has autofocus)", flush=True)
        if not self.register_now_box().is_selected():
            raise StepFailed("«Зарегистрировать сразу» ticked when the form opens")
        self.click_and_wait(self.find("#appeal-submit", "the button «Сохранить»"), "the form to come back refused",
                            lambda d: d.find_elements(By.CSS_SELECTOR, "#form-error"))
        box = self.find("#form-error", "a visible `#form-error` after sending the empty form")
        if box.get_attribute("role") != "alert":
            raise StepFailed('`#form-error` to have role="alert"', f'role="{box.get_attribute("role")}"')
        problems = [normalized(li.text) for li in box.find_elements(By.CSS_SELECTOR, "li")]
        listed = " | ".join(f"«{p}»" for p in problems) or f"no list items; «{shorten(box.text)}»"
        if len(problems) < 2 or not all(CYRILLIC.search(p) for p in problems):
            raise StepFailed("`#form-error` to list at least two problems in Russian", listed)
        joined = " ".join(problems).lower()
        if "содержание" not in joined or "обязательн" not in joined:
            raise StepFailed("`#form-error` to say the summary («краткое содержание») is required", listed)
        if "вопрос" not in joined:
            raise StepFailed("`#form-error` to ask for at least one question («вопрос»)", listed)
        if self.path() != "/appeals/new":
            raise StepFailed("to stay on the form after the refusal", f"path {self.path()}")
        self.find("form#appeal-form", "the form still on the page")
        if not self.register_now_box().is_selected():
            raise StepFailed("«Зарегистрировать сразу» still ticked after the refusal")

        crumb = self.wait_for("the breadcrumb «Обращения»", lambda d: self.by_text("nav.breadcrumbs a", APPEALS))
        self.click_and_wait(crumb, "the list after the breadcrumb «Обращения»", lambda d: self.path() == "/appeals")
        after = self.all_appeals_count()
        if after != before:
            raise StepFailed(f"no new appeal after the refused form (the tab «Все» had {before} lines)",
                             f"{after} lines")

    def register_first(self) -> None:
        self.open_form()
        self.fill_applicant(FIRST)
        self.choose("#type", FIRST["type"], "type")
        self.choose("#channel", FIRST["channel"], "channel")
        self.type_into("#title", FIRST["title"], "summary")
        if ROADS not in self.topic_options("#topic1"):
            raise StepFailed(f"the topic {ROADS} (roads) among the options of `#topic1`")
        self.choose_topic("#topic1", ROADS)
        self.type_into("#text1", FIRST["text1"], "question 1")
        self.has_waste_topic = WASTE in self.topic_options("#topic2")
        if self.has_waste_topic:
            self.choose_topic("#topic2", WASTE)
            self.type_into("#text2", FIRST["text2"], "question 2")
        else:
            print(f"  note: no topic {WASTE} in `#topic2`: the appeal has one question", flush=True)
        box = self.register_now_box()
        if not box.is_selected():
            box.click()
        self.driver.find_element(By.ID, "appeal-submit").click()

        self.first_id, self.first_number = self.wait_for_card("«Сохранить» with «Зарегистрировать сразу»")
        if self.standing() != "На рассмотрении":
            raise StepFailed("the standing «На рассмотрении»", f"«{self.standing()}»")
        expected = {"Организация": GOVERNMENT, "Содержание": FIRST["title"]}
        for title, value in expected.items():
            if value not in self.requisite(title):
                raise StepFailed(f"«{title}»: «{value}» in the card's requisites", f"«{self.requisite(title)}»")
        kind = self.requisite("Вид, источник")
        if not kind.startswith(f"{FIRST['type']}, {FIRST['channel']}"):
            raise StepFailed(f"«Вид, источник»: «{FIRST['type']}, {FIRST['channel']}; поступило …»", f"«{kind}»")
        applicants = self.text("#applicants")
        for part in ("Петров Пётр Петрович", FIRST["postalAddress"], FIRST["email"]):
            if part not in applicants:
                raise StepFailed(f"«{part}» among the applicants", f"«{applicants}»")

        term = self.text("section[aria-labelledby=term-title]")
        if TERM_ARTICLE not in term:
            raise StepFailed(f"the term block to cite «{TERM_ARTICLE}»", f"«{shorten(term, 500)}»")
        deadline = self.text("#current-deadline")
        if not DATE.fullmatch(deadline):
            raise StepFailed("a date in «текущий» (`#current-deadline`)", f"«{deadline}» in «{shorten(term, 300)}»")
        if self.driver.find_elements(By.CSS_SELECTOR, "#extend-form"):
            raise StepFailed("no extension form for the registrar (the head extends the term)")

        rows = self.question_rows()
        wanted = 2 if self.has_waste_topic else 1
        if len(rows) != wanted:
            raise StepFailed(f"{wanted} question rows in `table#questions`", self.questions_text())
        if ROADS not in normalized(rows[0].text) or FIRST["text1"] not in normalized(rows[0].text):
            raise StepFailed(f"question 1 to be {ROADS} with its text", self.questions_text())
        for number in range(1, wanted + 1):
            if self.question_status(number) != UNDER_REVIEW:
                raise StepFailed(f"question {number} «{UNDER_REVIEW}»", self.questions_text())
        self.screenshot("appeal-card.png")

    def record_result(self) -> None:
        row = self.question_rows()[0]
        select = Select(row.find_element(By.CSS_SELECTOR, "select[name=result]"))
        select.select_by_visible_text(EXPLAINED)
        self.click_and_wait(row.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                            "the card again after «Внести»", lambda d: self.path() == f"/appeals/{self.first_id}")
        if self.driver.find_elements(By.CSS_SELECTOR, "#appeal-error"):
            raise StepFailed("no error after «Внести»", self.text("#appeal-error"))
        status = self.question_status(1)
        if not status.startswith(EXPLAINED):
            raise StepFailed(f"question 1 «{EXPLAINED}»", self.questions_text())
        if self.question_rows()[0].find_elements(By.CSS_SELECTOR, "form.result-form"):
            raise StepFailed("no result form left on question 1 once it has its result", self.questions_text())
        if self.has_waste_topic and self.question_status(2) != UNDER_REVIEW:
            raise StepFailed(f"question 2 still «{UNDER_REVIEW}»", self.questions_text())
        if self.standing() != "На рассмотрении":
            raise StepFailed("the appeal still «На рассмотрении» while question 2 is open", f"«{self.standing()}»")

    def forward(self) -> None:
        form = self.find("#forward-form", "the form «Направить по компетенции»")
        self.choose("#forward-org", MINISTRY, "«Орган региона»")
        self.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                            "the card again after «Направить»", lambda d: self.path() == f"/appeals/{self.first_id}")
        if self.driver.find_elements(By.CSS_SELECTOR, "#appeal-error"):
            raise StepFailed("no error after «Направить»", self.text("#appeal-error"))
        if not self.question_status(1).startswith(EXPLAINED):
            raise StepFailed(f"question 1 to keep «{EXPLAINED}»", self.questions_text())
        if self.has_waste_topic:
            status = self.question_status(2)
            if not status.startswith(FORWARDED) or (MINISTRY not in status and MINISTRY_FULL not in status):
                raise StepFailed(f"question 2 «{FORWARDED} → {MINISTRY_FULL}»", self.questions_text())
        if self.standing() != "Рассмотрено":
            raise StepFailed("the appeal «Рассмотрено» once every question is done", f"«{self.standing()}»")
        if self.driver.find_elements(By.CSS_SELECTOR, "#forward-form, form.result-form, #close-form"):
            raise StepFailed("no forms left on a closed appeal")

    def prepare_answer(self) -> None:
        form = self.find("#answer-form", "the form «Подготовить ответ» under «Ответ и уведомления заявителю»")
        self.type_into("#answer-text", ANSWER_GIST, "«Суть ответа»")
        self.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"), "the answer's draft card after «Подготовить ответ»",
                            lambda d: re.match(r"^/documents/[0-9a-f-]{36}$", self.path()) is not None)
        heading = self.text("h1") + " " + self.text("main")
        if "Ответ на обращение" not in heading or self.first_number not in heading:
            raise StepFailed(f"the draft titled «Ответ на обращение № {self.first_number} …»", self.where())
        if "Петров" not in self.text("main"):
            raise StepFailed("the applicant Петров among the draft's addressees", shorten(self.text("main"), 300))
        self.open(f"/appeals/{self.first_id}")
        letters = self.find("#letters", "the list of letters «Ответ и уведомления заявителю» on the appeal")
        text = normalized(letters.text)
        if "ответ" not in text or "Ответ на обращение" not in text:
            raise StepFailed("the answer listed with the tag «ответ»", f"«{shorten(text, 300)}»")
        if "Уведомление о переадресации" not in text:
            raise StepFailed("the forwarding notice listed beside the answer", f"«{shorten(text, 300)}»")
        if self.driver.find_elements(By.CSS_SELECTOR, "#answer-form"):
            raise StepFailed("no second «Подготовить ответ» once the answer is prepared")
        if "Проект, №" in text:
            raise StepFailed("no registration number on the unregistered drafts", f"«{shorten(text, 300)}»")

    def ministry_receives(self) -> None:
        self.sign_in_as(MINISTRY_REGISTRAR)
        self.open_appeals()
        row = self.open_appeal_from_list(FIRST["title"])
        cells = [normalized(c.text) for c in row.find_elements(By.CSS_SELECTOR, "td")]
        if cells[0] != "не зарегистрировано":
            raise StepFailed("«не зарегистрировано» in the number column (the ministry has not registered it yet)",
                             " | ".join(cells))
        if "Петров" not in cells[2]:
            raise StepFailed("the applicant Петров in the line", " | ".join(cells))
        if MINISTRY not in cells[4]:
            raise StepFailed(f"«{MINISTRY}» in the organisation column", " | ".join(cells))
        link = row.find_element(By.CSS_SELECTOR, "td a")
        self.click_and_wait(link, "the forwarded appeal's card", lambda d: APPEAL_PATH.match(self.path()))
        if self.path() == f"/appeals/{self.first_id}":
            raise StepFailed("the ministry's own appeal, not the government's one", self.path())
        heading = self.text("h1")
        if "не зарегистрировано" not in heading:
            raise StepFailed("the h1 «Обращение не зарегистрировано»", f"«{heading}»")
        kind = self.requisite("Вид, источник")
        if "Из другого органа" not in kind:
            raise StepFailed("«Из другого органа» in «Вид, источник»", f"«{kind}»")
        forwarded = self.requisite("Направлено органом")
        if (GOVERNMENT not in forwarded and GOVERNMENT_FULL not in forwarded) or \
                f"№ {self.first_number} " not in forwarded + " ":
            raise StepFailed(f"«Направлено органом»: «{GOVERNMENT_FULL}, письмо № {self.first_number} от …»",
                             f"«{forwarded}»")
        if MINISTRY not in self.requisite("Организация"):
            raise StepFailed(f"«Организация»: «{MINISTRY}»", f"«{self.requisite('Организация')}»")
        titles = " | ".join(normalized(r.text) for r in self.question_rows())
        if self.has_waste_topic and (WASTE not in titles or ROADS in titles):
            raise StepFailed(f"only the forwarded question {WASTE} on the ministry's appeal", titles)
        if "Петров Пётр Петрович" not in self.text("#applicants"):
            raise StepFailed("the applicant Петров Пётр Петрович on the ministry's appeal", self.text("#applicants"))

    def register_second(self) -> None:
        self.sign_in_as(REGISTRAR)
        self.open_appeals()
        self.open_form()
        self.fill_applicant(SECOND)
        self.choose("#type", "Заявление", "type")
        self.type_into("#title", SECOND["title"], "summary")
        self.choose_topic("#topic1", ROADS)
        text = self.type_into("#text1", SECOND["text1"], "question 1")
        if not self.register_now_box().is_selected():
            self.register_now_box().click()
        text.click()
        page = self.driver.find_element(By.TAG_NAME, "html")
        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
        self.wait_for("Ctrl+Enter in «Суть вопроса 1» to send the form", lambda d: is_stale(page), self.where)
        self.second_id, self.second_number = self.wait_for_card("Ctrl+Enter")
        if self.second_id == self.first_id or self.second_number == self.first_number:
            raise StepFailed("the second appeal to get its own card and number", self.second_number)
        if self.standing() != "На рассмотрении":
            raise StepFailed("the second appeal «На рассмотрении»", f"«{self.standing()}»")
        if self.driver.find_elements(By.CSS_SELECTOR, "#extend-form"):
            raise StepFailed("no extension form for the registrar (only the head extends the term)")

    def extend(self) -> None:
        self.sign_in_as(HEAD)
        self.open_appeals()
        row = self.open_appeal_from_list(SECOND["title"])
        self.click_and_wait(row.find_element(By.CSS_SELECTOR, "td a"), "the second appeal's card",
                            lambda d: self.path() == f"/appeals/{self.second_id}")
        before = self.text("#current-deadline")
        if not DATE.fullmatch(before):
            raise StepFailed("a date in «текущий» before the extension", f"«{before}»")
        if self.driver.find_elements(By.CSS_SELECTOR, "table#extensions"):
            raise StepFailed("no extensions table before the first extension", self.text("table#extensions"))
        form = self.find("#extend-form", f"the extension form for the head ({HEAD})")
        days = self.type_into("#extend-days", str(EXTENSION_DAYS), "«Продлить на»")
        if days.get_attribute("max") != "30":
            print(f"  note: «Продлить на» has max «{days.get_attribute('max')}»", flush=True)
        self.type_into("#extend-reason", EXTENSION_REASON, "«Основание»")
        self.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                            "the card again after «Продлить срок»", lambda d: self.path() == f"/appeals/{self.second_id}")
        if self.driver.find_elements(By.CSS_SELECTOR, "#appeal-error"):
            raise StepFailed("no error after «Продлить срок»", self.text("#appeal-error"))
        rows = self.driver.find_elements(By.CSS_SELECTOR, "table#extensions tbody tr")
        if len(rows) != 1:
            raise StepFailed("one row in the extensions table", self.text("table#extensions") or "no table")
        line = normalized(rows[0].text)
        after = self.text("#current-deadline")
        if f"на {EXTENSION_DAYS} дн." not in line or EXTENSION_REASON not in line:
            raise StepFailed(f"the row to read «на {EXTENSION_DAYS} дн.: … → …» with the reason", f"«{line}»")
        if after == before or not DATE.fullmatch(after):
            raise StepFailed(f"the current deadline to move from {before}", f"«{after}»")
        if f"{before} → {after}" not in line:
            raise StepFailed(f"the row to show «{before} → {after}»", f"«{line}»")
        moved = (to_date(after) - to_date(before)).days
        if moved < EXTENSION_DAYS - 3 or moved > EXTENSION_DAYS + 3:
            raise StepFailed(f"the deadline to move by about {EXTENSION_DAYS} days", f"{before} → {after}: {moved} days")
        if self.driver.find_elements(By.CSS_SELECTOR, "#extend-form"):
            raise StepFailed("no extension form after the one extension")

    def report(self) -> None:
        self.sign_in_as(REGISTRAR)
        self.open_appeals()
        link = self.wait_for(f"a link «{REPORT}» on /appeals", lambda d: self.by_text(".page-head a", REPORT),
                             lambda: self.text(".page-head"))
        self.click_and_wait(link, "the report page", lambda d: self.path() == "/appeals/report")
        if self.driver.find_elements(By.CSS_SELECTOR, ".alert-error"):
            raise StepFailed("no error on the report", self.alerts_text())
        table = self.find("table#report", "the report table `table#report`")
        value = None
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = [normalized(c.text) for c in row.find_elements(By.CSS_SELECTOR, "td")]
            if len(cells) >= 3 and cells[1] == "Поступило обращений":
                value = cells[2]
                break
        if value is None:
            raise StepFailed("a line «Поступило обращений» in the report",
                             shorten(normalized(table.text), 500))
        if not value.isdigit() or int(value) < 2:
            raise StepFailed("«Поступило обращений» at least 2 (two appeals registered by this test)", f"«{value}»")
        csv = self.wait_for("a link «Скачать CSV»", lambda d: self.by_text("main a", "Скачать CSV"))
        href = csv.get_attribute("href") or ""
        if "format=csv" not in href:
            raise StepFailed("the CSV link to ask for format=csv", href)
        answer = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin'})"
            ".then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type') || '', body: t})))"
            ".catch(e => done({status: 0, type: '', body: String(e)}));", href)
        if answer["status"] != 200:
            raise StepFailed(f"«Скачать CSV» ({href}) to answer 200 with the browser's session",
                             f"{answer['status']}: {shorten(answer['body'], 300)}")
        if "Поступило обращений" not in answer["body"]:
            raise StepFailed("the CSV to hold the line «Поступило обращений»",
                             f"{answer['type']}: {shorten(answer['body'], 300)}")
        self.screenshot("appeal-report.png")


def to_date(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d.%m.%Y").date()


if __name__ == "__main__":
    sys.exit(main("appeals", Appeals, sys.argv))
