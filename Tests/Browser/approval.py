#!/usr/bin/env python3
"""Browser test of approval and electronic signature, run by scripts/test against `oborot serve --demo`.

    python3 Tests/Browser/approval.py http://127.0.0.1:8080

The path of an outgoing letter from draft to a registered, signed document, each step by the person who takes it,
in headless Chromium with the Russian pages:

1. a test PKI is made with the `openssl` command line (a root CA and the minister's signing certificate with a
   UTF-8 subject);
2. the region's administrator (`admin`) trusts the root CA on /admin/signatures and binds the certificate's
   subject to the minister (`minfin-ro.head`);
3. the ministry's registrar (`minfin-ro.registrar`) creates an outgoing draft with the web form (signer: the
   minister), attaches a PDF and sends it for approval in two stages: the heads of two departments
   (`minfin-ro.dep1.head`, then `minfin-ro.dep2.head`);
4. the first head approves; the second, on a 390 px phone, approves with remarks: the route is «Согласовано»;
5. the minister, on the phone, finds it under «На подпись», signs the PDF offline (`openssl cms -sign`) and uploads
   the .p7s: the letter gets its registration number and the card a signature mark;
6. the printable signature mark has a QR code (decoded with `zbarimg` when it is installed) equal to its
   verification link, which, opened signed out, says «Подпись действительна» with the registration number;
7. anyone on /verify uploads the PDF and the .p7s: valid; a modified PDF: «Подпись не действительна».

Needs `openssl` (and optionally `zbarimg`, Debian zbar-tools, for the QR code) besides selenium and Chromium.
Each run makes its own PKI, titles and subject (unique per run), so it may run again against the same server.

Environment:
  OBOROT_ARTIFACTS_DIR  where a failure's screenshot and page source go (default /tmp/oborot-smoke)
  OBOROT_CHROMIUM       browser binary (default /usr/bin/chromium)
  OBOROT_CHROMEDRIVER   driver binary (default /usr/bin/chromedriver)

Exit status: 0 when every step passed, 1 when one failed, 2 on bad usage.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from typing import Callable, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_support import (  # noqa: E402  (shared browser helpers; they check that selenium is installed)
    WAIT_SECONDS, Api, BrowserTest, StepFailed, T, main, normalized, shorten,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

PASSWORD = "demo"
ADMIN = "admin"
AUTHOR = "minfin-ro.registrar"
SIGNER = "minfin-ro.head"
APPROVER_1 = "minfin-ro.dep1.head"
APPROVER_2 = "minfin-ro.dep2.head"
ADDRESSEE = "Правительство РО"

RUN = datetime.datetime.now().strftime("%H%M%S")
TITLE = f"О предложениях к проекту областного бюджета, согласование {RUN}"
REMARKS = f"Уточнить ссылку на постановление, проверка {RUN}"
CA_SUBJECT = f"/C=RU/O=Тестовый удостоверяющий центр/CN=Тестовый корневой УЦ {RUN}"
PHONE = (390, 844)
DESKTOP = (1280, 900)
DOCUMENT_PATH = re.compile(r"^/documents/([0-9a-fA-F-]{36})$")
NUMBER_IN_HEADING = re.compile(r"№\s*(\S+)")

OPENSSL_CONFIG = """\
[req]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no

[dn]

