import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import Testing

/// The report's counts from the database's report columns (migration 13) against the domain's counting of the same
/// appeals, for what the lifecycle test cannot reach through the API: an appeal put on control by a resolution, and
/// one closed after its deadline months ago.
@Suite("Обращения: отчёт по данным базы совпадает с подсчётом домена")
struct AppealReportCountsTests {
    @Test("«взято на контроль» from a controlled resolution, «с нарушением срока» from a late close, the subtree and the period",
          arguments: TestDatabaseKind.available)
    func controlAndLate(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            try await app.database.write { db in
                try await RoleGrantRepository(db).insert([
                    RoleGrant(id: UUID(), userID: fixture.economist.userID, organizationID: fixture.ministry.id, organizationPath: fixture.ministry.path, role: .analyst)
                ])
            }
            let admin = try await app.signIn("region.admin")
            let clerk = try await app.signIn("minfin.clerk")
            let minister = try await app.signIn("minister")
            #expect(try await app.client.execute(
                uri: "/api/v1/appeal-topics", method: .post, headers: [.contentType: "text/csv", .authorization: "Bearer \(admin)"],
                body: .init(string: AppealAPITests.topics)).status == .ok)
            func created(_ title: String) async throws -> UUID {
                let response = try await app.request(.post, "/api/v1/appeals", token: clerk, json: AppealAPITests.body(app, title: title))
                guard response.status == .created else { throw UnexpectedResponse(response) }
                return try #require(UUID(uuidString: try response.json()["documentId"] as? String ?? ""))
            }
            let controlled = try await created("О ремонте дороги, на контроле")
            let late = try await created("О вывозе мусора, рассмотрено с нарушением срока")
            _ = try await created("О ремонте дороги, без контроля")

            // The minister puts the first under control: the appeal row says so.
            let resolution = try await app.request(
                .post, "/api/v1/documents/\(controlled)/resolutions", token: minister,
                json: #"{"text":"Рассмотреть, ответ заявителю","deadline":{"period":"5d"},"controlled":true,"executors":[{"organizationId":"\#(fixture.department.id)"}]}"#)
            #expect(resolution.status == .created, "\(resolution.text)")

            // The second was registered in January and answered after its term: moved there through the repository,
            // as the API registers and answers only today.
            let january = try #require(CalendarDate(year: 2026, month: 1, day: 12))
            let answered = try #require(CalendarDate(year: 2026, month: 2, day: 20))
            try await app.database.write { db in
                let repository = AppealRepository(db)
                var appeal = try #require(try await repository.find(late)).appeal
                let expected = appeal.version
                appeal.term = AppealTerm(registeredOn: january, initialDeadline: try #require(CalendarDate(year: 2026, month: 2, day: 11)), extensions: [])
                for index in appeal.questions.indices {
                    appeal.questions[index].status = .answered
                    appeal.questions[index].resolvedOn = answered
                }
                #expect(appeal.closedLate)
                try await repository.update(appeal, expectedVersion: expected, explanation: nil)
            }

            let from = try #require(CalendarDate(year: 2026, month: 1, day: 1))
            let to = CalendarDate(Date(), in: .current).adding(days: 1)  // the three were registered today
            let (sqlCounts, domainCounts, otherSubtree) = try await app.database.read { db in
                let actor = try await ActorRepository(db).actor(userID: fixture.economist.userID)!
                let repository = AppealRepository(db)
                let stored = try await repository.period(visibleTo: actor, under: fixture.ministry.path, from: from, to: to)
                let facts = stored.map {
                    AppealStatistics.Facts(
                        appeal: $0.appeal, onControl: $0.onControl, territory: $0.organizationName,
                        standing: AppealRules.standing(of: $0.appeal, today: answered))
                }
                return (
                    try await repository.reportCounts(under: fixture.ministry.path, from: from, to: to), AppealStatistics.counts(facts),
                    try await repository.reportCounts(under: fixture.district.path, from: from, to: to))
            }
            #expect(sqlCounts == domainCounts)
            #expect(sqlCounts.appeals == 3)
            #expect(sqlCounts.onControl == 1)
            #expect(sqlCounts.late == 2, "both questions of the late appeal")
            #expect(sqlCounts.byStatus[.answered] == 2)
            #expect(sqlCounts.byTerritory == [fixture.ministry.shortName: 3])
            #expect(otherSubtree.appeals == 0, "another body's subtree counts none of the ministry's appeals")

            // The period is the registration's: February alone has none; January only the late one.
            let (february, januaryOnly) = try await app.database.read { db in
                (
                    try await AppealRepository(db).reportCounts(
                        under: fixture.ministry.path, from: try #require(CalendarDate(year: 2026, month: 2, day: 1)),
                        to: try #require(CalendarDate(year: 2026, month: 2, day: 28))),
                    try await AppealRepository(db).reportCounts(
                        under: fixture.ministry.path, from: from, to: try #require(CalendarDate(year: 2026, month: 1, day: 31)))
                )
            }
            #expect(february.appeals == 0)
            #expect(januaryOnly.appeals == 1)
            #expect(januaryOnly.questions == 2)
            #expect(januaryOnly.late == 2)
        }
    }
}
