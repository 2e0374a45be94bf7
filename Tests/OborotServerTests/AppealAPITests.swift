import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import Testing

@Suite("Обращения граждан по 59-ФЗ (API)")
struct AppealAPITests {
    static let topics = """
        code,name,obsolete
        0003,Экономика,0
        0003.0009,Хозяйственная деятельность,0
        0003.0009.0099,Транспорт,0
        0003.0009.0099.0742,Эксплуатация и сохранность автомобильных дорог,0
        0003.0009.0099.0733,"Транспортное обслуживание населения, пассажирские перевозки",0
        0005,Жилищно-коммунальная сфера,0
        0005.0005,Жилище,0
        0005.0005.0056,Коммунальное хозяйство,0
        0005.0005.0056.1174,Нормативы потребления коммунальных услуг,1
        0005.0005.0056.1160,Обращение с твердыми коммунальными отходами,0
        """

    static let roads = "0003.0009.0099.0742"
    static let waste = "0005.0005.0056.1160"

    static func body(
        _ app: TestApp, title: String = "О ремонте дороги по ул. Садовой", applicants: String? = nil, questions: String? = nil,
        register: Bool = true
    ) -> String {
        let applicantsJSON = applicants ?? #"[{"surname":"Петров","name":"Пётр","patronymic":"Петрович","postalAddress":"г. Ростов-на-Дону, ул. Садовая, д. 1, кв. 2","email":"petrov@example.ru","phone":"+7 (863) 240-12-34"}]"#
        let questionsJSON = questions ?? #"[{"topicCode":"\#(roads)","text":"Ямы на дороге"},{"topicCode":"\#(waste)","text":"Не вывозят мусор"}]"#
        let journal = register ? #","registerInJournalId":"\#(app.fixture.journal(for: .appeal).id)""# : ""
        return #"{"organizationId":"\#(app.fixture.ministry.id)","title":"\#(title)","pages":1,"type":"complaint","channel":"post","receivedOn":"2026-11-30","applicants":\#(applicantsJSON),"questions":\#(questionsJSON)\#(journal)}"#
    }

