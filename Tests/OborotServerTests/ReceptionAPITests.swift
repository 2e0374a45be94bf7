import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import Testing

@Suite("Личный приём граждан (ст. 13 59-ФЗ): график, запись, карточка приёма")
struct ReceptionAPITests {
    static let visitor = #"{"surname":"Петров","name":"Пётр","patronymic":"Петрович","phone":"+7 (863) 240-12-34","postalAddress":"г. Ростов-на-Дону, ул. Садовая, д. 1"}"#

    @Test("the minister's schedule, free and held-back slots, a booking and its conflicts, a visitor received from a booking with an oral answer, a walk-in answered in writing as a registered appeal, every refusal with its reason",
          arguments: TestDatabaseKind.available)
    func schedulesBookingsCards(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let admin = try await app.signIn("region.admin")
            let clerk = try await app.signIn("minfin.clerk")
            let stranger = try await app.signIn("district.admin")
            #expect(try await app.client.execute(
                uri: "/api/v1/appeal-topics", method: .post, headers: [.contentType: "text/csv", .authorization: "Bearer \(admin)"],
                body: .init(string: AppealAPITests.topics)).status == .ok)
            let today = CalendarDate(Date(), in: TimeZone(identifier: "Europe/Moscow")!)

            // A schedule with every problem at once; another body's employee may not keep ours.
            let bad = try await app.request(
                .post, "/api/v1/reception-schedules", token: clerk,
                json: #"{"organizationId":"\#(fixture.ministry.id)","officialEmployeeId":"\#(fixture.minister.employeeID)","officialPosition":"Министр","place":"","weekdays":[],"start":"12:00","end":"10:00","validFrom":"\#(today.iso)"}"#)
            #expect(bad.status == .unprocessableContent)
            let badFields = Set((try bad.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(badFields.isSuperset(of: ["place", "end", "weekdays"]), "\(badFields)")
            #expect(try await app.count("reception_schedules") == 0)
            let body = #"{"organizationId":"\#(fixture.ministry.id)","officialEmployeeId":"\#(fixture.minister.employeeID)","officialPosition":"Министр финансов","place":"ул. Кировская, д. 1, каб. 101","weekdays":[1,2,3,4,5],"start":"10:00","end":"11:00","slotMinutes":15,"heldBackSlots":1,"validFrom":"\#(today.iso)"}"#
            #expect(try await app.request(.post, "/api/v1/reception-schedules", token: stranger, json: body).status == .forbidden)
            let created = try await app.request(.post, "/api/v1/reception-schedules", token: clerk, json: body)
            guard created.status == .created else { throw UnexpectedResponse(created) }
            let schedule = try created.json()
            let scheduleID = schedule["id"] as? String ?? ""
            #expect(schedule["description"] as? String == "по понедельникам, вторникам, средам, четвергам и пятницам, 10:00–11:00")
            #expect((try await app.request(.get, "/api/v1/reception-schedules?organizationId=\(fixture.ministry.id)", token: clerk).json()["items"] as? [[String: Any]])?.count == 1)

            // Slots of the next two weeks: the held-back last one of each day only for a priority visitor.
            let to = today.adding(days: 14)
            func slots(priority: Bool) async throws -> [[String: Any]] {
                try await app.request(.get, "/api/v1/reception-schedules/\(scheduleID)/slots?from=\(today.iso)&to=\(to.iso)&priority=\(priority)", token: clerk)
                    .json()["items"] as? [[String: Any]] ?? []
            }
            let open = try await slots(priority: false)
            let all = try await slots(priority: true)
            #expect(!open.isEmpty)
            #expect(open.allSatisfy { $0["heldBack"] as? Bool == false && $0["start"] as? String != "10:45" })
            #expect(all.contains { $0["heldBack"] as? Bool == true && $0["start"] as? String == "10:45" })
            let day = open.map { $0["date"] as? String ?? "" }.first { $0 > today.iso } ?? ""

            // A booking; the same slot again, the same visitor twice that day, a held-back slot: each refused.
            func book(_ start: String, visitor: String = Self.visitor, priority: String? = nil) async throws -> TestResponse {
                let priorityJSON = priority.map { #","priority":"\#($0)""# } ?? ""
                return try await app.request(
                    .post, "/api/v1/reception-bookings", token: clerk,
                    json: #"{"scheduleId":"\#(scheduleID)","date":"\#(day)","start":"\#(start)","visitor":\#(visitor),"question":"Ремонт дороги у дома"\#(priorityJSON)}"#)
            }
            let booked = try await book("10:00")
            #expect(booked.status == .created, "\(booked.text)")
            let booking = try booked.json()
            #expect(booking["state"] as? String == "booked")
            let other = #"{"surname":"Сидорова","name":"Анна","email":"sidorova@example.ru"}"#
            #expect(try await book("10:00", visitor: other).problemCode == "reception_slot_taken")
            #expect(try await book("10:15").problemCode == "reception_visitor_already_booked")
            #expect(try await book("10:45", visitor: other).problemCode == "reception_slot_held_back")
            #expect(try await book("10:45", visitor: other, priority: "disabledGroupOneOrTwo").status == .created)
            #expect(try await book("10:20", visitor: other).problemCode == "reception_slot_unknown")
            let bookingID = booking["id"] as? String ?? ""
            #expect(try await app.request(.post, "/api/v1/reception-bookings/\(bookingID)/events", token: clerk, json: #"{"event":"markNoShow"}"#)
                .problemCode == "reception_too_early")
            let listed = try await app.request(.get, "/api/v1/reception-bookings?organizationId=\(fixture.ministry.id)&from=\(today.iso)&to=\(to.iso)", token: clerk)
            #expect((try listed.json()["items"] as? [[String: Any]])?.count == 2)

            // Received today from a booking of today (placed through the store: the API books only ahead): an oral
            // answer needs the visitor's consent and the answer; then the booking is «Принят».
            let todays = ReceptionBooking(
                id: UUID(), scheduleID: try #require(UUID(uuidString: scheduleID)), date: today, startMinute: 600,
                visitor: Applicant(surname: "Иванова", name: "Мария", phone: "8 863 111-22-33"), question: "Пособие на ребёнка")
            try await app.database.write { db in
                try await ReceptionRepository(db).insert(
                    todays, slot: ReceptionSlot(scheduleID: todays.scheduleID, date: today, startMinute: 600, endMinute: 615, heldBack: false),
                    createdBy: fixture.clerk.userID)
            }
            let oral = #"{"scheduleId":"\#(scheduleID)","bookingId":"\#(todays.id.lowercasedString)","visitor":{"surname":"Иванова","name":"Мария","phone":"8 863 111-22-33"},"substance":"О порядке получения пособия","questions":[{"topicCode":"\#(AppealAPITests.roads)"}],"outcome":"oralAnswer""#
            let noConsent = try await app.request(.post, "/api/v1/reception-cards", token: clerk, json: oral + "}")
            #expect(noConsent.status == .unprocessableContent)
            let noConsentFields = Set((try noConsent.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(noConsentFields.isSuperset(of: ["oralAnswerConsent", "outcomeDetail"]), "\(noConsentFields)")
            let answered = try await app.request(
                .post, "/api/v1/reception-cards", token: clerk, json: oral + #","oralAnswerConsent":true,"outcomeDetail":"Разъяснён порядок: заявление через МФЦ"}"#)
            #expect(answered.status == .created, "\(answered.text)")
            #expect(try answered.json()["appealDocumentId"] == nil || (try answered.json()["appealDocumentId"] is NSNull))
            let afterCard = try await app.request(.get, "/api/v1/reception-bookings?organizationId=\(fixture.ministry.id)&from=\(today.iso)&to=\(today.iso)", token: clerk)
            #expect((try afterCard.json()["items"] as? [[String: Any]])?.first?["state"] as? String == "attended")

            // A walk-in answered in writing: no journal → 422; with the «-ОГ» journal the appeal is registered at once,
            // channel «Личный приём», the visitor its applicant.
            let written = #"{"scheduleId":"\#(scheduleID)","visitor":\#(Self.visitor),"type":"complaint","substance":"Жалоба на состояние дороги у школы","questions":[{"topicCode":"\#(AppealAPITests.roads)","text":"Ямы"}],"outcome":"writtenAnswer""#
            let noJournal = try await app.request(.post, "/api/v1/reception-cards", token: clerk, json: written + "}")
            #expect(noJournal.status == .unprocessableContent)
            #expect(noJournal.text.contains("registerInJournalId"))
            let registered = try await app.request(
                .post, "/api/v1/reception-cards", token: clerk, json: written + #","registerInJournalId":"\#(fixture.journal(for: .appeal).id)"}"#)
            #expect(registered.status == .created, "\(registered.text)")
            let appealID = try registered.json()["appealDocumentId"] as? String ?? ""
            let appeal = try await app.request(.get, "/api/v1/appeals/\(appealID)", token: clerk).json()
            #expect(appeal["channel"] as? String == "personalReception")
            #expect((appeal["number"] as? String)?.hasSuffix("-ОГ") == true)
            #expect((appeal["applicants"] as? [[String: Any]])?.first?["displayName"] as? String == "Петров Пётр Петрович")
            #expect(appeal["currentDeadline"] as? String != nil)

            // Referred elsewhere needs to say where; the cards of today are the two received.
            let redirected = try await app.request(
                .post, "/api/v1/reception-cards", token: clerk,
                json: #"{"scheduleId":"\#(scheduleID)","visitor":{"surname":"Кузнецов","name":"Иван"},"substance":"О пенсии","questions":[{"topicCode":"\#(AppealAPITests.roads)"}],"outcome":"redirected"}"#)
            #expect(redirected.status == .unprocessableContent)
            #expect(redirected.text.contains("outcomeDetail"))
            let cards = try await app.request(.get, "/api/v1/reception-cards?organizationId=\(fixture.ministry.id)&from=\(today.iso)&to=\(today.iso)", token: clerk)
            #expect((try cards.json()["items"] as? [[String: Any]])?.compactMap { $0["outcome"] as? String }.sorted() == ["oralAnswer", "writtenAnswer"])
            #expect(try await app.request(.get, "/api/v1/reception-cards?organizationId=\(fixture.ministry.id)&from=\(today.iso)&to=\(today.iso)", token: stranger).status == .forbidden)

            // The appeals report counts the reception too: two visitors, one oral answer, one registered for a written one.
            let report = try await app.request(.get, "/api/v1/appeal-reports/statistics?organizationId=\(fixture.ministry.id)&from=\(today.iso)&to=\(today.iso)", token: clerk)
            let rows = try report.json()["rows"] as? [[String: Any]] ?? []
            func value(_ group: String, _ label: String) -> Int? {
                rows.first { $0["group"] as? String == group && $0["label"] as? String == label }?["value"] as? Int
            }
            #expect(value("Личный приём", "Принято граждан на личном приёме") == 2)
            #expect(value("Личный приём", "в т. ч. без предварительной записи") == 1)
            #expect(value("Итого", "Поступило обращений") == 1, "the written answer's appeal")
        }
    }
}