[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[v3_signer]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""



class Pki:
    """A root CA and one signing certificate made with the openssl command line, in a temporary directory."""

    def __init__(self, directory: str, signer_name: str) -> None:
        self.directory = directory
        self.config = self.path("openssl.cnf")
        with open(self.config, "w", encoding="utf-8") as handle:
            handle.write(OPENSSL_CONFIG)
        self.ca_pem = self.path("ca.pem")
        self.signer_pem = self.path("signer.pem")
        self.signer_key = self.path("signer.key")
        self.openssl("req", "-x509", "-new", "-utf8", "-config", self.config, "-newkey", "rsa:2048", "-nodes",
                     "-keyout", self.path("ca.key"), "-out", self.ca_pem, "-days", "30",
                     "-subj", CA_SUBJECT, "-extensions", "v3_ca")
        self.openssl("req", "-new", "-utf8", "-config", self.config, "-newkey", "rsa:2048", "-nodes",
                     "-keyout", self.signer_key, "-out", self.path("signer.csr"),
                     "-subj", f"/C=RU/O=Минфин/OU=Проверка {RUN}/CN={signer_name}")
        self.openssl("x509", "-req", "-in", self.path("signer.csr"), "-CA", self.ca_pem,
                     "-CAkey", self.path("ca.key"), "-set_serial", "0x" + os.urandom(8).hex(),
                     "-days", "30", "-extfile", self.config, "-extensions", "v3_signer", "-out", self.signer_pem)

    def path(self, name: str) -> str:
        return os.path.join(self.directory, name)

    @staticmethod
    def openssl(*arguments: str) -> str:
        try:
            done = subprocess.run(["openssl", *arguments], capture_output=True, timeout=60, check=False)
        except FileNotFoundError:
            raise StepFailed("the `openssl` command line (Debian package openssl) to be installed") from None
        if done.returncode != 0:
            raise StepFailed(f"`openssl {' '.join(arguments[:2])} …` to succeed",
                             shorten(done.stderr.decode(errors="replace"), 600))
        return done.stdout.decode("utf-8", errors="replace")

    def subject(self, certificate: str) -> str:
        """The subject as the server compares it: RFC 2253 order, UTF-8 not escaped, e.g. `CN=…,O=…,C=RU`."""
        line = self.openssl("x509", "-in", certificate, "-noout", "-subject", "-nameopt", "RFC2253,-esc_msb").strip()
        return line.split("=", 1)[1].strip() if line.startswith("subject=") else line

    def ca_text(self) -> str:
        with open(self.ca_pem, encoding="ascii") as handle:
            return handle.read()

    def sign(self, content: str) -> str:
        signature = content + ".p7s"
        self.openssl("cms", "-sign", "-binary", "-outform", "DER", "-md", "sha256", "-signer", self.signer_pem,
                     "-inkey", self.signer_key, "-in", content, "-out", signature)
        return signature


class Approval(BrowserTest):
    def __init__(self, driver: WebDriver, base_url: str) -> None:
        super().__init__(driver, base_url)
        self.api = Api(self.base_url, PASSWORD)
        self.directory = tempfile.mkdtemp(prefix="oborot-approval.")
        self.people: dict[str, dict] = {}
        self.pki: Optional[Pki] = None
        self.signer_subject = ""
        self.pdf = os.path.join(self.directory, f"Письмо о бюджете {RUN}.pdf")
        self.signature = ""
        self.document_id = ""
        self.number = ""
        self.verify_url = ""

    # --- helpers -------------------------------------------------------------------------------------------

    def wait_for(self, expected: str, condition: Callable[[WebDriver], Optional[T]],
                 found: Optional[Callable[[], str]] = None, seconds: float = WAIT_SECONDS) -> T:
        """As a person would be told: unless the step says what to look at, the page's alerts."""
        return super().wait_for(expected, condition, found or self.alerts, seconds)

    def alerts(self) -> str:
        texts = [normalized(e.text) for e in self.driver.find_elements(By.CSS_SELECTOR, ".alert, [role=alert]")]
        return f"path {self.path()}; alerts: " + (" | ".join(t for t in texts if t) or "none")

    def click(self, css: str, what: str) -> None:
        self.find(css, f"{what} (`{css}`)").click()

    def text_of(self, css: str) -> str:
        return normalized(" ".join(e.text for e in self.driver.find_elements(By.CSS_SELECTOR, css)))

    def no_error(self, after: str) -> None:
        errors = self.text_of(".alert-error")
        if errors:
            raise StepFailed(f"no error after {after}", errors)

    def name(self, login: str) -> str:
        return self.people[login].get("displayName") or ""

    def sign_in_as(self, login: str) -> None:
        self.driver.delete_all_cookies()
        self.open("/login")
        field = self.find("input#login", "the login field on /login")
        field.clear()
        field.send_keys(login)
        self.find("input#password", "the password field").send_keys(PASSWORD)
        self.click("button[type=submit]", "the sign-in button")
        self.wait_for(f"to land on / after signing in as {login}", lambda d: self.path() == "/")

    def sign_out(self) -> None:
        """A new, cookie-less visitor."""
        self.driver.delete_all_cookies()
        self.open("/verify")
        self.driver.delete_all_cookies()

    def fits_phone(self, what: str) -> None:
        overflow = self.driver.execute_script(
            "const root = document.documentElement; return root.scrollWidth - root.clientWidth;")
        if overflow > 2:
            raise StepFailed(f"{what} to fit a {PHONE[0]} px wide phone screen", f"{overflow} px of sideways scroll")

    def on_card(self) -> None:
        self.wait_for(f"the card /documents/{self.document_id}",
                      lambda d: self.path() == f"/documents/{self.document_id}")
        self.find("#approval", "the «Согласование и подпись» section `#approval` on the card")

    def route_state(self) -> str:
        return self.text_of("#route-state")

    def expect_route_state(self, name: str) -> None:
        self.wait_for(f"the route state `#route-state` «{name}»", lambda d: self.route_state() == name,
                      lambda: f"state «{self.route_state()}»; {self.alerts()}")

    def choose_option(self, css: str, starts_with: str, value: str, what: str) -> str:
        """Picks, in a <select>, the option whose label starts with `starts_with` (the person's name); checks that
        it is the expected person (`value`); returns the label."""
        element = self.find(css, f"{what} (`{css}`)")
        select = Select(element)
        labels = [normalized(o.text) for o in select.options]
        matching = [o for o in select.options if normalized(o.text).startswith(starts_with)]
        if not matching:
            raise StepFailed(f"{what} to offer «{starts_with}…»", shorten("options: " + ", ".join(labels), 600))
        option = next((o for o in matching if (o.get_attribute("value") or "").lower() == value.lower()), None)
        if option is None:
            raise StepFailed(f"«{starts_with}…» in {what} to be {value}",
                             ", ".join(f"«{normalized(o.text)}» = {o.get_attribute('value')}" for o in matching))
        label = normalized(option.text)
        select.select_by_visible_text(option.text)
        chosen = [(o.get_attribute("value") or "").lower() for o in select.all_selected_options]
        if chosen != [value.lower()]:
            raise StepFailed(f"only «{label}» chosen in {what}", f"chosen: {chosen}")
        return label

    def open_from_approvals(self, list_id: str, heading: str) -> None:
        self.open("/approvals")
        def link(d: WebDriver) -> Optional[WebElement]:
            for anchor in d.find_elements(By.CSS_SELECTOR, f"#{list_id} a"):
                if TITLE in normalized(anchor.text):
                    return anchor
            return None
        anchor = self.wait_for(f"«{TITLE}» under «{heading}» (`#{list_id}`) on /approvals", link,
                               lambda: "page: " + shorten(self.text_of("main"), 600))
        if self.driver.get_window_size()["width"] <= PHONE[0] + 20:
            self.fits_phone("/approvals")
        anchor.click()
        self.on_card()

    def decide(self, decision: str, comment: str = "") -> None:
        form = self.find("#decision-form", "the decision form `#decision-form` on the card")
        radio: Optional[WebElement] = None
        for label in form.find_elements(By.CSS_SELECTOR, "label"):
            if normalized(label.text) == decision:
                found = label.find_elements(By.CSS_SELECTOR, "input[type=radio]")
                radio = found[0] if found else None
        if radio is None:
            raise StepFailed(f"a radio button «{decision}» in `#decision-form`", self.text_of("#decision-form"))
        radio.click()
        if not radio.is_selected():
            raise StepFailed(f"«{decision}» to be chosen after clicking it")
        if comment:
            self.find("#decision-comment", "the remarks field `#decision-comment`").send_keys(comment)
        self.click("#decide", "«Отправить решение»")
        self.on_card()
        self.no_error(f"«{decision}»")
        self.wait_for("the decision form gone once the decision is made",
                      lambda d: not d.find_elements(By.CSS_SELECTOR, "#decision-form"))

    def step_row(self, login: str) -> str:
        surname = self.name(login).split(" ")[0]
        for row in self.driver.find_elements(By.CSS_SELECTOR, "#approval-steps tbody tr"):
            if surname and surname in normalized(row.text):
                return normalized(row.text)
        return ""

    def expect_step(self, login: str, state: str) -> None:
        self.wait_for(f"the row of {self.name(login)} in `#approval-steps` to say «{state}»",
                      lambda d: state in self.step_row(login),
                      lambda: "steps: " + self.text_of("#approval-steps"))

    def browser_get(self, href: str) -> bytes:
        """Downloads `href` with the browser's session cookie, as the browser would."""
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(href if "://" in href else self.base_url + href)
        request.add_header("Cookie", cookies)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def upload_verification(self, content: str) -> WebElement:
        self.open("/verify")
        self.find("#verify-form", "the form `#verify-form` on /verify")
        self.find("#verify-file", "the document field `#verify-file`").send_keys(content)
        self.find("#verify-signature", "the signature field `#verify-signature`").send_keys(self.signature)
        self.click("#verify-form button[type=submit]", "«Проверить»")
        return self.find("#verify-result", "the result `#verify-result` after «Проверить»")

    # --- the path ------------------------------------------------------------------------------------------

    def make_pki(self) -> None:
        for login in (AUTHOR, SIGNER, APPROVER_1, APPROVER_2):
            self.people[login] = self.api.me(login)
            if not self.name(login) or not self.people[login].get("fullName"):
                raise StepFailed(f"/api/v1/me to name {login}",
                                 json.dumps(self.people[login], ensure_ascii=False)[:300])
        self.pki = Pki(self.directory, self.people[SIGNER]["fullName"])
        self.signer_subject = self.pki.subject(self.pki.signer_pem)
        if f"CN={self.people[SIGNER]['fullName']}" not in self.signer_subject or "\\" in self.signer_subject:
            raise StepFailed("openssl to print the signer's subject in UTF-8, RFC 2253", self.signer_subject)
        with open(self.pdf, "wb") as handle:
            handle.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + TITLE.encode() + b"\n"
                         + bytes(range(256)) * 4 + b"\n%%EOF\n")

    def admin_trusts_and_binds(self) -> None:
        assert self.pki is not None
        self.sign_in_as(ADMIN)
        self.open("/admin/signatures")
        self.wait_for("the page «Электронная подпись»", lambda d: self.text_of("h1") == "Электронная подпись")
        label = self.text_of("label[for=trusted-pem]")
        if not label.startswith("Корневой или промежуточный сертификат УЦ"):
            raise StepFailed("the field «Корневой или промежуточный сертификат УЦ…»", f"label «{label}»")
        field = self.find("#trusted-pem", "the CA certificate field `#trusted-pem`")
        # Pasted, as a person does: typing 1,700 characters of base64 key by key is slow and nothing more.
        self.driver.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            field, self.pki.ca_text())
        field.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait_for("«Сохранено.» after adding the CA", lambda d: "Сохранено" in self.text_of(".alert-success"))
        ca_name = f"Тестовый корневой УЦ {RUN}"
        trusted = self.text_of("#trusted-title ~ .table-wrap table")
        if ca_name not in trusted:
            raise StepFailed(f"the trusted CAs table to list «{ca_name}»", shorten(trusted, 600))

        self.find("#binding-login", "the login field `#binding-login`").send_keys(SIGNER)
        self.find("#binding-subject", "the subject field `#binding-subject`").send_keys(self.signer_subject)
        self.find("#binding-login", "the login field").find_element(By.XPATH, "ancestor::form") \
            .find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait_for("«Сохранено.» after binding the certificate",
                      lambda d: "Сохранено" in self.text_of(".alert-success"))
        def bound(d: WebDriver) -> bool:
            for row in d.find_elements(By.CSS_SELECTOR, "#bindings-title ~ .table-wrap table tbody tr"):
                cells = [normalized(c.text) for c in row.find_elements(By.CSS_SELECTOR, "td")]
                if len(cells) >= 2 and cells[0] == self.name(SIGNER) and cells[1] == self.signer_subject:
                    return True
            return False
        self.wait_for(f"the bindings table to list {self.name(SIGNER)} with «{self.signer_subject}»", bound,
                      lambda: shorten(self.text_of("#bindings-title ~ .table-wrap table"), 600))

    def author_creates_draft(self) -> None:
        self.sign_in_as(AUTHOR)
        self.open("/documents/new?kind=outgoing")
        self.find("form#registration-form", "the form `#registration-form`")
        heading = self.text_of("h1")
        if heading != "Новый документ: исходящий":
            raise StepFailed("the heading «Новый документ: исходящий»", f"«{heading}»")
        organization = Select(self.find("#organizationId", "the organization field")).first_selected_option
        if normalized(organization.text) != "Минфин РО":
            raise StepFailed("the registrar's own ministry «Минфин РО» chosen", f"«{normalized(organization.text)}»")
        addressee = Select(self.find("#addressee", "the addressee field `#addressee`"))
        addressee.select_by_visible_text(ADDRESSEE)
        signer = self.choose_option("#signerEmployeeId", self.name(SIGNER), self.people[SIGNER]["employeeId"],
                                    "the signer field «Подписант»")
        # «Исполнитель» is not marked required on the draft form, yet signing (which registers the letter) refuses
        # an outgoing letter without one (RequisiteRules: outgoing needs addressees, signer and executor), only
        # after the whole approval route: the registrar names himself, the one who prepared the letter.
        executor = self.choose_option("#executorEmployeeId", self.name(AUTHOR), self.people[AUTHOR]["employeeId"],
                                      "the executor field «Исполнитель»")
        self.find("#title", "the title field").send_keys(TITLE)
        self.find("#pages", "the pages field").send_keys("1")
        self.click("#submit-registration", "«Создать проект»")
        self.wait_for("to land on the new draft's card /documents/<id>",
                      lambda d: DOCUMENT_PATH.match(self.path()) is not None)
        self.document_id = DOCUMENT_PATH.match(self.path()).group(1)
        heading = self.text_of("h1")
        if heading != "Исходящий — проект":
            raise StepFailed("the draft's heading «Исходящий — проект»", f"«{heading}»")
        fields = self.text_of("dl.card-fields")
        for words in (TITLE, ADDRESSEE, signer, executor):
            if words not in fields:
                raise StepFailed(f"the card to show «{words}»", shorten(fields, 600))

        upload = self.find("#new-file", "the file field `#new-file`")
        upload.send_keys(self.pdf)
        upload.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        name = os.path.basename(self.pdf)
        link = self.wait_for(f"«{name}» among the card's files", lambda d: next(
            (a for a in d.find_elements(By.CSS_SELECTOR, ".file-list a") if normalized(a.text) == name), None))
        href = link.get_attribute("href") or ""
        if not re.search(rf"/api/v1/documents/{self.document_id}/files/[0-9a-fA-F-]{{36}}$", href):
            raise StepFailed("the file link /api/v1/documents/{id}/files/{attachmentId}", href)
        with open(self.pdf, "rb") as handle:
            if self.browser_get(href) != handle.read():
                raise StepFailed("the file on the card to hold the very bytes uploaded")

    def author_starts_route(self) -> None:
        self.open(f"/documents/{self.document_id}")
        self.on_card()
        if "не направлялся на согласование" not in self.text_of("#approval"):
            raise StepFailed("the section to say the draft was not yet sent for approval", self.text_of("#approval"))
        for stage, login in (("#stage1", APPROVER_1), ("#stage2", APPROVER_2)):
            label = self.text_of(f"label[for={stage[1:]}]")
            if label != f"Этап {stage[-1]}":
                raise StepFailed(f"the field `{stage}` labelled «Этап {stage[-1]}»", f"«{label}»")
            self.choose_option(stage, self.name(login), self.people[login]["userId"], f"«Этап {stage[-1]}»")
        self.click("#start-route", "«Направить на согласование»")
        self.on_card()
        self.no_error("«Направить на согласование»")
        self.expect_route_state("На согласовании")
        self.expect_step(APPROVER_1, "На согласовании")
        self.expect_step(APPROVER_2, "Ожидает")

    def first_approves(self) -> None:
        self.sign_in_as(APPROVER_1)
        self.open_from_approvals("to-decide", "На согласование")
        self.decide("Согласовать")
        self.expect_step(APPROVER_1, "Согласовано")
        self.expect_step(APPROVER_2, "На согласовании")
        self.expect_route_state("На согласовании")

    def second_approves_with_remarks(self) -> None:
        self.sign_in_as(APPROVER_2)
        self.driver.set_window_size(*PHONE)
        try:
            self.open_from_approvals("to-decide", "На согласование")
            self.fits_phone("the card with the decision form")
            self.decide("Согласовать с замечаниями", REMARKS)
            self.expect_step(APPROVER_2, "Согласовано с замечаниями")
            if REMARKS not in self.step_row(APPROVER_2):
                raise StepFailed(f"the remarks «{REMARKS}» in the approver's row", self.step_row(APPROVER_2))
            self.expect_route_state("Согласовано")
            self.fits_phone("the approved card")
        finally:
            self.driver.set_window_size(*DESKTOP)

    def signer_signs(self) -> None:
        assert self.pki is not None
        self.sign_in_as(SIGNER)
        self.driver.set_window_size(*PHONE)
        try:
            self.open_from_approvals("to-sign", "На подпись")
            self.expect_route_state("Согласовано")
            form = self.find("#sign-form", "the signing form `#sign-form`")
            chosen = normalized(Select(form.find_element(By.ID, "sign-file")).first_selected_option.text)
            if not chosen.startswith(os.path.basename(self.pdf)):
                raise StepFailed(f"«{os.path.basename(self.pdf)}» offered for signing", f"«{chosen}»")
            self.fits_phone("the card with the signing form")
            # The minister signs the file offline with his signing tool, here the openssl command line.
            self.signature = self.pki.sign(self.pdf)
            self.find("#signature-file", "the signature file field `#signature-file`").send_keys(self.signature)
            self.click("#sign", "«Подписать»")
            self.on_card()
            self.no_error("«Подписать»")
            def number(d: WebDriver) -> Optional[str]:
                match = NUMBER_IN_HEADING.search(self.text_of("h1"))
                return match.group(1) if match and self.text_of("h1").startswith("Исходящий") else None
            self.number = self.wait_for("the heading «Исходящий № … от …» once signed", number,
                                        lambda: f"h1 «{self.text_of('h1')}»; {self.alerts()}")
            marks = self.wait_for("a signature mark in `#signatures`",
                                  lambda d: self.text_of("#signatures .signature-mark"))
            for words in ("Документ подписан электронной подписью", self.people[SIGNER]["fullName"],
                          os.path.basename(self.pdf)):
                if words not in marks:
                    raise StepFailed(f"the signature mark to mention «{words}»", marks)
            if "подписан" not in self.text_of("dl.card-fields"):
                raise StepFailed("the card's «Подписант» to say when it was signed", self.text_of("dl.card-fields"))
            self.fits_phone("the signed card")
        finally:
            self.driver.set_window_size(*DESKTOP)

    def signature_mark_has_qr(self) -> None:
        link = self.wait_for("the link «Отметка об ЭП с QR-кодом» in `#signatures`", lambda d: next(
            (a for a in d.find_elements(By.CSS_SELECTOR, "#signatures a")
             if normalized(a.text) == "Отметка об ЭП с QR-кодом"), None))
        href = link.get_attribute("href") or ""
        if not re.search(rf"/documents/{self.document_id}/signature-mark/[0-9a-fA-F-]{{36}}$", href):
            raise StepFailed("the link to /documents/{id}/signature-mark/{signatureId}", href)
        card = self.driver.current_window_handle
        before = set(self.driver.window_handles)
        link.click()
        new = self.wait_for("the signature mark to open in a new tab",
                            lambda d: next(iter(set(d.window_handles) - before), None))
        self.driver.switch_to.window(new)
        try:
            self.wait_for("the signature mark page", lambda d: "/signature-mark/" in self.path())
            svg = self.find(".signature-stamp__qr svg", "a QR code `<svg>` in the signature mark")
            verify_link = self.find("#verify-link", "the verification link `#verify-link`")
            self.verify_url = verify_link.get_attribute("href") or ""
            if not re.fullmatch(re.escape(self.base_url) + r"/verify/\S+", self.verify_url):
                raise StepFailed(f"`#verify-link` to point to {self.base_url}/verify/<code>", self.verify_url)
            stamp = self.text_of("#signature-stamp")
            for words in ("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ", self.people[SIGNER]["fullName"]):
                if words not in stamp:
                    raise StepFailed(f"the signature mark to say «{words}»", stamp)
            if self.number not in self.text_of(".registration-stamp"):
                raise StepFailed(f"the registration stamp to show № {self.number}", self.text_of(".registration-stamp"))
            self.decode_qr(svg)
        finally:
            self.driver.close()
            self.driver.switch_to.window(card)

    def decode_qr(self, svg: WebElement) -> None:
        zbarimg = shutil.which("zbarimg")
        if zbarimg is None:
            print("  note: zbarimg is not installed (Debian zbar-tools): the QR code is not decoded", flush=True)
            return
        # The code drawn 3 px a module: enlarged, with a white margin (the quiet zone), for the decoder.
        self.driver.execute_script(
            "const box = arguments[0].parentElement; box.style.background = '#fff'; box.style.padding = '24px';"
            "box.style.display = 'inline-block'; arguments[0].style.width = (arguments[0].getBoundingClientRect()"
            ".width * 3) + 'px'; arguments[0].style.height = 'auto';", svg)
        image = os.path.join(self.directory, "qr.png")
        with open(image, "wb") as handle:
            handle.write(svg.find_element(By.XPATH, "..").screenshot_as_png)
        done = subprocess.run([zbarimg, "--quiet", "--raw", image], capture_output=True, timeout=30, check=False)
        decoded = done.stdout.decode("utf-8", errors="replace").strip()
        if decoded != self.verify_url:
            raise StepFailed(f"the QR code to hold «{self.verify_url}»",
                             f"zbarimg (status {done.returncode}) read «{decoded}» "
                             f"{done.stderr.decode(errors='replace')[:200]}")

    def anyone_opens_verify_link(self) -> None:
        self.sign_out()
        self.driver.get(self.verify_url)
        result = self.find("#verify-result", "the result `#verify-result` of the verification link")
        if result.get_attribute("data-valid") != "true" or "Подпись действительна" not in normalized(result.text):
            raise StepFailed("«Подпись действительна» (data-valid=true)",
                             f"data-valid={result.get_attribute('data-valid')}: «{normalized(result.text)}»")
        registered = self.text_of("#verify-registered")
        for words in (f"№ {self.number}", TITLE, "Минфин РО", self.people[SIGNER]["fullName"]):
            if words not in registered:
                raise StepFailed(f"the verification page to show «{words}»", registered)
        if self.driver.find_elements(By.CSS_SELECTOR, "a[href='/logout'], form[action='/logout']"):
            raise StepFailed("the visitor not to be signed in")

    def anyone_checks_files(self) -> None:
        result = self.upload_verification(self.pdf)
        if result.get_attribute("data-valid") != "true" or "Подпись действительна" not in normalized(result.text):
            raise StepFailed("the PDF and its .p7s to be «Подпись действительна»", normalized(result.text))
        if f"№ {self.number}" not in self.text_of("#verify-registered"):
            raise StepFailed(f"the registered document № {self.number} found by its signature",
                             self.text_of("#verify-registered"))

        modified = os.path.join(self.directory, "modified.pdf")
        with open(self.pdf, "rb") as source, open(modified, "wb") as target:
            target.write(source.read().replace(b"%%EOF", b"%% changed after signing\n%%EOF"))
        result = self.upload_verification(modified)
        text = normalized(result.text)
        if result.get_attribute("data-valid") != "false" or "Подпись не действительна" not in text:
            raise StepFailed("a modified PDF to be «Подпись не действительна»", f"data-valid="
                             f"{result.get_attribute('data-valid')}: «{text}»")
        if "Подпись сделана над другим содержимым" not in text:
            raise StepFailed("the reason «Подпись сделана над другим содержимым…»", f"«{text}»")

    def run(self) -> None:
        try:
            self.step("a test PKI from openssl: a root CA and the minister's certificate with a UTF-8 subject",
                      self.make_pki)
            self.step("the administrator trusts the root CA and binds the minister to the certificate's subject",
                      self.admin_trusts_and_binds)
            self.step("the registrar creates an outgoing draft signed by the minister and attaches a PDF",
                      self.author_creates_draft)
            self.step("the registrar sends it for approval: stage 1 and stage 2, one head of department each",
                      self.author_starts_route)
            self.step("the first head finds it under «На согласование» and approves it", self.first_approves)
            self.step("on a phone, the second head approves it with remarks: the route is «Согласовано»",
                      self.second_approves_with_remarks)
            self.step("on a phone, the minister finds it under «На подпись» and signs the PDF (.p7s): it is "
                      "registered and marked signed", self.signer_signs)
            self.step("the signature mark has a QR code of its verification link", self.signature_mark_has_qr)
            self.step("signed out, the verification link says «Подпись действительна» with the number",
                      self.anyone_opens_verify_link)
            self.step("on /verify the PDF and its .p7s are valid, a modified PDF is not", self.anyone_checks_files)
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main("approval", Approval, sys.argv))
