#!/usr/bin/env python3
"""Browser test of delivery between bodies and the МЭДО page, run by scripts/test against `oborot serve --demo`.

    python3 Tests/Browser/delivery.py http://127.0.0.1:8080

What people do, in headless Chromium with the Russian pages:

1. (set-up through the REST API) the government's registrar (`registrar`) drafts an outgoing letter to the ministry of
   finance (`minfin-ro`), the governor marks it signed, the registrar registers it;
2. the registrar opens the letter's card and presses «Отправить адресатам (1)»: the sheet shows the ministry, «Доставлен»;
3. the ministry's registrar (`minfin-ro.registrar`) opens the incoming card that appeared (from the notification feed),
   sees where it came from, refuses it with a reason;
4. back on the letter's card, the government's registrar sees «Отказано в регистрации» and the reason;
5. on «МЭДО» (/medo) the registrar uploads a file that is not a packet: it lands in the quarantine with its reason.

Each run uses its own title, so it may run again against the same server.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import Api, BrowserTest, StepFailed, main, normalized, shorten  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402

PASSWORD = "demo"
SENDER = "registrar"
SIGNER = "governor"
RECIPIENT = "minfin-ro.registrar"
RUN = datetime.datetime.now().strftime("%H%M%S")
TITLE = f"О представлении отчёта о доставке, проверка {RUN}"
REASON = f"Не относится к компетенции министерства ({RUN})"


class Delivery(BrowserTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.api = Api(self.base_url, PASSWORD)
        self.letter_id = ""

    def run(self) -> None:
        self.step(f"the government drafts, signs and registers «{TITLE}» through the API", self.prepare_letter)
        self.step("the registrar presses «Отправить адресатам»: the ministry is «Доставлен»", self.send)
        self.step("the ministry's registrar finds the incoming card and refuses it with a reason", self.refuse)
        self.step("the sender sees «Отказано в регистрации» and the reason", self.see_refusal)
        self.step("a file that is not a packet, uploaded on «МЭДО», is in the quarantine with its reason", self.quarantine)

    def text(self, css: str) -> str:
        return normalized(" ".join(e.text for e in self.driver.find_elements(By.CSS_SELECTOR, css)))

    def sign_in_as(self, login: str) -> None:
        self.driver.delete_all_cookies()
        self.open("/login")
        self.find("input#login", "the login field").send_keys(login)
        self.find("input#password", "the password field").send_keys(PASSWORD)
        self.find("button[type=submit]", "the sign-in button").click()
        self.wait_for(f"to land on / after signing in as {login}", lambda d: self.path() == "/")

    def prepare_letter(self) -> None:
        token = self.api.sign_in(SENDER)
        me = self.api.call("GET", "/api/v1/me", token)
        government = me["organization"]["id"]
        governor = self.api.me(SIGNER)
        ministry = self.api.me(RECIPIENT)["organization"]["id"]
        journals = self.api.call("GET", f"/api/v1/organizations/{government}/journals", token)
        journal = next((j for j in journals if "outgoing" in j.get("kinds", [])), None)
        if journal is None:
            raise StepFailed("an outgoing journal in the government", str(journals)[:300])
        card = self.api.call("POST", "/api/v1/documents", token, {
            "organizationId": government, "kind": "outgoing", "title": TITLE,
            "addressees": [{"organizationId": ministry}], "signerEmployeeId": governor["employeeId"],
            "executorEmployeeId": me["employeeId"]})
        self.letter_id = card["id"]
        signed = self.api.call("POST", f"/api/v1/documents/{self.letter_id}/transitions", self.api.sign_in(SIGNER),
                               {"event": "sign", "version": card["version"]})
        self.api.call("POST", f"/api/v1/documents/{self.letter_id}/transitions", token,
                      {"event": "register", "version": signed["version"], "journalId": journal["id"]})

    def send(self) -> None:
        self.sign_in_as(SENDER)
        self.open(f"/documents/{self.letter_id}")
        button = self.find("button#send", "the button «Отправить адресатам» in the card's «Доставка» section")
        if "(1)" not in button.text:
            raise StepFailed("the button to count one addressee", button.text)
        button.click()
        self.wait_for("the delivery sheet with one line «Доставлен»",
                      lambda d: "Доставлен" in self.text("#delivery-sheet tbody") and len(
                          d.find_elements(By.CSS_SELECTOR, "#delivery-sheet tbody tr")) == 1,
                      lambda: self.text("#delivery, .alert"))
        if self.driver.find_elements(By.CSS_SELECTOR, "button#send"):
            raise StepFailed("no «Отправить» button once everybody has the letter", "the button is still there")

    def refuse(self) -> None:
        self.sign_in_as(RECIPIENT)
        self.open("/notifications")
        link = self.wait_for(
            f"a notification about «{TITLE}» in the ministry registrar's feed",
            lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, "#notifications a") if TITLE[:40] in a.text), None),
            lambda: shorten(self.text("#notifications"), 400))
        link.click()
        self.wait_for("the incoming card with «Поступил от …»", lambda d: "Поступил от" in self.text("#received-from"),
                      lambda: self.text("h1, .alert"))
        self.find("input#refusal-reason", "the refusal reason field").send_keys(REASON)
        self.find("button#refuse", "the button «Отказать в регистрации»").click()
        self.wait_for("the card to become «Аннулирован» with the reason",
                      lambda d: "Аннулирован" in self.text(".page-head") and REASON in self.text(".card-fields"),
                      lambda: self.text(".page-head, .alert, .card-fields"))

    def see_refusal(self) -> None:
        self.sign_in_as(SENDER)
        self.open(f"/documents/{self.letter_id}")
        self.wait_for("«Отказано в регистрации» and the reason in the sheet",
                      lambda d: "Отказано в регистрации" in self.text("#delivery-sheet") and REASON in self.text("#delivery-sheet"),
                      lambda: self.text("#delivery"))
        number = self.text("#delivery-sheet tbody tr td:nth-child(3)")
        if number:
            raise StepFailed("no registration number in the refused addressee's line", number)

    def quarantine(self) -> None:
        self.open("/medo")
        self.wait_for("the page «МЭДО»", lambda d: "МЭДО" in self.text("h1"))
        with tempfile.NamedTemporaryFile(suffix=".zip", delete=False) as file:
            file.write(f"не пакет {RUN}".encode())
            path = file.name
        self.find("input#medo-file", "the packet upload field").send_keys(path)
        self.find("#medo-upload button[type=submit]", "the upload button").click()
        self.wait_for("a quarantine line with a reason after uploading",
                      lambda d: self.path() == "/medo" and len(d.find_elements(By.CSS_SELECTOR, "#quarantine tbody tr")) > 0
                      and "архив" in self.text("#quarantine").lower(),
                      lambda: self.text("#quarantine, .alert"))
        self.driver.save_screenshot(os.path.join(os.environ.get("OBOROT_ARTIFACTS_DIR", "/tmp/oborot-smoke"), "medo.png"))
        os.unlink(path)


if __name__ == "__main__":
    sys.exit(main("delivery", Delivery, sys.argv))
