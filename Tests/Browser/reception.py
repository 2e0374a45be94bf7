#!/usr/bin/env python3
"""Browser test of personal reception (59-ФЗ ст. 13), run against `oborot serve --demo`.

    python3 Tests/Browser/reception.py http://127.0.0.1:8080

What people do, in headless Chromium with the Russian pages, all through the pages (no API set-up):

1. the government's registrar (`registrar`) opens «Личный приём» from the navigation: the schedule lists the
   Governor «по четвергам, 10:00–13:00» with a link «Принять без записи»;
2. the registrar presses «Записать» on the untouched booking form: the browser keeps the page (the time is
   required); the server's own check says the same when the browser's check is out of the way (the form's
   `noValidate`, as in a browser without form validation): «Выберите время приёма.», and with a time but no visitor
   it lists the surname, the name, the contact and the question; nothing is booked and the time stays free;
3. the registrar books the first free time not held back for a visitor of this run (surname, name, phone,
   question): a line «Записан» with «Принять», «Отменить» and «Не явился» in «Записи на две недели»; a second
   visitor of this run is refused a time held back «для первоочередного приёма» without a category (the error
   speaks of first-priority reception) and gets it with «Инвалид I или II группы»: the line is marked
   «первоочередной»;
4. the registrar cancels the second booking with «Отменить»: its line reads «Запись отменена» without buttons, and
   its time is free again;
5. the registrar opens «Принять без записи», picks «Дан устный ответ …» without ticking the consent: the card is not
   saved, `#card-errors` names the consent (and the missing answer), and what was typed is still there; with the
   consent ticked and the answer written the card is saved: back on /reception with «Карточка приёма сохранена.» and
   the card in «Карточки приёма за 30 дней»;
6. «Принять без записи» again, «Обращение зарегистрировано для письменного ответа» with a postal address, the
   substance and the topic 0003.0009.0099.0742: the new appeal's card /appeals/<id>?created=1 opens, numbered
   «…-ОГ», received through «Личный приём»; back on /reception the card links to that appeal;
7. a screenshot of /reception.

Screenshots go to OBOROT_ARTIFACTS_DIR (default /tmp/oborot-smoke): reception.png. Each run books its own
visitors (the surnames carry the run's time) on whatever time is still free, and cancels the held-back booking,
so it may run again against the same server (each run keeps one ordinary time of the next two weeks).

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
import time
from typing import Callable, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import (  # noqa: E402  (shared browser helpers; they check that selenium is installed)
    CYRILLIC, is_stale, PageTest, StepFailed, main, normalized, shorten,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

REGISTRAR = "registrar"
RECEPTION = "Личный приём"
SCHEDULE_RULE = "по четвергам, 10:00–13:00"
GOVERNOR = "Губернатор"
WALK_IN = "Принять без записи"
HELD_BACK = "(для первоочередного приёма)"
PRIORITY = "Инвалид I или II группы"
BOOKED = "Записан"
CANCELLED = "Запись отменена"
ORAL = "Дан устный ответ"
WRITTEN = "Обращение зарегистрировано для письменного ответа"
SAVED = "Карточка приёма сохранена."
ROADS = "0003.0009.0099.0742"  # Транспорт → Эксплуатация и сохранность автомобильных дорог

SLOT_LABEL = re.compile(r"^(\d{2}\.\d{2}\.\d{4}) (\d{2}:\d{2})–(\d{2}:\d{2}) — (.+)$")
APPEAL_PATH = re.compile(r"^/appeals/([0-9a-fA-F-]{36})$")
NUMBER = re.compile(r"№\s*(\S+)\s+от\s+(\d{2}\.\d{2}\.\d{4})")

# Unique per run: a visitor may be booked once a day with one official, and a rerun must find its own lines.
RUN = datetime.datetime.now().strftime("%d%H%M%S")
FIRST = {"surname": f"Кузнецов-{RUN}", "name": "Иван", "patronymic": "Сергеевич", "phone": "8 (863) 240-12-34",
         "question": f"О ремонте дороги к посёлку Щепкин, проверка {RUN}"}
SECOND = {"surname": f"Белова-{RUN}", "name": "Мария", "patronymic": "Андреевна", "phone": "+7 928 111-22-33",
          "question": f"О пенсии по инвалидности, проверка {RUN}"}
ORAL_VISITOR = {"surname": f"Орлов-{RUN}", "name": "Пётр", "patronymic": "Ильич", "phone": "8 863 200-00-01",
                "substance": f"Как записаться на приём к министру транспорта, проверка {RUN}",
                "detail": "Разъяснён порядок записи на приём в Минтранс РО по телефону приёмной"}
WRITTEN_VISITOR = {"surname": f"Зайцева-{RUN}", "name": "Ольга", "patronymic": "Викторовна",
                   "address": "344010, г. Ростов-на-Дону, пр. Ворошиловский, д. 12, кв. 3",
                   "substance": f"О ямах на дороге по пр. Ворошиловскому, проверка {RUN}"}


class Reception(PageTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.first_slot = ""
        self.held_slot = ""
        self.appeal_id = ""

    def run(self) -> None:
        self.step(f"{REGISTRAR} signs in and opens «{RECEPTION}» from the navigation: the Governor «{SCHEDULE_RULE}»",
                  self.open_reception_from_nav)
        self.step("«Записать» on the empty form: the page stays (browser and server both ask for the time and the "
                  "visitor), nothing is booked", self.empty_booking_is_refused)
        self.step(f"a visitor booked on the first ordinary time: «{BOOKED}»; a held-back time refused without a "
                  f"category and accepted with «{PRIORITY}»", self.book)
        self.step(f"«Отменить» on the second booking: «{CANCELLED}», no buttons, the time free again", self.cancel)
        self.step(f"«{WALK_IN}», «{ORAL}» without consent refused (what was typed kept); with consent and the answer: "
                  f"«{SAVED}» and the card listed", self.oral_card)
        self.step(f"«{WALK_IN}», «{WRITTEN}»: the appeal's card «…-ОГ», «Личный приём»", self.written_card)
        self.step("a screenshot of /reception", self.take_screenshot)

    # -- helpers -----------------------------------------------------------

    def value(self, css: str) -> str:
        fields = self.driver.find_elements(By.CSS_SELECTOR, css)
        return (fields[0].get_attribute("value") or "") if fields else ""

    def choose_starting(self, css: str, prefix: str, what: str) -> str:
        """Picks the option whose text starts with `prefix`; returns its whole text."""
        select = Select(self.find(css, f"a visible {what} select `{css}`"))
        titles = [normalized(o.text) for o in select.options]
        title = next((t for t in titles if t.startswith(prefix)), None)
        if title is None:
            raise StepFailed(f"an option «{prefix}…» in the {what} select `{css}`",
                             "options: " + ", ".join(f"«{t}»" for t in titles[:20]))
        select.select_by_visible_text(title)
        chosen = normalized(select.first_selected_option.text)
        if chosen != title:
            raise StepFailed(f"`{css}` to show «{title}»", f"«{chosen}»")
        return title

    def selected_text(self, css: str) -> str:
        return normalized(Select(self.driver.find_element(By.CSS_SELECTOR, css)).first_selected_option.text)

    def open_reception(self) -> None:
        self.click_and_wait(self.nav_link(RECEPTION, "/reception"), f"the page «Личный приём граждан» after «{RECEPTION}»",
                            lambda d: self.path() == "/reception" and "Личный приём граждан" in self.text("h1"))

    # -- the reception page --------------------------------------------------

    def slot_options(self) -> list[tuple[str, str]]:
        """The booking form's times as (value, label), without the placeholder."""
        options = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#book-slot option'), o => [o.value, o.textContent]);")
        return [(value, normalized(label)) for value, label in options if value]

    def slots_text(self) -> str:
        options = self.slot_options()
        return f"{len(options)} times: " + (", ".join(f"«{label}»" for _, label in options[:6]) or "none")

    def booking_rows(self) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, "table#bookings tbody tr")

    def bookings_text(self) -> str:
        rows = self.booking_rows()
        return "bookings: " + (" | ".join(shorten(normalized(r.text), 160) for r in rows[-6:]) or
                               f"no table ({shorten(self.text('section[aria-labelledby=bookings-title]'), 120)})")

    def booking_row(self, surname: str) -> Optional[WebElement]:
        return next((r for r in self.booking_rows() if surname in normalized(r.text)), None)

    def booking_cells(self, surname: str) -> list[str]:
        row = self.booking_row(surname)
        if row is None:
            raise StepFailed(f"a line for «{surname}» in «Записи на две недели» (`table#bookings`)", self.bookings_text())
        return [normalized(c.text) for c in row.find_elements(By.CSS_SELECTOR, "td")]

    def book_form(self) -> WebElement:
        form = self.find("form#book-form", "the booking form `form#book-form` on /reception")
        for field_id in ("book-slot", "book-surname", "book-name", "book-patronymic", "book-phone", "book-email",
                         "book-question", "book-priority", "book-priority-note"):
            if not form.find_elements(By.ID, field_id):
                raise StepFailed(f"the booking form to have a `#{field_id}`")
        return form

    def submit_booking(self, expected: str, arrived: Callable[[WebDriver], object]) -> None:
        button = self.book_form().find_element(By.CSS_SELECTOR, "button[type=submit]")
        if normalized(button.text) != "Записать":
            raise StepFailed("the booking form's button «Записать»", f"«{normalized(button.text)}»")
        self.click_and_wait(button, expected, arrived)

    def fill_booking(self, slot: str, visitor: dict) -> None:
        Select(self.find("#book-slot", "the time select `#book-slot`")).select_by_value(slot)
        for field in ("surname", "name", "patronymic", "phone", "question"):
            self.type_into(f"#book-{field}", visitor[field], field)

    def booking_error(self) -> str:
        box = self.find("#reception-error", f"the error `#reception-error` ({self.where()})")
        if box.get_attribute("role") != "alert":
            raise StepFailed('`#reception-error` to have role="alert"', f'role="{box.get_attribute("role")}"')
        message = normalized(box.text)
        if not CYRILLIC.search(message):
            raise StepFailed("`#reception-error` in Russian", f"«{message}»")
        return message

    def book_ok(self, visitor: dict, what: str) -> None:
        self.submit_booking(f"/reception again with {visitor['surname']} in «Записи на две недели» after {what}",
                            lambda d: self.path() == "/reception" and self.booking_row(visitor["surname"]))
        if self.driver.find_elements(By.CSS_SELECTOR, "#reception-error"):
            raise StepFailed(f"no error after {what}", self.text("#reception-error"))

    def card_form(self) -> WebElement:
        form = self.find("form#card-form", "the reception card form `form#card-form`")
        for field_id in ("card-surname", "card-name", "card-patronymic", "card-address", "card-phone", "card-email",
                         "card-substance", "card-topic", "card-type", "card-outcome", "card-consent", "card-detail"):
            if not form.find_elements(By.ID, field_id):
                raise StepFailed(f"the card form to have a `#{field_id}`")
        return form

    def open_walk_in(self) -> None:
        if self.path() != "/reception":
            self.open_reception()
        link = self.wait_for(f"a link «{WALK_IN}» in the schedule (`#schedules`)",
                             lambda d: self.by_text("#schedules a", WALK_IN), lambda: self.text("#schedules"))
        href = link.get_attribute("href") or ""
        if "/reception/card?scheduleId=" not in href:
            raise StepFailed(f"«{WALK_IN}» to lead to /reception/card?scheduleId=…", href)
        self.click_and_wait(link, "the form «Карточка личного приёма»",
                            lambda d: self.path() == "/reception/card" and d.find_elements(By.CSS_SELECTOR, "#card-form"))
        if "Карточка личного приёма" not in self.text("h1"):
            raise StepFailed("the h1 «Карточка личного приёма»", f"«{self.text('h1')}»")
        if GOVERNOR not in self.text(".page-head"):
            raise StepFailed(f"«Принимает: …, {GOVERNOR} …» under the heading", f"«{self.text('.page-head')}»")
        self.card_form()

    def save_card(self, expected: str, arrived: Callable[[WebDriver], object]) -> None:
        button = self.card_form().find_element(By.CSS_SELECTOR, "button[type=submit]")
        self.click_and_wait(button, expected, arrived)

    # -- steps -------------------------------------------------------------

    def open_reception_from_nav(self) -> None:
        self.sign_in_as(REGISTRAR)
        self.open_reception()
        schedules = self.find("#schedules", "the schedule list `#schedules` under «График приёма»")
        lines = [normalized(li.text) for li in schedules.find_elements(By.CSS_SELECTOR, "li")]
        governor = [line for line in lines if GOVERNOR in line]
        if not governor:
            raise StepFailed(f"a schedule line of the {GOVERNOR}", " | ".join(f"«{line}»" for line in lines))
        if SCHEDULE_RULE not in governor[0]:
            raise StepFailed(f"the {GOVERNOR}'s line to say «{SCHEDULE_RULE}»", f"«{governor[0]}»")
        if WALK_IN not in governor[0]:
            raise StepFailed(f"a link «{WALK_IN}» on the {GOVERNOR}'s line", f"«{governor[0]}»")
        self.book_form()
        options = self.slot_options()
        if not options:
            raise StepFailed("free times in `#book-slot` (the next 14 days)", self.slots_text())
        for _, label in options:
            match = SLOT_LABEL.match(label)
            if match is None or not CYRILLIC.match(match.group(4)):
                raise StepFailed("times labelled «DD.MM.YYYY HH:MM–HH:MM — <official>»", f"«{label}»")
            day = datetime.datetime.strptime(match.group(1), "%d.%m.%Y").date()
            if day.weekday() != 3:
                raise StepFailed("only Thursdays among the Governor's times", f"«{label}» is a {day:%A}")
            if not "10:00" <= match.group(2) < "13:00":
                raise StepFailed("times between 10:00 and 13:00", f"«{label}»")
        held = [label for _, label in options if label.endswith(HELD_BACK)]
        if held and not all(SLOT_LABEL.match(label).group(2) in ("12:30", "12:45") for label in held):
            raise StepFailed(f"only the day's last two times (12:30, 12:45) marked «{HELD_BACK}»",
                             ", ".join(f"«{label}»" for label in held))

    def empty_booking_is_refused(self) -> None:
        before = len(self.booking_rows())
        form = self.book_form()
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
        page = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        time.sleep(0.5)  # a navigation, if the click sent the form, would have begun by now
        # The fields are `required`: the browser keeps the page and points at the time.
        missing = self.driver.execute_script(
            "const s = document.getElementById('book-slot'); return [s.validity.valueMissing, s.validationMessage];")
        if is_stale(page) or self.path() != "/reception":
            raise StepFailed("the browser to keep the page when «Записать» is pressed with nothing chosen", self.where())
        if not missing[0] or not missing[1]:
            raise StepFailed("the browser to flag the empty time `#book-slot` (it is required)", repr(missing))

        # The server's own check, for a browser that sends the form as it is.
        self.driver.execute_script("arguments[0].noValidate = true;", form)
        self.submit_booking("the page again with an error after sending the empty form",
                            lambda d: d.find_elements(By.CSS_SELECTOR, "#reception-error"))
        message = self.booking_error()
        if "Выберите время приёма" not in message:
            raise StepFailed("`#reception-error` to ask «Выберите время приёма.»", f"«{message}»")
        slot, _ = self.slot_options()[0]
        Select(self.find("#book-slot", "the time select `#book-slot`")).select_by_value(slot)
        self.driver.execute_script("arguments[0].noValidate = true;", self.book_form())
        self.submit_booking("the page again with an error after sending a time without the visitor",
                            lambda d: d.find_elements(By.CSS_SELECTOR, "#reception-error"))
        message = self.booking_error()
        for word in ("Фамилия", "Имя", "телефон", "Суть вопроса"):
            if word not in message:
                raise StepFailed(f"`#reception-error` to name «{word}» (surname, name, a phone or e-mail, the question)",
                                 f"«{message}»")
        if len(self.booking_rows()) != before:
            raise StepFailed(f"no new booking after the refusals (there were {before} lines)", self.bookings_text())
        if slot not in [value for value, _ in self.slot_options()]:
            raise StepFailed("the time tried without a visitor to be still free", self.slots_text())

    def book(self) -> None:
        options = self.slot_options()
        ordinary = [(value, label) for value, label in options if not label.endswith(HELD_BACK)]
        held = [(value, label) for value, label in options if label.endswith(HELD_BACK)]
        if not ordinary:
            raise StepFailed("a free ordinary time in `#book-slot` (earlier runs may have taken them all)", self.slots_text())
        if not held:
            raise StepFailed(f"a free time marked «{HELD_BACK}» in `#book-slot`", self.slots_text())
        self.first_slot, label = ordinary[0]
        self.fill_booking(self.first_slot, FIRST)
        self.book_ok(FIRST, f"booking {label}")
        cells = self.booking_cells(FIRST["surname"])
        start = " ".join(SLOT_LABEL.match(label).group(1, 2))
        if len(cells) < 6:
            raise StepFailed("6 cells in the booking's line", " | ".join(cells))
        if not cells[0].startswith(start):
            raise StepFailed(f"the booking's time «{start}…»", " | ".join(cells))
        if "Наумова" not in cells[1]:
            raise StepFailed("the official «Наумова Нина Богдановна» in «К кому»", " | ".join(cells))
        if f"{FIRST['surname']} {FIRST['name']} {FIRST['patronymic']}" not in cells[2]:
            raise StepFailed("the visitor's full name in «Гражданин»", " | ".join(cells))
        if cells[3] != FIRST["question"] or cells[4] != BOOKED:
            raise StepFailed(f"the question and «{BOOKED}»", " | ".join(cells))
        row = self.booking_row(FIRST["surname"])
        actions = [normalized(e.text) for e in row.find_elements(By.CSS_SELECTOR, "a, button")]
        if actions != ["Принять", "Отменить", "Не явился"]:
            raise StepFailed("«Принять», «Отменить», «Не явился» on the active booking", ", ".join(actions))
        if self.first_slot in [value for value, _ in self.slot_options()]:
            raise StepFailed(f"the booked time {label} gone from `#book-slot`", self.slots_text())

        self.held_slot, label = held[0]
        self.fill_booking(self.held_slot, SECOND)
        self.submit_booking("the page again with an error after booking a held-back time without a category",
                            lambda d: d.find_elements(By.CSS_SELECTOR, "#reception-error"))
        message = self.booking_error()
        if "первоочередн" not in message:
            raise StepFailed("the refusal to speak of first-priority reception («первоочередн…»)", f"«{message}»")
        if self.booking_row(SECOND["surname"]) is not None:
            raise StepFailed("no booking for the refused visitor", self.bookings_text())
        kept = self.value("#book-surname") == SECOND["surname"] and self.value("#book-question") == SECOND["question"]
        if not kept:
            print("  note: after the refusal the booking form is empty again: the clerk has to type the visitor in anew",
                  flush=True)
        self.fill_booking(self.held_slot, SECOND)
        self.choose_starting("#book-priority", PRIORITY, "«Право на первоочередной приём»")
        self.type_into("#book-priority-note", "Справка МСЭ серии МСЭ-2023 № 1234567", "«Основание»")
        self.book_ok(SECOND, f"booking {label} with «{PRIORITY}»")
        cells = self.booking_cells(SECOND["surname"])
        if "первоочередной" not in cells[2] or cells[4] != BOOKED:
            raise StepFailed(f"the second booking marked «первоочередной» and «{BOOKED}»", " | ".join(cells))

    def cancel(self) -> None:
        row = self.booking_row(SECOND["surname"])
        if row is None:
            raise StepFailed(f"the line of {SECOND['surname']}", self.bookings_text())
        button = next((b for b in row.find_elements(By.CSS_SELECTOR, "button") if normalized(b.text) == "Отменить"), None)
        if button is None:
            raise StepFailed("a button «Отменить» on the second booking", normalized(row.text))
        self.click_and_wait(button, "/reception again after «Отменить»", lambda d: self.path() == "/reception")
        if self.driver.find_elements(By.CSS_SELECTOR, "#reception-error"):
            raise StepFailed("no error after «Отменить»", self.text("#reception-error"))
        cells = self.booking_cells(SECOND["surname"])
        if cells[4] != CANCELLED:
            raise StepFailed(f"the second booking «{CANCELLED}»", " | ".join(cells))
        row = self.booking_row(SECOND["surname"])
        left = [normalized(e.text) for e in row.find_elements(By.CSS_SELECTOR, "a, button")]
        if left:
            raise StepFailed("no buttons on a cancelled booking", ", ".join(left))
        if self.booking_cells(FIRST["surname"])[4] != BOOKED:
            raise StepFailed(f"the first booking still «{BOOKED}»", self.bookings_text())
        if self.held_slot not in [value for value, _ in self.slot_options()]:
            raise StepFailed("the cancelled held-back time free again in `#book-slot`", self.slots_text())

    def oral_card(self) -> None:
        self.open_walk_in()
        visitor = ORAL_VISITOR
        self.type_into("#card-surname", visitor["surname"], "surname")
        self.type_into("#card-name", visitor["name"], "name")
        self.type_into("#card-patronymic", visitor["patronymic"], "patronymic")
        self.type_into("#card-phone", visitor["phone"], "phone")
        self.type_into("#card-substance", visitor["substance"], "«Содержание устного обращения»")
        self.type_into("#card-topic", ROADS, "«Код вопроса»")
        outcome = self.choose_starting("#card-outcome", ORAL, "«Результат приёма»")
        if self.driver.find_element(By.ID, "card-consent").is_selected():
            raise StepFailed("the consent unticked on a new card")
        self.save_card("the card form again with its errors",
                       lambda d: d.find_elements(By.CSS_SELECTOR, "#card-errors"))
        box = self.find("#card-errors", "the error list `#card-errors`")
        if box.get_attribute("role") != "alert":
            raise StepFailed('`#card-errors` to have role="alert"', f'role="{box.get_attribute("role")}"')
        problems = [normalized(li.text) for li in box.find_elements(By.CSS_SELECTOR, "li")]
        listed = " | ".join(f"«{p}»" for p in problems) or f"no list items; «{shorten(box.text)}»"
        if not problems or not all(CYRILLIC.search(p) for p in problems):
            raise StepFailed("`#card-errors` to list the problems in Russian", listed)
        if not any("соглас" in p for p in problems):
            raise StepFailed("`#card-errors` to name the missing consent («согласия гражданина»)", listed)
        kept = {"#card-surname": visitor["surname"], "#card-name": visitor["name"], "#card-patronymic": visitor["patronymic"],
                "#card-phone": visitor["phone"], "#card-substance": visitor["substance"], "#card-topic": ROADS}
        for css, typed in kept.items():
            if self.value(css) != typed:
                raise StepFailed(f"`{css}` to keep «{typed}» after the refusal", f"«{self.value(css)}»")
        if self.selected_text("#card-outcome") != outcome:
            raise StepFailed(f"«Результат приёма» to stay «{outcome}»", f"«{self.selected_text('#card-outcome')}»")
        if GOVERNOR not in self.text(".page-head"):
            raise StepFailed(f"the refused card still «Принимает: …, {GOVERNOR} …»", f"«{self.text('.page-head')}»")

        self.driver.find_element(By.CSS_SELECTOR, "label[for=card-consent]").click()  # the label, as a person clicks it
        self.type_into("#card-detail", visitor["detail"], "«Ответ …»")
        self.save_card(f"/reception with «{SAVED}»", lambda d: self.path() == "/reception")
        if "received=1" not in self.driver.current_url:
            print(f"  note: after saving the card the URL is {self.driver.current_url}", flush=True)
        if SAVED not in self.text(".alert-success"):
            raise StepFailed(f"the notice «{SAVED}»", self.alerts_text())
        cards = self.find("#cards", "the list «Карточки приёма за 30 дней» (`#cards`)")
        line = next((normalized(li.text) for li in cards.find_elements(By.CSS_SELECTOR, "li")
                     if visitor["surname"] in li.text), None)
        if line is None:
            raise StepFailed(f"a card of {visitor['surname']} in `#cards`", shorten(normalized(cards.text), 400))
        today = datetime.date.today().strftime("%d.%m.%Y")
        if ORAL not in line or not re.match(r"^\d{2}\.\d{2}\.\d{4} — ", line):
            raise StepFailed(f"the card's line «{today} — {visitor['surname']} …: {ORAL} …»", f"«{line}»")

    def written_card(self) -> None:
        self.open_walk_in()
        visitor = WRITTEN_VISITOR
        self.type_into("#card-surname", visitor["surname"], "surname")
        self.type_into("#card-name", visitor["name"], "name")
        self.type_into("#card-patronymic", visitor["patronymic"], "patronymic")
        self.type_into("#card-address", visitor["address"], "«Почтовый адрес»")
        self.type_into("#card-substance", visitor["substance"], "«Содержание устного обращения»")
        self.type_into("#card-topic", ROADS, "«Код вопроса»")
        self.choose_starting("#card-outcome", WRITTEN, "«Результат приёма»")
        self.save_card("the new appeal's card /appeals/<id>?created=1",
                       lambda d: APPEAL_PATH.match(self.path()) or d.find_elements(By.CSS_SELECTOR, "#card-errors"))
        if self.driver.find_elements(By.CSS_SELECTOR, "#card-errors"):
            raise StepFailed("the card saved as an appeal", "`#card-errors`: " + self.text("#card-errors"))
        if "created=1" not in self.driver.current_url:
            raise StepFailed("/appeals/<id>?created=1", self.driver.current_url)
        self.appeal_id = APPEAL_PATH.match(self.path()).group(1)
        heading = self.text("h1")
        match = NUMBER.search(heading)
        if match is None or not match.group(1).endswith("-ОГ"):
            raise StepFailed("the card's h1 «Обращение № …-ОГ от <date>»", f"«{heading}»")
        kind = self.requisite("Вид, источник")
        if "Личный приём" not in kind:
            raise StepFailed("«Вид, источник»: «…, Личный приём; поступило …»", f"«{kind}» ({self.where()})")
        if visitor["substance"] not in self.requisite("Содержание"):
            raise StepFailed(f"«Содержание»: «{visitor['substance']}»", f"«{self.requisite('Содержание')}»")
        applicants = self.text("#applicants")
        for part in (f"{visitor['surname']} {visitor['name']} {visitor['patronymic']}", visitor["address"]):
            if part not in applicants:
                raise StepFailed(f"«{part}» among the applicants", f"«{applicants}»")
        if ROADS not in self.text("table#questions"):
            raise StepFailed(f"the question {ROADS} on the appeal", self.text("table#questions"))

        self.open_reception()
        link = next((a for li in self.driver.find_elements(By.CSS_SELECTOR, "#cards li") if visitor["surname"] in li.text
                     for a in li.find_elements(By.CSS_SELECTOR, "a")), None)
        if link is None or not (link.get_attribute("href") or "").endswith(f"/appeals/{self.appeal_id}"):
            raise StepFailed(f"the card of {visitor['surname']} in `#cards` linking to /appeals/{self.appeal_id}",
                             shorten(self.text("#cards"), 400))

    def take_screenshot(self) -> None:
        if self.path() != "/reception":
            self.open_reception()
        self.screenshot("reception.png")


if __name__ == "__main__":
    sys.exit(main("reception", Reception, sys.argv))
