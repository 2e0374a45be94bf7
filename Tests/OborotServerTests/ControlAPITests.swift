import Foundation
import HTTPTypes
import Logging
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotStore
import SQLKit
import OborotDomain
import OborotServer
import OborotTestSupport
import Testing

@Suite("Контроль исполнения (API)")
struct ControlAPITests {
    /// Registers an incoming letter in the ministry and returns its id.
    static func registeredDocument(_ app: TestApp) async throws -> String {
        let clerk = try await app.signIn("minfin.clerk")
        let response = try await app.request(.post, "/api/v1/documents", token: clerk, json: DocumentAPITests.incoming(app))
        guard response.status == .created else { throw UnexpectedResponse(response) }
        return try response.json()["id"] as? String ?? ""
    }

    static func assignments(_ resolution: [String: Any]) -> [[String: Any]] {
        resolution["assignments"] as? [[String: Any]] ?? []
    }

    static func transition(
        _ app: TestApp, _ token: String, _ assignmentID: String, _ event: String, text: String? = nil
    ) async throws -> TestResponse {
        let body = text.map { #","text":"\#($0)""# } ?? ""
        return try await app.request(
            .post, "/api/v1/assignments/\(assignmentID)/transitions", token: token, json: #"{"event":"\#(event)"\#(body)}"#)
    }

    @Test("a governor's resolution → ministry → department → specialist's report → acceptance → removal from control",
          arguments: TestDatabaseKind.available)
    func governorsResolutionEndToEnd(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let documentID = try await Self.registeredDocument(app)
            let governor = try await app.signIn("governor")
            let minister = try await app.signIn("minister")
            let departmentHead = try await app.signIn("department.head")
            let economist = try await app.signIn("economist")

            // The governor puts it under his control with «оперативно» for the ministry.
            let issued = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: governor,
                json: #"{"text":"Рассмотреть и доложить","deadline":{"period":"operative"},"controlled":true,"controlCategory":"governor","executors":[{"organizationId":"\#(fixture.ministry.id)"}]}"#)
            #expect(issued.status == .created, "\(issued.text)")
            let resolution = try issued.json()
            let resolutionID = try #require(resolution["id"] as? String)
            #expect(resolution["state"] as? String == "active")
            #expect(resolution["controlCategoryName"] as? String == "Контроль Губернатора")
            #expect((resolution["controlOfficer"] as? [String: Any])?["userId"] as? String == fixture.governor.userID.uuidString.lowercased())
            let root = try #require(Self.assignments(resolution).first)
            let rootID = try #require(root["id"] as? String)
            #expect(root["responsible"] as? Bool == true)
            #expect(root["state"] as? String == "issued")
            #expect((root["deadlineExplanation"] as? String)?.hasPrefix("«Оперативно» — 10 календарных дней") == true)
            #expect((root["executor"] as? [String: Any])?["name"] as? String == "Минфин ТО")

            // The minister finds it in «На исполнение» and the counts agree.
            let inbox = try await app.request(.get, "/api/v1/assignments?inbox=todo", token: minister)
            #expect(inbox.status == .ok, "\(inbox.text)")
            let items = try inbox.json()["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["id"] as? String } == [rootID])
            #expect(items.first?["authorName"] as? String == "Губернаторов Т. Т.")
            let counts = try await app.request(.get, "/api/v1/assignments/counts", token: minister).json()
            #expect(counts["toDo"] as? Int == 1)
            #expect(try await app.request(.get, "/api/v1/assignments/counts", token: governor).json()["controlling"] as? Int == 1)
            // The document opened to the ministry's head through the resolution.
            #expect(try await app.request(.get, "/api/v1/documents/\(documentID)", token: minister).status == .ok)

            // Passing it down: only within the ministry, and not later than its own deadline.
            let outside = try await app.request(
                .post, "/api/v1/assignments/\(rootID)/sub-assignments", token: minister,
                json: #"{"text":"Подготовить","executors":[{"organizationId":"\#(fixture.otherDistrict.id)"}],"deadline":{"period":"5d"}}"#)
            #expect(outside.status == .unprocessableContent)
            #expect(outside.text.contains("outside_subtree"))
            let late = try await app.request(
                .post, "/api/v1/assignments/\(rootID)/sub-assignments", token: minister,
                json: #"{"text":"Подготовить","executors":[{"organizationId":"\#(fixture.department.id)"}],"deadline":{"period":"1m"}}"#)
            #expect(late.status == .unprocessableContent)
            #expect(late.text.contains("after_parent_deadline"))
            let notMine = try await app.request(
                .post, "/api/v1/assignments/\(rootID)/sub-assignments", token: economist,
                json: #"{"text":"Подготовить","executors":[{"organizationId":"\#(fixture.department.id)"}],"deadline":{"period":"5d"}}"#)
            #expect(notMine.status == .forbidden)

            let toDepartment = try await app.request(
                .post, "/api/v1/assignments/\(rootID)/sub-assignments", token: minister,
                json: #"{"text":"Подготовить справку","executors":[{"organizationId":"\#(fixture.department.id)"}],"deadline":{"period":"5d"}}"#)
            #expect(toDepartment.status == .created, "\(toDepartment.text)")
            var tree = Self.assignments(try toDepartment.json())
            #expect(tree.first { $0["id"] as? String == rootID }?["state"] as? String == "accepted")
            let departmentID = try #require(tree.first { $0["parentId"] as? String == rootID }?["id"] as? String)

            let toEconomist = try await app.request(
                .post, "/api/v1/assignments/\(departmentID)/sub-assignments", token: departmentHead,
                json: #"{"text":"Собрать данные","executors":[{"userId":"\#(fixture.economist.userID)"}],"deadline":{"period":"3d"}}"#)
            #expect(toEconomist.status == .created, "\(toEconomist.text)")
            tree = Self.assignments(try toEconomist.json())
            #expect(tree.count == 3)
            let economistID = try #require(tree.first { $0["parentId"] as? String == departmentID }?["id"] as? String)

            // The specialist reports; only the author or the control officer decides on it, and only once.
            #expect(try await Self.transition(app, economist, economistID, "accept").status == .ok)
            #expect(try await Self.transition(app, economist, economistID, "submit_report").status == .unprocessableContent)
            let reported = try await Self.transition(app, economist, economistID, "submit_report", text: "Данные собраны")
            #expect(reported.status == .ok, "\(reported.text)")
            #expect(try await Self.transition(app, economist, economistID, "accept_report").status == .forbidden)
            #expect(try await Self.transition(app, economist, economistID, "cancel").status == .forbidden)
            let accepted = try await Self.transition(app, departmentHead, economistID, "accept_report")
            #expect(accepted.status == .ok, "\(accepted.text)")
            let economistNode = Self.assignments(try accepted.json()).first { $0["id"] as? String == economistID }
            #expect(economistNode?["state"] as? String == "done")
            #expect((economistNode?["reports"] as? [[String: Any]])?.first?["decision"] as? String == "accepted")
            let twice = try await Self.transition(app, departmentHead, economistID, "accept_report")
            #expect(twice.status == .conflict)

            // The department reports up; the minister returns it once, then accepts.
            _ = try await Self.transition(app, departmentHead, departmentID, "submit_report", text: "Справка готова")
            #expect(try await Self.transition(app, minister, departmentID, "return_report").status == .unprocessableContent)
            let returned = try await Self.transition(app, minister, departmentID, "return_report", text: "Добавьте цифры")
            #expect(Self.assignments(try returned.json()).first { $0["id"] as? String == departmentID }?["state"] as? String == "returned")
            _ = try await Self.transition(app, departmentHead, departmentID, "submit_report", text: "Справка с цифрами")
            #expect(try await Self.transition(app, minister, departmentID, "accept_report").status == .ok)

            // Not yet: the ministry has not reported to the governor.
            let early = try await app.request(
                .post, "/api/v1/resolutions/\(resolutionID)/removal-from-control", token: governor, json: #"{"result":"Исполнено"}"#)
            #expect(early.status == .conflict)
            #expect(early.problemCode == "assignments_open")

            _ = try await Self.transition(app, minister, rootID, "submit_report", text: "Доклад направлен")
            #expect(try await Self.transition(app, governor, rootID, "accept_report").status == .ok)
            let removed = try await app.request(
                .post, "/api/v1/resolutions/\(resolutionID)/removal-from-control", token: governor,
                json: #"{"result":"Исполнено, доклад принят"}"#)
            #expect(removed.status == .ok, "\(removed.text)")
            #expect(try removed.json()["state"] as? String == "closed")
            #expect(try removed.json()["controlResult"] as? String == "Исполнено, доклад принят")
            #expect(try await app.request(.get, "/api/v1/assignments/counts", token: minister).json()["toDo"] as? Int == 0)

            // The document's card lists the resolution with its tree; the audit log has every step.
            let onDocument = try await app.request(.get, "/api/v1/documents/\(documentID)/resolutions", token: governor)
            #expect(Self.assignments(try onDocument.jsonArray().first ?? [:]).count == 3)
            #expect(try await app.count("audit_events") >= 12)
        }
    }

    @Test("an assistant's resolution is a draft until the head approves it in person", arguments: TestDatabaseKind.available)
    func assistantDraft(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let documentID = try await Self.registeredDocument(app)
            let assistant = try await app.signIn("assistant")
            let acting: HTTPFields = [.init("X-Acting-For")!: app.fixture.governor.userID.uuidString]
            let drafted = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: assistant,
                json: #"{"text":"Подготовить ответ","executors":[{"userId":"\#(app.fixture.minister.userID)"}]}"#,
                headers: acting)
            #expect(drafted.status == .created, "\(drafted.text)")
            let draft = try drafted.json()
            let id = try #require(draft["id"] as? String)
            #expect(draft["state"] as? String == "draft")
            #expect((draft["preparedBy"] as? [String: Any])?["name"] as? String == "Помощников Т. Т.")
            #expect(Self.assignments(draft).first?["state"] as? String == "draft")
            // Drafts reach nobody's inbox.
            let minister = try await app.signIn("minister")
            #expect(try await app.request(.get, "/api/v1/assignments/counts", token: minister).json()["toDo"] as? Int == 0)
            // The assistant cannot approve for the head.
            let byAssistant = try await app.request(.post, "/api/v1/resolutions/\(id)/approval", token: assistant, headers: acting)
            #expect(byAssistant.status == .forbidden)
            let governor = try await app.signIn("governor")
            let approved = try await app.request(.post, "/api/v1/resolutions/\(id)/approval", token: governor)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json()["state"] as? String == "active")
            #expect(Self.assignments(try approved.json()).first?["state"] as? String == "issued")
            #expect(try await app.request(.get, "/api/v1/assignments/counts", token: minister).json()["toDo"] as? Int == 1)
            #expect(try await app.request(.post, "/api/v1/resolutions/\(id)/approval", token: governor).status == .conflict)
        }
    }

    @Test("bad resolutions: 422 with the reasons, 403 for non-heads, and nothing stored", arguments: TestDatabaseKind.available)
    func badResolutions(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let documentID = try await Self.registeredDocument(app)
            let governor = try await app.signIn("governor")
            let ministry = app.fixture.ministry.id
            let cases: [(String, String)] = [
                (#"{"text":"x","deadline":{"date":"2020-01-10"},"executors":[{"organizationId":"\#(ministry)"}]}"#, "deadline_in_past"),
                (#"{"text":"x","deadline":{"date":"2099-01-10"},"executors":[{"organizationId":"\#(ministry)"}]}"#, "deadline_too_far"),
                (#"{"text":"x","deadline":{"period":"7x"},"executors":[{"organizationId":"\#(ministry)"}]}"#, "invalid_period"),
                (#"{"text":" ","executors":[]}"#, "required"),
                (#"{"text":"x","executors":[{"organizationId":"\#(ministry)"},{"organizationId":"\#(ministry)"}]}"#, "duplicate"),
                (#"{"text":"x","executors":[{"userId":"\#(UUID())"}]}"#, "unknown_executor"),
                (#"{"text":"x","executors":[{}]}"#, "executor_kind"),
            ]
            for (body, code) in cases {
                let response = try await app.request(.post, "/api/v1/documents/\(documentID)/resolutions", token: governor, json: body)
                #expect(response.status == .unprocessableContent, "\(body): \(response.text)")
                #expect(response.text.contains(code), "\(body): \(response.text)")
            }
            let clerk = try await app.signIn("minfin.clerk")
            let notHead = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: clerk,
                json: #"{"text":"x","executors":[{"organizationId":"\#(ministry)"}]}"#)
            #expect(notHead.status == .forbidden)
            let malformed = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: governor, json: #"{"text":"x","executors":"#)
            #expect(malformed.status == .badRequest)
            #expect(try await app.count("resolutions") == 0)
            #expect(try await app.count("assignments") == 0)
        }
    }

    @Test("the deadline calculator explains its answer; bad input is 422 in Russian", arguments: TestDatabaseKind.available)
    func deadlineCalculator(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.signIn("economist")
            let urgent = try await app.request(.get, "/api/v1/deadlines?from=2026-12-29&period=urgent", token: token)
            #expect(urgent.status == .ok, "\(urgent.text)")
            #expect(try urgent.json()["date"] as? String == "2026-12-30")
            #expect(try urgent.json()["nominalDate"] as? String == "2027-01-01")
            #expect((try urgent.json()["explanation"] as? String)?.contains("нерабочий праздничный день") == true)
            let forward = try await app.request(.get, "/api/v1/deadlines?from=2026-12-29&period=urgent&lastDay=next", token: token)
            #expect(try forward.json()["date"] as? String == "2027-01-11")
            let working = try await app.request(.get, "/api/v1/deadlines?from=2025-12-26&period=5wd", token: token)
            #expect(try working.json()["date"] as? String == "2026-01-14")
            let month = try await app.request(.get, "/api/v1/deadlines?from=2026-01-31", token: token)
            #expect(try month.json()["date"] as? String == "2026-02-27")
            for query in ["from=2026-02-30&period=1m", "from=2026-01-01&period=abc", "from=2026-01-01&lastDay=soon",
                "from=2026-01-01&period=1m&date=2026-02-01"]
            {
                let bad = try await app.request(.get, "/api/v1/deadlines?\(query)", token: token)
                #expect(bad.status == .unprocessableContent, "\(query): \(bad.text)")
                #expect(bad.text.contains("detail"))
            }
            #expect(try await app.request(.get, "/api/v1/deadlines?from=2026-01-01&period=1m").status == .unauthorized)
        }
    }

    @Test("the region's admin loads a calendar year; others may not; a bad file changes nothing", arguments: TestDatabaseKind.available)
    func loadingCalendar(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let admin = try await app.signIn("region.admin")
            let file = """
                year: 2028
                decree: Постановление Правительства РФ (тестовое)
                days_off: [2028-01-01, 2028-01-02, 2028-01-03, 2028-01-04, 2028-01-05, 2028-01-06, 2028-01-07, 2028-01-08,
                           2028-01-10, 2028-02-23, 2028-03-08, 2028-05-01, 2028-05-09, 2028-06-12, 2028-11-04]
                working_weekends: []
                shortened: []
                """
            var plain: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
            plain[.authorization] = "Bearer \(admin)"
            let ministryAdmin = try await app.signIn("minfin.admin")
            var other = plain
            other[.authorization] = "Bearer \(ministryAdmin)"
            #expect(try await app.client.execute(uri: "/api/v1/calendar", method: .put, headers: other, body: .init(string: file)).status == .forbidden)
            let broken = try await app.client.execute(
                uri: "/api/v1/calendar", method: .put, headers: plain, body: .init(string: "year: 2028\ndays_off: [2028-13-01]"))
            #expect(broken.status == .unprocessableContent)
            #expect(broken.text.contains("Строка 2"))
            #expect(try await app.count("calendar_years") == 0)
            let loaded = try await app.client.execute(uri: "/api/v1/calendar", method: .put, headers: plain, body: .init(string: file))
            #expect(loaded.status == .ok, "\(loaded.text)")
            let years = try loaded.json()["years"] as? [[String: Any]] ?? []
            #expect(years.map { $0["year"] as? Int } == [2025, 2026, 2027, 2028])
            #expect(years.last?["source"] as? String == "loaded")
            let year = try await app.request(.get, "/api/v1/calendar/2028", token: admin).json()
            #expect(year["confirmed"] as? Bool == true)
            #expect((year["daysOff"] as? [[String: Any]])?.contains { $0["date"] as? String == "2028-01-10" } == true)
            let deadline = try await app.request(.get, "/api/v1/deadlines?from=2028-01-07&period=3d", token: admin).json()
            // 10 January 2028 is off only by the loaded decree; back over the holidays and 31 December 2027.
            #expect(deadline["date"] as? String == "2027-12-30")
            #expect(deadline["calendarConfirmed"] as? Bool == true)
        }
    }

    @Test("the discipline report counts on time, late and overdue, rolls up the subtree, exports CSV and SVG",
          arguments: TestDatabaseKind.available)
    func disciplineReport(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let documentID = try await Self.registeredDocument(app)
            let governor = try await app.signIn("governor")
            let issued = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: governor,
                json: #"{"text":"Доложить","controlled":true,"controlCategory":"governor","executors":[{"userId":"\#(fixture.economist.userID)"},{"userId":"\#(fixture.specialist.userID)"},{"userId":"\#(fixture.minister.userID)"}]}"#)
            #expect(issued.status == .created, "\(issued.text)")
            let byExecutor = Dictionary(
                uniqueKeysWithValues: Self.assignments(try issued.json()).map {
                    (($0["executor"] as? [String: Any])?["userId"] as? String ?? "", $0["id"] as? String ?? "")
                })
            let ids = [fixture.economist, fixture.specialist, fixture.minister].map { byExecutor[$0.userID.uuidString.lowercased()] ?? "" }
            try #require(Set(ids).count == 3 && !ids.contains(""))
            for (login, id) in [("economist", ids[0]), ("minister", ids[2])] {
                let token = try await app.signIn(login)
                _ = try await Self.transition(app, token, id, "submit_report", text: "Сделано")
                #expect(try await Self.transition(app, governor, id, "accept_report").status == .ok)
            }
            // Time travel for the figures: the specialist's deadline has passed, the minister finished late.
            try await app.database.write { db in
                try await db.sql.raw("UPDATE assignments SET deadline = '2026-01-12' WHERE id = \(bind: ids[1])").run()
                try await db.sql.raw(
                    "UPDATE assignments SET deadline = '2026-01-12', completed_on = '2026-01-13' WHERE id = \(bind: ids[2])").run()
            }
            let response = try await app.request(.get, "/api/v1/reports/discipline", token: governor)
            #expect(response.status == .ok, "\(response.text)")
            let report = try response.json()
            #expect(report["organizationId"] as? String == fixture.government.id.uuidString.lowercased())
            let total = try #require(report["total"] as? [String: Any])
            #expect(total["issued"] as? Int == 3)
            #expect(total["doneOnTime"] as? Int == 1)
            #expect(total["doneLate"] as? Int == 1)
            #expect(total["overdueNow"] as? Int == 1)
            #expect(abs((total["onTimeShare"] as? Double ?? 0) - 1.0 / 3.0) < 1e-9)
            let rows = report["rows"] as? [[String: Any]] ?? []
            let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as? String ?? "", $0["counts"] as? [String: Any] ?? [:]) })
            #expect(byName["Минфин ТО"]?["issued"] as? Int == 2)  // the minister and the department's economist
            #expect(byName["Первомайский район"]?["overdueNow"] as? Int == 1)  // the settlement's specialist
            #expect(byName["Заречный район"]?["issued"] as? Int == 0)

            let people = try await app.request(.get, "/api/v1/reports/discipline?groupBy=person&category=governor", token: governor).json()
            #expect((people["rows"] as? [[String: Any]])?.count == 3)
            let other = try await app.request(.get, "/api/v1/reports/discipline?category=government", token: governor).json()
            #expect((other["total"] as? [String: Any])?["issued"] as? Int == 0)

            let csv = try await app.request(
                .get, "/api/v1/reports/discipline.csv", token: governor, headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            #expect(csv.text.hasPrefix("\u{FEFF}Организация;Выдано;"))
            #expect(csv.text.contains("Итого: Правительство ТО;3;1;1;1;0;33,3 %"))
            let svg = try await app.request(
                .get, "/api/v1/reports/discipline.svg", token: governor, headers: [.accept: "image/avif,image/webp,*/*"])
            #expect(svg.status == .ok)
            #expect(svg.text.hasPrefix("<svg"))
            #expect(svg.text.contains("нет данных"))

            let overdue = try await app.request(.get, "/api/v1/reports/discipline/assignments?outcome=overdue", token: governor)
            #expect(try overdue.jsonArray().map { $0["id"] as? String } == [ids[1]])
            #expect(try overdue.jsonArray().first?["overdue"] as? Bool == true)

            let economist = try await app.signIn("economist")
            #expect(try await app.request(.get, "/api/v1/reports/discipline", token: economist).status == .forbidden)
            let minister = try await app.signIn("minister")
            let outside = try await app.request(
                .get, "/api/v1/reports/discipline?organizationId=\(fixture.district.id)", token: minister)
            #expect(outside.status == .forbidden)
            let reversed = try await app.request(.get, "/api/v1/reports/discipline?from=2026-12-01&to=2026-01-01", token: governor)
            #expect(reversed.status == .unprocessableContent)
        }
    }

    @Test("extensions: co-executor → responsible executor → control officer → author, who alone sets the date; explanations",
          arguments: TestDatabaseKind.available)
    func extensionsAndExplanations(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let documentID = try await Self.registeredDocument(app)
            let governor = try await app.signIn("governor")
            let issued = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: governor,
                json: #"{"text":"Доложить","deadline":{"period":"10d"},"controlled":true,"controlOfficerId":"\#(fixture.departmentHead.userID)","executors":[{"userId":"\#(fixture.minister.userID)"},{"userId":"\#(fixture.economist.userID)"}]}"#)
            #expect(issued.status == .created, "\(issued.text)")
            let nodes = Self.assignments(try issued.json())
            let coExecutor = try #require(nodes.first { $0["responsible"] as? Bool == false })
            let id = try #require(coExecutor["id"] as? String)
            let deadline = try #require(coExecutor["deadline"] as? String)
            let later = CalendarDate(iso: deadline)!.adding(days: 7).iso
            let path = "/api/v1/assignments/\(id)/extensions"
            let economist = try await app.signIn("economist")
            let minister = try await app.signIn("minister")
            let controller = try await app.signIn("department.head")
            let specialist = try await app.signIn("specialist")

            #expect(try await app.request(.post, path, token: economist, json: #"{"date":"2020-01-01","reason":"x"}"#).problemCode == "validation_failed")
            let notLater = try await app.request(.post, path, token: economist, json: #"{"date":"\#(deadline)","reason":"Нужны данные"}"#)
            #expect(notLater.text.contains("not_later"))
            #expect(try await app.request(.post, path, token: specialist, json: #"{"date":"\#(later)","reason":"x"}"#).status == .forbidden)
            let asked = try await app.request(.post, path, token: economist, json: #"{"date":"\#(later)","reason":"Ждём данные Росстата"}"#)
            #expect(asked.status == .created, "\(asked.text)")
            func request(_ response: TestResponse) throws -> [String: Any] {
                let node = Self.assignments(try response.json()).first { $0["id"] as? String == id }
                return (node?["extensions"] as? [[String: Any]])?.last ?? [:]
            }
            #expect(try request(asked)["stage"] as? String == "responsible_executor")
            #expect(try request(asked)["number"] as? Int == 1)
            #expect(try await app.request(.post, path, token: economist, json: #"{"date":"\#(later)","reason":"ещё"}"#).problemCode == "extension_pending")

            let decide = "\(path)/decision"
            #expect(try await app.request(.post, decide, token: minister, json: #"{"decision":"approve"}"#).status == .forbidden)
            #expect(try await app.request(.post, decide, token: controller, json: #"{"decision":"forward"}"#).status == .forbidden)
            let toController = try await app.request(.post, decide, token: minister, json: #"{"decision":"forward"}"#)
            #expect(try request(toController)["stage"] as? String == "control_officer")
            #expect(try await app.request(.post, decide, token: controller, json: #"{"decision":"approve"}"#).status == .forbidden)
            let toAuthor = try await app.request(.post, decide, token: controller, json: #"{"decision":"forward","comment":"Согласен"}"#)
            #expect(try request(toAuthor)["stage"] as? String == "author")
            #expect(try await app.request(.post, decide, token: minister, json: #"{"decision":"forward"}"#).status == .forbidden)
            let approved = try await app.request(.post, decide, token: governor, json: #"{"decision":"approve"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try request(approved)["state"] as? String == "approved")
            let node = Self.assignments(try approved.json()).first { $0["id"] as? String == id } ?? [:]
            #expect(node["deadline"] as? String == later)
            #expect(node["initialDeadline"] as? String == deadline)
            let history = node["deadlineChanges"] as? [[String: Any]] ?? []
            #expect(history.map { $0["number"] as? Int } == [1])
            #expect(history.first?["oldDeadline"] as? String == deadline)
            #expect(try await app.request(.post, decide, token: governor, json: #"{"decision":"approve"}"#).problemCode == "no_pending_extension")

            // A second request, refused by the author: a reason is required.
            let again = CalendarDate(iso: later)!.adding(days: 3).iso
            _ = try await app.request(.post, path, token: economist, json: #"{"date":"\#(again)","reason":"Ещё неделя"}"#)
            #expect(try await app.request(.post, decide, token: governor, json: #"{"decision":"refuse"}"#).status == .unprocessableContent)
            let refused = try await app.request(.post, decide, token: governor, json: #"{"decision":"refuse","comment":"Срок не переносится"}"#)
            #expect(try request(refused)["state"] as? String == "refused")
            #expect(try request(refused)["number"] as? Int == 2)

            // Explanations: only for a missed deadline, asked by the author or the control officer, answered once.
            let explain = "/api/v1/assignments/\(id)/explanations"
            #expect(try await app.request(.post, explain, token: governor, json: "{}").problemCode == "not_overdue")
            try await app.database.write { db in
                try await db.sql.raw("UPDATE assignments SET deadline = '2026-01-12' WHERE id = \(bind: id)").run()
            }
            #expect(try await app.request(.post, explain, token: economist, json: "{}").status == .forbidden)
            let asking = try await app.request(.post, explain, token: controller, json: "{}")
            #expect(asking.status == .created, "\(asking.text)")
            #expect(try await app.request(.post, "\(explain)/answer", token: economist, json: #"{"text":" "}"#).status == .unprocessableContent)
            let answered = try await app.request(.post, "\(explain)/answer", token: economist, json: #"{"text":"Данные поступили поздно"}"#)
            #expect(answered.status == .ok, "\(answered.text)")
            let explanation = (Self.assignments(try answered.json()).first { $0["id"] as? String == id }?["explanations"] as? [[String: Any]])?.first
            #expect(explanation?["answer"] as? String == "Данные поступили поздно")
            #expect((explanation?["question"] as? String)?.contains("нарушен") == true)
            #expect(try await app.request(.post, "\(explain)/answer", token: economist, json: #"{"text":"ещё"}"#).problemCode == "no_explanation_request")
        }
    }

    @Test("notifications: new assignments and reports reach people; reminders are written once however many jobs run",
          arguments: TestDatabaseKind.available)
    func notificationsAndReminders(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let documentID = try await Self.registeredDocument(app)
            let governor = try await app.signIn("governor")
            let issued = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: governor,
                json: #"{"text":"Подготовить справку","executors":[{"userId":"\#(fixture.economist.userID)"},{"organizationId":"\#(fixture.ministry.id)"}]}"#)
            #expect(issued.status == .created, "\(issued.text)")
            // The economist's first, then the ministry's (the list is in issue order, ties broken by id).
            let ids = Self.assignments(try issued.json()).sorted { first, _ in
                (first["executor"] as? [String: Any])?["kind"] as? String == "person"
            }.compactMap { $0["id"] as? String }
            let economist = try await app.signIn("economist")
            let minister = try await app.signIn("minister")
            var feed = try await app.request(.get, "/api/v1/notifications", token: economist).json()
            #expect(feed["unread"] as? Int == 1)
            #expect(((feed["items"] as? [[String: Any]])?.first?["text"] as? String)?.hasPrefix("Вам поручено") == true)
            #expect(try await app.request(.get, "/api/v1/notifications", token: minister).json()["unread"] as? Int == 1)

            // The economist's deadline is in 3 days, the ministry's has passed.
            let today = CalendarDate(iso: "2026-06-01")!
            try await app.database.write { db in
                try await db.sql.raw("UPDATE assignments SET deadline = '2026-06-04' WHERE id = \(bind: ids[0])").run()
                try await db.sql.raw("UPDATE assignments SET deadline = '2026-05-29' WHERE id = \(bind: ids[1])").run()
            }
            let job = ReminderJob(database: app.database, logger: Logger(label: "test"), timeZone: TimeZone(identifier: "Europe/Moscow")!)
            async let first = job.runOnce(today: today)
            async let second = job.runOnce(today: today)
            let written = try await first.written + second.written
            #expect(written == 2)
            #expect(try await job.runOnce(today: today).written == 0)
            feed = try await app.request(.get, "/api/v1/notifications?unread=true", token: economist).json()
            let texts = (feed["items"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts.contains { $0.hasPrefix("Через 3 дня истекает срок поручения 04.06.2026: Подготовить справку") })
            let ministerFeed = try await app.request(.get, "/api/v1/notifications", token: minister).json()
            #expect((ministerFeed["items"] as? [[String: Any]])?.contains { $0["kind"] as? String == "overdue" } == true)

            // A report reaches the control officer (the author here); reading marks it.
            _ = try await Self.transition(app, economist, ids[0], "submit_report", text: "Готово")
            feed = try await app.request(.get, "/api/v1/notifications?unread=true", token: governor).json()
            #expect((feed["items"] as? [[String: Any]])?.first?["kind"] as? String == "report_submitted")
            let read = try await app.request(.post, "/api/v1/notifications/read", token: governor, json: "{}")
            #expect(try read.json()["unread"] as? Int == 0)
            // Nobody reads another person's feed: the feed is always the caller's own.
            #expect(try await app.request(.get, "/api/v1/notifications?unread=true", token: economist).json()["unread"] as? Int == 2)
        }
    }

    @Test("a report carries files the executor added to the document; others may not add files; strangers' ids are refused",
          arguments: TestDatabaseKind.available)
    func reportFiles(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let documentID = try await Self.registeredDocument(app)
            let governor = try await app.signIn("governor")
            let issued = try await app.request(
                .post, "/api/v1/documents/\(documentID)/resolutions", token: governor,
                json: #"{"text":"Подготовить таблицу","executors":[{"userId":"\#(app.fixture.economist.userID)"}]}"#)
            let assignmentID = try #require(Self.assignments(try issued.json()).first?["id"] as? String)
            let economist = try await app.signIn("economist")
            let specialist = try await app.signIn("specialist")
            func upload(_ token: String) async throws -> TestResponse {
                try await app.client.execute(
                    uri: "/api/v1/documents/\(documentID)/files?name=table.pdf", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/octet-stream"],
                    body: ByteBuffer(bytes: FileAPITests.pdf))
            }
            // Someone with no assignment on the document cannot add files to it (it is not even visible to them).
            #expect(try await upload(specialist).status == .notFound)
            let uploaded = try await upload(economist)
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let attachmentID = try #require(try uploaded.json()["attachmentId"] as? String)
            let stranger = UUID().uuidString
            let bad = try await app.request(
                .post, "/api/v1/assignments/\(assignmentID)/transitions", token: economist,
                json: #"{"event":"submit_report","text":"Готово","attachmentIds":["\#(stranger)"]}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("unknown_file"))
            let reported = try await app.request(
                .post, "/api/v1/assignments/\(assignmentID)/transitions", token: economist,
                json: #"{"event":"submit_report","text":"Таблица во вложении","attachmentIds":["\#(attachmentID)"]}"#)
            #expect(reported.status == .ok, "\(reported.text)")
            let report = (Self.assignments(try reported.json()).first?["reports"] as? [[String: Any]])?.first
            #expect((report?["files"] as? [[String: Any]])?.first?["name"] as? String == "table.pdf")
            // Once the work is closed the executor adds nothing more.
            _ = try await Self.transition(app, governor, assignmentID, "accept_report")
            #expect(try await upload(economist).status == .forbidden)
        }
    }
}
