import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import Testing

/// The reception schedule form on «Личный приём»: shown to those who manage the reception, refused with every problem
/// in Russian and the typed values kept, a schedule once right; the API reads what the page created.
@Suite("Личный приём: график приёма на странице")
struct ReceptionWebTests {
    static func post(_ app: TestApp, _ fields: [(String, String)], cookie: String) async throws -> TestResponse {
        try await app.client.execute(
            uri: "/reception/schedules", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "oborot_session=\(cookie)", .accept: "text/html"],
            body: ByteBuffer(string: URLQuery.encode(fields)))
    }

    @Test("a registrar sets up the minister's schedule through the page; a wrong one is refused with its problems and what was typed", arguments: TestDatabaseKind.available)
    func scheduleForm(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let clerk = try await app.signIn("minfin.clerk")
            let page = try await app.client.execute(
                uri: "/reception?organizationId=\(fixture.ministry.id.lowercasedString)", method: .get,
                headers: [.cookie: "oborot_session=\(clerk)", .accept: "text/html"], body: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"schedule-form\""))
            let today = CalendarDate(Date(), in: TimeZone(identifier: "Europe/Moscow")!)
            var fields: [(String, String)] = [
                ("organizationId", fixture.ministry.id.lowercasedString), ("officialEmployeeId", fixture.minister.employeeID.lowercasedString),
                ("officialPosition", "Министр финансов"), ("place", "ул. Кировская, д. 1, каб. 101"), ("week", ""),
                ("start", "12:00"), ("end", "10:00"), ("slotMinutes", "15"), ("heldBackSlots", "1"), ("validFrom", today.iso),
            ]
            let bad = try await Self.post(app, fields, cookie: clerk)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("id=\"reception-error\""))
            #expect(bad.text.contains("ул. Кировская, д. 1, каб. 101"))
            #expect(try await app.count("reception_schedules") == 0)
            // Once a month needs exactly one weekday.
            let monthly = try await Self.post(app, fields.map { $0.0 == "week" ? ("week", "first") : $0 } + [("weekday2", "on"), ("weekday4", "on")], cookie: clerk)
            #expect(monthly.status == .unprocessableContent)
            #expect(monthly.text.contains("ровно один день недели"))

            fields = fields.map { $0.0 == "start" ? ("start", "10:00") : $0.0 == "end" ? ("end", "11:00") : $0 }
            let created = try await Self.post(app, fields.map { $0.0 == "week" ? ("week", "first") : $0 } + [("weekday2", "on")], cookie: clerk)
            #expect(created.status == .seeOther, "\(created.text)")
            #expect(created.headers[.location]?.contains("scheduled=1") == true)
            let schedules = try await app.request(.get, "/api/v1/reception-schedules?organizationId=\(fixture.ministry.id)", token: clerk).json()["items"] as? [[String: Any]] ?? []
            #expect(schedules.count == 1)
            #expect((schedules.first?["description"] as? String)?.contains("вторник") == true, "\(schedules)")
            #expect(schedules.first?["heldBackSlots"] as? Int == 1)

            // Someone without a reception role sees no form and cannot post one.
            let stranger = try await app.signIn("district.admin")
            let refused = try await Self.post(app, fields + [("weekday1", "on")], cookie: stranger)
            #expect(refused.status == .forbidden || refused.status == .unprocessableContent, "\(refused.status)")
            #expect(try await app.count("reception_schedules") == 1)
        }
    }
}