    @Test("an appeal from intake to results: the classifier, every problem at once, registration with the term, masking, results, the one extension, forwarding inside the region, repeats, special cases, the report and the ССТУ file",
          arguments: TestDatabaseKind.available)
    func lifecycle(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            try await DeliveryAPITests.prepareRecipients(app)
            try await app.database.write { db in
                try await RoleGrantRepository(db).insert([
                    RoleGrant(id: UUID(), userID: fixture.economist.userID, organizationID: fixture.ministry.id, organizationPath: fixture.ministry.path, role: .analyst)
                ])
            }
            let admin = try await app.signIn("region.admin")
            let clerk = try await app.signIn("minfin.clerk")
            let minister = try await app.signIn("minister")
            let analyst = try await app.signIn("economist")
            let district = try await app.signIn("district.admin")
            let stranger = try await app.signIn("specialist")

            // The classifier: an admin loads it; a clerk may not; a bad file changes nothing.
            let csvHeaders: HTTPFields = [.contentType: "text/csv"]
            #expect(try await app.client.execute(uri: "/api/v1/appeal-topics", method: .post, headers: csvHeaders.withBearer(clerk), body: .init(string: Self.topics)).status == .forbidden)
            let broken = try await app.client.execute(
                uri: "/api/v1/appeal-topics", method: .post, headers: csvHeaders.withBearer(admin), body: .init(string: "code,name\n0003.9,Плохой код\n"))
            #expect(broken.status == .unprocessableContent)
            #expect(broken.problemCode == "classifier_invalid")
            #expect(try await app.count("appeal_topics") == 0)
            let loaded = try await app.client.execute(uri: "/api/v1/appeal-topics", method: .post, headers: csvHeaders.withBearer(admin), body: .init(string: Self.topics))
            #expect(loaded.status == .ok)
            #expect(try loaded.json()["added"] as? Int == 10)
            let search = try await app.request(.get, "/api/v1/appeal-topics?q=дорог", token: clerk)
            #expect((try search.json()["items"] as? [[String: Any]])?.map { $0["code"] as? String } == [Self.roads])

            // Every problem of the card and the appeal at once; nothing stored.
            let bad = try await app.request(
                .post, "/api/v1/appeals", token: clerk,
                json: Self.body(app, title: "", questions: #"[{"topicCode":"0003.0009"},{"topicCode":"0005.0005.0056.1174"},{"topicCode":"12"}]"#))
            #expect(bad.status == .unprocessableContent)
            let fields = Set(((try bad.json()["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields.isSuperset(of: ["title", "questions[0].topicCode", "questions[1].topicCode", "questions[2].topicCode"]))
            #expect(try await app.count("appeals") == 0)
            #expect(try await app.count("documents") == 0)

            // Registered at once: «-ОГ» number, the term from the registration date, questions in work.
            let created = try await app.request(.post, "/api/v1/appeals", token: clerk, json: Self.body(app))
            guard created.status == .created else { throw UnexpectedResponse(created) }
            let appeal = try created.json()
            let id = appeal["documentId"] as? String ?? ""
            #expect((appeal["number"] as? String)?.hasSuffix("-ОГ") == true)
            let registeredOn = CalendarDate(iso: appeal["registeredOn"] as? String ?? "")!
            let expected = AppealDeadlines.answer(registeredOn: registeredOn, migrationMatterToHead: false, lastDay: .previous, calendar: try WorkCalendar.shipped())
            #expect(appeal["initialDeadline"] as? String == expected.date.iso)
            #expect(registeredOn.days(until: expected.date) >= 28)
            #expect((appeal["deadlineExplanation"] as? String)?.contains("ст. 12 ч. 1 59-ФЗ") == true)
            let questions = appeal["questions"] as? [[String: Any]] ?? []
            #expect(questions.map { $0["status"] as? String } == ["inWork", "inWork"])
            #expect(questions.first?["topicName"] as? String == "Эксплуатация и сохранность автомобильных дорог")
            #expect(appeal["standing"] as? String == "inWork")

            // Personal data: the clerk sees it (and the view is audited); an analyst of the body sees it masked; a
            // stranger does not see the appeal at all.
            let full = try await app.request(.get, "/api/v1/appeals/\(id)", token: clerk).json()
            let fullApplicant = (full["applicants"] as? [[String: Any]])?.first ?? [:]
            #expect(fullApplicant["email"] as? String == "petrov@example.ru")
            let masked = try await app.request(.get, "/api/v1/appeals/\(id)", token: analyst).json()
            let maskedApplicant = (masked["applicants"] as? [[String: Any]])?.first ?? [:]
            #expect(masked["personalDataShown"] as? Bool == false)
            #expect(maskedApplicant["postalAddress"] as? String == "скрыт")
            #expect(maskedApplicant["email"] as? String == "p***@example.ru")
            #expect(maskedApplicant["phone"] as? String == "*** **-34")
            #expect(maskedApplicant["displayName"] as? String == "Петров Пётр Петрович")
            #expect(try await app.request(.get, "/api/v1/appeals/\(id)", token: stranger).status == .notFound)
            let audited = try await app.database.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'appeal.personal_data_view'").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            #expect(audited == 1)

            // Results per question.
            let q1 = questions[0]["id"] as? String ?? ""
            let q2 = questions[1]["id"] as? String ?? ""
            #expect(try await app.request(.post, "/api/v1/appeals/\(id)/questions/\(q1)/result", token: analyst, json: #"{"result":"explained"}"#).status == .forbidden)
            let measuresWrong = try await app.request(.post, "/api/v1/appeals/\(id)/questions/\(q1)/result", token: clerk, json: #"{"result":"explained","measuresTaken":true}"#)
            #expect(measuresWrong.problemCode == "measures_only_when_supported")
            let notResult = try await app.request(.post, "/api/v1/appeals/\(id)/questions/\(q1)/result", token: clerk, json: #"{"result":"transferred"}"#)
            #expect(notResult.problemCode == "not_a_result")
            let explained = try await app.request(.post, "/api/v1/appeals/\(id)/questions/\(q1)/result", token: clerk, json: #"{"result":"supported","measuresTaken":true,"version":1}"#)
            #expect(explained.status == .ok)
            let stale = try await app.request(.post, "/api/v1/appeals/\(id)/questions/\(q2)/result", token: clerk, json: #"{"result":"explained","version":1}"#)
            #expect(stale.problemCode == "stale_version")
            let again = try await app.request(.post, "/api/v1/appeals/\(id)/questions/\(q1)/result", token: clerk, json: #"{"result":"explained"}"#)
            #expect(again.problemCode == "question_already_resolved")

            // The one extension: by the head only, at most 30 days, with a reason; a notice to the applicant.
            #expect(try await app.request(.post, "/api/v1/appeals/\(id)/extend", token: clerk, json: #"{"days":10,"reason":"Запрос в МВД"}"#).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/appeals/\(id)/extend", token: minister, json: #"{"days":31,"reason":"Запрос в МВД"}"#).problemCode == "extension_days")
            #expect(try await app.request(.post, "/api/v1/appeals/\(id)/extend", token: minister, json: #"{"days":10}"#).problemCode == "extension_reason_required")
            let extended = try await app.request(.post, "/api/v1/appeals/\(id)/extend", token: minister, json: #"{"days":10,"reason":"Направлен запрос в МВД"}"#)
            guard extended.status == .ok else { throw UnexpectedResponse(extended) }
            let extendedJSON = try extended.json()
            #expect(extendedJSON["initialDeadline"] as? String == expected.date.iso)
            let rows = extendedJSON["extensions"] as? [[String: Any]] ?? []
            #expect(rows.count == 1)
            #expect(rows.first?["previousDeadline"] as? String == expected.date.iso)
            #expect(extendedJSON["currentDeadline"] as? String == rows.first?["newDeadline"] as? String)
            #expect(extendedJSON["standing"] as? String == "extended")
            let noticeID = rows.first?["noticeDocumentId"] as? String ?? ""
            let notice = try await app.request(.get, "/api/v1/documents/\(noticeID)", token: clerk)
            #expect(notice.status == .ok)
            #expect((try notice.json()["title"] as? String)?.hasPrefix("Уведомление о продлении срока") == true)
            #expect(try await app.request(.post, "/api/v1/appeals/\(id)/extend", token: minister, json: #"{"days":5,"reason":"Ещё"}"#).problemCode == "already_extended")

            // Forwarding the open question to a district: it arrives there as an appeal ready for registration.
            let forwarded = try await app.request(.post, "/api/v1/appeals/\(id)/forward", token: clerk, json: #"{"organizationId":"\#(fixture.district.id)"}"#)
            guard forwarded.status == .ok else { throw UnexpectedResponse(forwarded) }
            let forwardedJSON = try forwarded.json()
            #expect((forwardedJSON["questions"] as? [[String: Any]])?.map { $0["status"] as? String } == ["supported", "transferred"])
            #expect(forwardedJSON["standing"] as? String == "closed")
            let theirs = try await app.request(.get, "/api/v1/appeals", token: district).json()["items"] as? [[String: Any]] ?? []
            #expect(theirs.count == 1)
            let theirID = theirs.first?["documentId"] as? String ?? ""
            let their = try await app.request(.get, "/api/v1/appeals/\(theirID)", token: district).json()
            #expect(their["channel"] as? String == "forwarded")
            #expect((their["forwardedFrom"] as? [String: Any])?["number"] as? String == appeal["number"] as? String)
            #expect((their["questions"] as? [[String: Any]])?.map { $0["topicCode"] as? String } == [Self.waste])
            #expect((their["applicants"] as? [[String: Any]])?.first?["email"] as? String == "petrov@example.ru")

            // A repeated appeal of the same applicant (ё written as е, another spelling of the address) is proposed.
            let repeatBody = Self.body(
                app, title: "Повторно о дороге",
                applicants: #"[{"surname":"ПЕТРОВ","name":"Петр","patronymic":"Петрович","postalAddress":"Ростов-на-Дону, улица Садовая, дом 1, квартира 2"}]"#,
                questions: #"[{"topicCode":"\#(Self.roads)"}]"#)
            let second = try await app.request(.post, "/api/v1/appeals", token: clerk, json: repeatBody)
            #expect(second.status == .created)
            let secondJSON = try second.json()
            let secondID = secondJSON["documentId"] as? String ?? ""
            #expect((secondJSON["repeatCandidates"] as? [[String: Any]])?.map { $0["documentId"] as? String } == [id])
            let confirmed = try await app.request(.post, "/api/v1/appeals/\(secondID)/repeated", token: clerk, json: #"{"earlierId":"\#(id)"}"#)
            #expect(try confirmed.json()["repeatedOfDocumentId"] as? String == id)

            // Special cases: an appeal with a name and address is not anonymous; an anonymous one is closed without an answer.
            #expect(try await app.request(.post, "/api/v1/appeals/\(secondID)/close", token: clerk, json: #"{"specialCase":"anonymous"}"#).problemCode == "not_anonymous")
            #expect(try await app.request(.post, "/api/v1/appeals/\(secondID)/close", token: clerk, json: #"{"specialCase":"correspondenceTerminated","detail":"Решение от 01.12.2026"}"#).status == .forbidden)
            let published = try await app.request(.post, "/api/v1/appeals/\(secondID)/close", token: clerk, json: #"{"specialCase":"alreadyPublished"}"#)
            #expect(published.problemCode == "detail_required")
            let anonymous = try await app.request(.post, "/api/v1/appeals", token: clerk, json: Self.body(app, title: "Без подписи", applicants: "[]", questions: #"[{"topicCode":"\#(Self.waste)"}]"#))
            let anonymousID = try anonymous.json()["documentId"] as? String ?? ""
            #expect(try anonymous.json()["anonymous"] as? Bool == true)
            let closed = try await app.request(.post, "/api/v1/appeals/\(anonymousID)/close", token: clerk, json: #"{"specialCase":"anonymous"}"#)
            #expect((try closed.json()["questions"] as? [[String: Any]])?.first?["status"] as? String == "leftWithoutAnswer")

            // The report and the ССТУ file of the ministry.
            let today = registeredOn.iso
            let report = try await app.request(.get, "/api/v1/appeal-reports/statistics?organizationId=\(fixture.ministry.id)&from=\(today)&to=\(today)", token: analyst)
            guard report.status == .ok else { throw UnexpectedResponse(report) }
            let reportJSON = try report.json()
            #expect(reportJSON["appeals"] as? Int == 3)
            #expect(reportJSON["questions"] as? Int == 4)
            let reportRows = (reportJSON["rows"] as? [[String: Any]]) ?? []
            func value(_ label: String) -> Int? { reportRows.first { $0["label"] as? String == label }?["value"] as? Int }
            #expect(value("Повторных") == 1)
            #expect(value("Поддержано") == 1)
            #expect(value("в т. ч. меры приняты") == 1)
            #expect(value("Направлено по компетенции") == 1)
            #expect(value("Оставлено без ответа автору") == 1)
            #expect(value("Жалоба") == 3)
            // The database's counts agree with the domain's counting over the same appeals.
            let (sqlCounts, domainCounts) = try await app.database.read { db in
                let actor = try await ActorRepository(db).actor(userID: fixture.economist.userID)!
                let appeals = try await AppealRepository(db).period(visibleTo: actor, under: fixture.ministry.path, from: registeredOn, to: registeredOn)
                let facts = appeals.map {
                    AppealStatistics.Facts(
                        appeal: $0.appeal, onControl: $0.onControl, territory: $0.organizationName,
                        standing: AppealRules.standing(of: $0.appeal, today: registeredOn))
                }
                return (
                    try await AppealRepository(db).reportCounts(under: fixture.ministry.path, from: registeredOn, to: registeredOn),
                    AppealStatistics.counts(facts))
            }
            #expect(sqlCounts == domainCounts)
            #expect(sqlCounts.appeals == 3)
            let csv = try await app.request(.get, "/api/v1/appeal-reports/statistics?organizationId=\(fixture.ministry.id)&from=\(today)&to=\(today)&format=csv", token: analyst)
            #expect(csv.text.hasPrefix("\u{FEFF}Раздел;Показатель;Значение"))
            #expect(try await app.request(.get, "/api/v1/appeal-reports/statistics?organizationId=\(fixture.ministry.id)&from=\(today)&to=\(today)", token: stranger).status == .forbidden)
            let month = String(today.prefix(7))
            #expect(try await app.request(.get, "/api/v1/appeal-reports/sstu?organizationId=\(fixture.ministry.id)&month=\(month)", token: analyst).status == .forbidden)
            let sstu = try await app.request(.get, "/api/v1/appeal-reports/sstu?organizationId=\(fixture.ministry.id)&month=\(month)", token: clerk)
            guard sstu.status == .ok else { throw UnexpectedResponse(sstu) }
            let sstuJSON = try sstu.json()
            #expect(sstuJSON["period"] as? String == month)
            let requests = sstuJSON["requests"] as? [[String: Any]] ?? []
            #expect(requests.count == 3)
            let first = requests.first { $0["number"] as? String == appeal["number"] as? String } ?? [:]
            let processing = (first["questions"] as? [[String: Any]])?.compactMap { ($0["processing"] as? [String: Any])?["forwardedTo"] as? String }
            #expect(processing == [fixture.district.fullName])
        }
    }
}

extension HTTPFields {
    func withBearer(_ token: String) -> HTTPFields {
        var copy = self
        copy[.authorization] = "Bearer \(token)"
        return copy
    }
}
