import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotStore
import SQLKit
import OborotTestSupport
import Testing

@Suite("Веб-интерфейс")
struct WebPagesTests {
    func page(_ app: TestApp, _ uri: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "text/html"]
        if let cookie { headers[.cookie] = "oborot_session=\(cookie)" }
        return try await app.client.execute(uri: uri, method: .get, headers: headers)
    }

    func login(_ app: TestApp, _ login: String, _ password: String) async throws -> TestResponse {
        try await app.client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "login=\(login)&password=\(password)&next=%2Forganizations"))
    }

    @Test("the login page is Russian, labelled and free of external resources")
    func loginPage() async throws {
        try await TestApp.run(.sqlite) { app in
            let response = try await page(app, "/login")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains(#"<html lang="ru">"#))
            #expect(html.contains(#"<label for="login">Логин</label>"#))
            #expect(html.contains(#"<label for="password">Пароль</label>"#))
            #expect(!html.contains("http://") && !html.contains("https://"))
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
        }
    }

    @Test("pages need a session and send people to the login page and back")
    func redirects() async throws {
        try await TestApp.run(.sqlite) { app in
            let response = try await page(app, "/organizations?q=x")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login?next=/organizations%3Fq%3Dx")
            #expect(try await page(app, "/").headers[.location] == "/login")
        }
    }

    @Test("a wrong password shows the error on the form; the right one sets the cookie and follows next")
    func signIn() async throws {
        try await TestApp.run(.sqlite) { app in
            let wrong = try await login(app, "governor", "nope")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains(#"class="alert alert-error" role="alert""#))
            #expect(wrong.text.contains("Неверный логин или пароль."))
            #expect(wrong.text.contains(#"value="governor""#))
            let right = try await login(app, "governor", RegionFixture.password.replacingOccurrences(of: " ", with: "+"))
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/organizations")
            let cookie = try #require(right.headers[.setCookie])
            let token = String(cookie.split(separator: ";")[0].dropFirst("oborot_session=".count))
            let home = try await page(app, "/", cookie: token)
            #expect(home.status == .ok)
            #expect(home.text.contains("Здравствуйте, Тест Тестович!"))
            #expect(home.text.contains(#"href="/organizations""#))
        }
    }

    @Test("the organisation tree, search, card and lazily loaded children")
    func organizations() async throws {
        try await TestApp.run(.sqlite) { app in
            let token = try await app.signIn("specialist")
            let tree = try await page(app, "/organizations", cookie: token)
            #expect(tree.status == .ok)
            #expect(tree.text.contains(#"<ul class="org-tree">"#))
            #expect(tree.text.contains("Правительство Тестовой области"))
            #expect(tree.text.contains(#"data-children-url="/organizations/\#(app.fixture.district.id.uuidString.lowercased())/children""#))
            let search = try await page(app, "/organizations?q=%D0%92%D0%B5%D1%81%D1%91%D0%BB", cookie: token)
            #expect(search.text.contains(#"class="org-results""#))
            #expect(search.text.contains("Весёловское с/п"))
            let children = try await page(app, "/organizations/\(app.fixture.district.id)/children", cookie: token)
            #expect(children.text.contains("Весёловское с/п"))
            #expect(!children.text.contains("<html"))
            let card = try await page(app, "/organizations/\(app.fixture.settlement.id)", cookie: token)
            #expect(card.text.contains("Администрация Весёловского сельского поселения"))
            #expect(card.text.contains("Сельская Тест Тестович"))
            let missing = try await page(app, "/organizations/\(UUID())", cookie: token)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Организация не найдена"))
        }
    }

    @Test("the profile issues and revokes tokens and changes the password")
    func profile() async throws {
        try await TestApp.run(.sqlite) { app in
            let token = try await app.signIn("minfin.clerk")
            let profile = try await page(app, "/profile", cookie: token)
            #expect(profile.text.contains("Мой профиль"))
            #expect(profile.text.contains("Делопроизводитель"))
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "oborot_session=\(token)"]
            let issued = try await app.client.execute(
                uri: "/profile/tokens", method: .post, headers: form, body: ByteBuffer(string: "name=%D0%9F%D0%BE%D1%80%D1%82%D0%B0%D0%BB"))
            #expect(issued.status == .ok)
            #expect(issued.text.contains("obt_"))
            let changed = try await app.client.execute(
                uri: "/profile/password", method: .post, headers: form,
                body: ByteBuffer(string: "currentPassword=wrong&newPassword=new-password-1"))
            #expect(changed.status == .unprocessableContent)
            #expect(changed.text.contains("Текущий пароль указан неверно."))
            let assets = try await app.client.execute(uri: "/static/oborot.css", method: .get)
            #expect(assets.status == .ok)
            #expect(assets.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test("the calendar page shows a year's days off and a deadline; the region's admin loads a year, errors shown by line")
    func calendarPage() async throws {
        try await TestApp.run(.sqlite) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let year = try await page(app, "/calendar?year=2026&from=2026-12-29&period=urgent", cookie: clerk)
            #expect(year.status == .ok)
            #expect(year.text.contains("09.01.2026 (пятница) — перенесённый выходной день"))
            #expect(year.text.contains("Постановление Правительства РФ от 24.09.2025 № 1466"))
            #expect(year.text.contains("«Срочно» — 3 календарных дня с 29.12.2026"))
            #expect(!year.text.contains("calendar-load-form"))
            let admin = try await app.signIn("region.admin")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "oborot_session=\(admin)"]
            let bad = try await app.client.execute(
                uri: "/calendar", method: .post, headers: form, body: ByteBuffer(string: "text=year%3A+2028%0Adays_off%3A+%5B2028-02-30%5D"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Строка 2: «2028-02-30» — не дата"))
            let text = "year: 2028\ndecree: тест\ndays_off: [2028-01-01, 2028-01-10]\n"
            let good = try await app.client.execute(
                uri: "/calendar", method: .post, headers: form,
                body: ByteBuffer(string: "text=" + text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
            #expect(good.status == .seeOther)
            let loaded = try await page(app, "/calendar?year=2028", cookie: admin)
            #expect(loaded.text.contains("10.01.2028 (понедельник)"))
            #expect(loaded.text.contains("загружен"))
        }
    }
}
