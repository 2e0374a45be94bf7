#!/usr/bin/env python3
"""Browser test of the public appeal form's identity step, run against `oborot serve --demo` (whose built-in
development provider stands in for ЕСИА).

    python3 Tests/Browser/public_appeal.py http://127.0.0.1:8080

What a resident and then a registrar do, in headless Chromium with the Russian pages:

1. a resident opens the public form (no sign-in to the system): it offers «Подтвердить личность: …» and says that
   without it the submission is a message;
2. the button leads to the provider's page «Тестовый поставщик удостоверений»; the resident types her name there and
   presses «Войти»;
3. back on the form: the banner says «Личность подтверждена» with her full name, and the surname, name and
   patronymic fields hold the provider's values and cannot be edited;
4. she chooses the Government, types the text, gives consent and sends: the receipt says it is an appeal under
   59-ФЗ with a tracking code; the status page by that code says «Получено как обращение»;
5. the same browser's form no longer shows her as identified (one identity, one submission);
6. the Government's registrar (`registrar`) sees it under «Обращения» marked «личность подтверждена» with the day to
   register it by, opens «Зарегистрировать»: the form names the verified person; with a question of the classifier
   chosen and sent, the card has a number «…-ОГ», «Личность подтверждена» and her name among the applicants.

A screenshot of the identified form goes to OBOROT_ARTIFACTS_DIR (default /tmp/oborot-smoke):
public-appeal-identified.png. Each run finds its own submission by its tracking code, so it may run again against the same server.

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import PageTest, StepFailed, main, normalized, shorten  # noqa: E402  (shared browser helpers)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

REGISTRAR = "registrar"
GOVERNMENT_FULL = "Правительство Ростовской области"
ROADS = "0003.0009.0099.0742"
MINIMUM_FILL_SECONDS = 4.5  # the form refuses a submission sent sooner than 4 s after it was shown

RUN = datetime.datetime.now().strftime("%H%M%S")
RESIDENT = {"family_name": "Кузнецова", "given_name": "Мария", "middle_name": "Олеговна"}
FULL_NAME = f"{RESIDENT['family_name']} {RESIDENT['given_name']} {RESIDENT['middle_name']}"
TEXT = f"Прошу отремонтировать тротуар на ул. Пушкинской у дома 15 (проверка {RUN})"
CODE = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
NUMBER = re.compile(r"№\s*(\S+)\s+от\s+(\d{2}\.\d{2}\.\d{4})")


class PublicAppeal(PageTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.code = ""
        self.form_shown_at = 0.0

    def run(self) -> None:
        self.step("the public form offers the identity step and says a submission without it is a message",
                  self.form_offers_identity)
        self.step("«Подтвердить личность» leads to the provider's page; the resident signs in there with her name",
                  self.sign_in_at_provider)
        self.step("back on the form: «Личность подтверждена» with her full name, the name fields read-only",
                  self.form_is_identified)
        self.step("sent to the Government: the receipt says it is an appeal under 59-ФЗ; the status page by its code "
                  "says «Получено как обращение»", self.submit)
        self.step("the form no longer shows her as identified: one identity, one submission", self.identity_spent)
        self.step(f"{REGISTRAR} sees it marked «личность подтверждена» with the day to register by, registers it: "
                  "«…-ОГ», «Личность подтверждена», her name among the applicants", self.registrar_registers)

    def form_offers_identity(self) -> None:
        self.open("/public/appeal")
        button = self.find("a#identity-sign-in", "a link `#identity-sign-in` on the public form")
        if not normalized(button.text).startswith("Подтвердить личность"):
            raise StepFailed("the link «Подтвердить личность: …»", f"«{normalized(button.text)}»")
        note = self.text("#identity-step")
        if "поступит как сообщение" not in note:
            raise StepFailed("the note that without the step the submission is a message", f"«{shorten(note)}»")

    def sign_in_at_provider(self) -> None:
        self.click_and_wait(self.find("a#identity-sign-in", "the identity link"), "the provider's sign-in page",
                            lambda d: d.find_elements(By.CSS_SELECTOR, "form#dev-identity-form"))
        if "Тестовый поставщик удостоверений" not in self.text("h1"):
            raise StepFailed("the provider's heading «Тестовый поставщик удостоверений»", self.where())
        for field, value in RESIDENT.items():
            self.type_into(f"#{field}", value, field)
        self.click_and_wait(self.find("#dev-identity-allow", "the provider's «Войти»"), "the public form after the provider",
                            lambda d: self.path() == "/public/appeal" and d.find_elements(By.ID, "public-appeal-form"))
        self.form_shown_at = time.monotonic()

    def form_is_identified(self) -> None:
        banner = self.text("#identity-banner")
        if "Личность подтверждена" not in banner or FULL_NAME not in banner:
            raise StepFailed(f"the banner «Личность подтверждена — …: {FULL_NAME}»", f"«{shorten(banner)}» ({self.where()})")
        for field, value in (("surname", RESIDENT["family_name"]), ("name", RESIDENT["given_name"]),
                             ("patronymic", RESIDENT["middle_name"])):
            element = self.find(f"#{field}", f"the field `#{field}`")
            if element.get_attribute("value") != value or element.get_attribute("readonly") is None:
                raise StepFailed(f"`#{field}` read-only with «{value}»",
                                 f"«{element.get_attribute('value')}», readonly={element.get_attribute('readonly')}")
        self.screenshot("public-appeal-identified.png")

    def submit(self) -> None:
        Select(self.find("#organizationId", "the body select")).select_by_visible_text(GOVERNMENT_FULL)
        self.type_into("#email", f"kuznetsova{RUN}@example.ru", "e-mail")
        self.type_into("#text", TEXT, "text")
        consent = self.find("#consent", "the consent box")
        if not consent.is_selected():
            consent.click()
        # A person needs some seconds to fill the form in; so does this test.
        time.sleep(max(0.0, MINIMUM_FILL_SECONDS - (time.monotonic() - self.form_shown_at)))
        self.click_and_wait(self.find("#public-submit", "the button «Отправить обращение»"), "the receipt page",
                            lambda d: d.find_elements(By.ID, "tracking-code"))
        kind = self.text("#receipt-kind")
        if "это обращение по 59-ФЗ" not in kind:
            raise StepFailed("the receipt saying «Личность подтверждена: это обращение по 59-ФЗ …»", f"«{kind}» ({self.where()})")
        self.code = self.text("#tracking-code")
        if not CODE.match(self.code):
            raise StepFailed("a tracking code like 7K3M-9QXR-2BHD", f"«{self.code}»")
        if FULL_NAME not in self.text("#receipt"):
            raise StepFailed(f"«{FULL_NAME}» on the receipt", shorten(self.text("#receipt")))
        self.open(f"/public/appeal/status?code={self.code}")
        page = self.text("main")
        if "Получено как обращение" not in page:
            raise StepFailed("the status «Получено как обращение (личность подтверждена) …»", shorten(page, 400))
        if RESIDENT["family_name"] in page:
            raise StepFailed("no personal data on the status page", shorten(page, 400))

    def identity_spent(self) -> None:
        self.open("/public/appeal")
        if self.driver.find_elements(By.ID, "identity-banner"):
            raise StepFailed("no banner «Личность подтверждена» after the submission", self.text("#identity-banner"))
        self.find("a#identity-sign-in", "the identity link offered again")

    def registrar_registers(self) -> None:
        self.sign_in_as(REGISTRAR)
        self.open("/appeals")
        row = next((tr for tr in self.driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=messages-title] tr")
                    if self.code in tr.text), None)
        if row is None:
            raise StepFailed(f"the submission {self.code} among «Сообщения с сайта, ждут регистрации»", self.where())
        text = normalized(row.text)
        if "личность подтверждена" not in text or "зарегистрировать до" not in text or FULL_NAME not in text:
            raise StepFailed(f"the row marked «личность подтверждена», «зарегистрировать до …», «{FULL_NAME}»", f"«{text}»")
        self.click_and_wait(row.find_element(By.CSS_SELECTOR, "a"), "the registration form for the message",
                            lambda d: d.find_elements(By.CSS_SELECTOR, "form#appeal-form"))
        identity = self.text("#message-identity")
        if FULL_NAME not in identity or "личность подтверждена" not in identity:
            raise StepFailed(f"the form naming «{FULL_NAME} — личность подтверждена …»", f"«{identity}»")
        Select(self.find("#topic1", "the first question's topic")).select_by_value(ROADS)
        self.click_and_wait(self.find("#appeal-submit", "the form's submit button"), "the new appeal's card",
                            lambda d: "created=1" in d.current_url)
        heading = self.text("h1")
        match = NUMBER.search(heading)
        if match is None or not match.group(1).endswith("-ОГ"):
            raise StepFailed("the card's h1 «Обращение № …-ОГ от <date>»", f"«{heading}» ({self.where()})")
        if not self.requisite("Личность подтверждена"):
            raise StepFailed("the card's field «Личность подтверждена»", self.text("dl.card-fields"))
        if "Официальный сайт" not in self.requisite("Вид, источник"):
            raise StepFailed("«Вид, источник»: «…, Официальный сайт; …»", self.requisite("Вид, источник"))
        if FULL_NAME not in self.text("#applicants"):
            raise StepFailed(f"«{FULL_NAME}» among the applicants", self.text("#applicants"))


if __name__ == "__main__":
    sys.exit(main("public_appeal", PublicAppeal, sys.argv))
