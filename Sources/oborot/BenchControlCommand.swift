import ArgumentParser
import Foundation
import Logging
import OborotDomain
import OborotServer
import OborotStore
import SQLKit

extension Bench {
    /// Execution control at regional scale: loads N assignments (in resolutions of five) over the demo region's
    /// people, organisations and documents, one person holding `--heavy` of them, then measures the inbox queries,
    /// the whole-region discipline report for a year and the reminder job.
    struct Control: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Контроль исполнения на объёме региона: папки, отчёт о дисциплине, напоминания.")

        @Option(help: "Сколько поручений загрузить (0 — только измерить уже загруженные).")
        var assignments = 1_000_000

        @Option(help: "Сколько поручений у одного исполнителя (minfin-ro.dep1.specialist).")
        var heavy = 10_000

        @Option(help: "Сколько повторов каждого запроса папки.")
        var repeats = 200

        @Option(help: "«Сегодня» для измерений (ГГГГ-ММ-ДД).")
        var today = "2026-11-23"

        func run() async throws {
            guard let today = CalendarDate(iso: today) else { throw ValidationError("--today: ГГГГ-ММ-ДД") }
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            do {
                let heavyUser = try await database.read { db in
                    try await db.sql.raw("SELECT id FROM users WHERE login = 'minfin-ro.dep1.specialist'").first()?
                        .decode(column: "id", as: String.self)
                }
                guard let heavyUser, let heavyID = UUID(uuidString: heavyUser) else {
                    throw ValidationError("Нет демонстрационного региона: сначала `oborot demo --documents 100000`.")
                }
                if assignments > 0 {
                    try await load(database, heavy: heavyID, today: today)
                }
                try await measure(database, heavy: heavyID, today: today)
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }

        private func load(_ database: any Database, heavy: UUID, today: CalendarDate) async throws {
            let (people, organizations, documents) = try await database.read { db in
                let people = try await db.sql.raw(
                    "SELECT u.id AS id, e.organization_id AS organization_id FROM users u JOIN employees e ON e.id = u.employee_id"
                ).all().map { (UUID(uuidString: try $0.decode(column: "id", as: String.self))!, UUID(uuidString: try $0.decode(column: "organization_id", as: String.self))!) }
                let organizations = try await db.sql.raw("SELECT id FROM organizations").all()
                    .map { UUID(uuidString: try $0.decode(column: "id", as: String.self))! }
                let documents = try await db.sql.raw("SELECT id FROM documents LIMIT 200000").all()
                    .map { UUID(uuidString: try $0.decode(column: "id", as: String.self))! }
                return (people, organizations, documents)
            }
            guard !documents.isEmpty else {
                throw ValidationError("В базе нет документов: сначала `oborot demo --documents 100000`.")
            }
            let heavyOrganization = people.first { $0.0 == heavy }!.1
            var random = SeededRandom(seed: 20_261_123)
            let start = ContinuousClock.now
            let perResolution = 5
            let batch = 50_000
            var made = 0
            let yearStart = CalendarDate(year: today.year, month: 1, day: 1)!
            let days = yearStart.days(until: today)
            while made < assignments {
                var resolutions: [Resolution] = []
                var rows: [Assignment] = []
                while rows.count < batch && made + rows.count < assignments {
                    let author = people[Int.random(in: 0..<people.count, using: &random)]
                    let date = yearStart.adding(days: Int.random(in: 0...days, using: &random))
                    let controlled = Int.random(in: 0..<2, using: &random) == 0
                    let category: ControlCategory? =
                        controlled ? [ControlCategory.governor, .government, .head, .head][Int.random(in: 0..<4, using: &random)] : nil
                    let resolution = Resolution(
                        id: UUID(), documentID: documents[Int.random(in: 0..<documents.count, using: &random)],
                        authorUserID: author.0, organizationID: author.1, preparedByUserID: nil, text: "Рассмотреть и доложить",
                        date: date, state: .active, controlled: controlled, controlOfficerUserID: controlled ? author.0 : nil,
                        controlCategory: category)
                    resolutions.append(resolution)
                    for index in 0..<perResolution where made + rows.count < assignments {
                        let isHeavy = made + rows.count < self.heavy
                        let executor: Executor
                        if isHeavy {
                            executor = .person(userID: heavy, organizationID: heavyOrganization)
                        } else if Int.random(in: 0..<10, using: &random) < 7 {
                            let person = people[Int.random(in: 0..<people.count, using: &random)]
                            executor = .person(userID: person.0, organizationID: person.1)
                        } else {
                            executor = .organization(organizations[Int.random(in: 0..<organizations.count, using: &random)])
                        }
                        let deadline = date.adding(days: Int.random(in: 3...60, using: &random))
                        let roll = Int.random(in: 0..<100, using: &random)
                        let state: AssignmentState =
                            deadline < today ? (roll < 85 ? .done : roll < 92 ? .reportSubmitted : .accepted)
                            : (roll < 30 ? .done : roll < 50 ? .reportSubmitted : roll < 80 ? .accepted : .issued)
                        let completedOn: CalendarDate? =
                            state == .done ? min(today, deadline.adding(days: Int.random(in: -10...3, using: &random))) : nil
                        rows.append(
                            Assignment(
                                id: UUID(), resolutionID: resolution.id, documentID: resolution.documentID, parentID: nil,
                                authorUserID: author.0, executor: executor, responsible: index == 0,
                                text: "Рассмотреть и доложить по пункту \(index + 1)", deadline: deadline,
                                deadlineExplanation: nil, state: state, controlOfficerUserID: resolution.controlOfficerUserID,
                                issuedAt: Date(), issuedOn: date, completedAt: completedOn.map { _ in Date() },
                                completedOn: completedOn))
                    }
                }
                try await database.write { db in
                    try await ControlRepository(db).insertBulk(resolutions: resolutions, assignments: rows)
                }
                made += rows.count
                say("поручений загружено: \(made) из \(assignments)")
            }
            // Fresh statistics, as autovacuum (PostgreSQL) or `ANALYZE` after an import would leave them; without
            // them the planner guesses row counts for a table it has never measured.
            try await database.write { db in try await db.sql.raw("ANALYZE").run() }
            let seconds = Double(start.duration(to: .now).components.seconds)
                + Double(start.duration(to: .now).components.attoseconds) / 1e18
            say(String(format: "загрузка: %.1f с, %.0f поручений в секунду", seconds, Double(assignments) / seconds))
        }

        private func measure(_ database: any Database, heavy: UUID, today: CalendarDate) async throws {
            let dueSoon = today.adding(days: 5)
            let total = try await database.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM assignments").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let held = try await database.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM assignments WHERE executor_user_id = \(bind: heavy.lowercasedString)")
                    .first()?.decode(column: "n", as: Int.self) ?? 0
            }
            say("в базе поручений: \(total); у исполнителя minfin-ro.dep1.specialist: \(held)")
            @Sendable func query(_ filter: AssignmentInboxFilter, after: (deadline: String, id: String)? = nil) -> AssignmentInboxQuery {
                AssignmentInboxQuery(
                    inbox: .toDo, userID: heavy, headOrganizationIDs: [], filter: filter, today: today, dueSoonUntil: dueSoon,
                    after: after, limit: 50)
            }
            let firstPage = try await database.read { db in try await AssignmentListing(db).page(query(.all)) }
            let cursor = firstPage.last.map { ($0.assignment.deadline?.iso ?? "", $0.assignment.id.lowercasedString) }
            let cases: [(String, @Sendable (DatabaseHandle) async throws -> Void)] = [
                ("«На исполнение», первая страница", { db in _ = try await AssignmentListing(db).page(query(.all)) }),
                ("«На исполнение», вторая страница", { db in _ = try await AssignmentListing(db).page(query(.all, after: cursor)) }),
                ("просроченные", { db in _ = try await AssignmentListing(db).page(query(.overdue)) }),
                ("срок в ближайшие дни", { db in _ = try await AssignmentListing(db).page(query(.dueSoon)) }),
                ("счётчики папок", { db in
                    _ = try await AssignmentListing(db).counts(userID: heavy, headOrganizationIDs: [], today: today, dueSoonUntil: dueSoon)
                }),
            ]
            for (name, body) in cases {
                var samples: [Double] = []
                for _ in 0..<repeats {
                    let start = ContinuousClock.now
                    try await database.read { db in try await body(db) }
                    samples.append(BenchTiming.milliseconds(since: start))
                }
                say(BenchTiming.summary(name, samples))
            }
            let period = DisciplineQueries.Period(
                from: CalendarDate(year: today.year, month: 1, day: 1)!, through: today, today: today, category: nil)
            var reportTimes: [Double] = []
            for _ in 0..<5 {
                let start = ContinuousClock.now
                _ = try await database.read { db in
                    let queries = DisciplineQueries(db)
                    return ExecutionDiscipline.rollUp(try await queries.byOrganization(period), paths: try await queries.organizationPaths())
                }
                reportTimes.append(BenchTiming.milliseconds(since: start))
            }
            reportTimes.sort()
            say(String(format: "отчёт о дисциплине по региону за год: медиана %.0f мс, худший %.0f мс", reportTimes[2], reportTimes[4]))
            let job = ReminderJob(database: database, logger: CommandSupport.logger(level: .warning), timeZone: TimeZone(identifier: "Europe/Moscow")!)
            for pass in 1...2 {
                let (written, elapsed) = try await job.runOnce(today: today)
                let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                say(String(format: "напоминания, проход %d: записано %d за %.0f мс", pass, written, ms))
            }
        }
    }
}
