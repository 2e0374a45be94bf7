import ArgumentParser
import Foundation
import Logging
import OborotDomain
import OborotExchange
import OborotServer
import OborotStore
import SQLKit

extension Bench {
    /// Approval at regional scale: routes over the demo region's documents (three steps each, one person deciding
    /// `--heavy` of them, one head with `--heavy` drafts to sign), then the «На согласование» and «На подпись» queries
    /// and the route of a card, measured in-process.
    struct Approval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Согласование на объёме региона: папки согласующего и подписанта.")

        @Option(help: "Сколько маршрутов загрузить (0 — только измерить).")
        var routes = 200_000

        @Option(help: "Сколько активных этапов у одного согласующего (minfin-ro.dep1.head) и проектов на подпись у minfin-ro.head.")
        var heavy = 2_000

        @Option(help: "Сколько повторов каждого запроса.")
        var repeats = 300

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            do {
                let people = try await database.read { db in
                    try await db.sql.raw(
                        "SELECT u.id AS id, u.login AS login, u.employee_id AS employee_id FROM users u WHERE u.login IN ('minfin-ro.dep1.head', 'minfin-ro.head')"
                    ).all().map { (try $0.decode(column: "login", as: String.self), UUID(uuidString: try $0.decode(column: "id", as: String.self))!, UUID(uuidString: try $0.decode(column: "employee_id", as: String.self))!) }
                }
                guard let approver = people.first(where: { $0.0 == "minfin-ro.dep1.head" }), let signer = people.first(where: { $0.0 == "minfin-ro.head" }) else {
                    throw ValidationError("Нет демонстрационного региона: сначала `oborot demo --documents 1000000`.")
                }
                if routes > 0 { try await load(database, approver: (approver.1, approver.2), signer: signer.2) }
                try await measure(database, approver: approver.1, signer: signer.2)
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }

        private func load(_ database: any Database, approver: (user: UUID, employee: UUID), signer: UUID) async throws {
            let (people, documents) = try await database.read { db in
                let people = try await db.sql.raw("SELECT id, employee_id FROM users LIMIT 3000").all().map {
                    (UUID(uuidString: try $0.decode(column: "id", as: String.self))!, UUID(uuidString: try $0.decode(column: "employee_id", as: String.self))!)
                }
                let documents = try await db.sql.raw(
                    "SELECT d.id FROM documents d LEFT JOIN approval_routes r ON r.document_id = d.id WHERE r.id IS NULL LIMIT \(unsafeRaw: String(routes))"
                ).all().map { UUID(uuidString: try $0.decode(column: "id", as: String.self))! }
                return (people, documents)
            }
            guard documents.count >= heavy else { throw ValidationError("Документов меньше, чем --heavy: сначала `oborot demo --documents N`.") }
            let calendar = try WorkCalendar.shipped()
            let moment = ApprovalRules.Moment(now: Date(), today: CalendarDate(year: 2026, month: 11, day: 27)!, calendar: calendar)
            var random = SeededRandom(seed: 20_261_201)
            let start = ContinuousClock.now
            for chunk in stride(from: 0, to: documents.count, by: 2_000) {
                let slice = documents[chunk..<min(chunk + 2_000, documents.count)]
                try await database.write { db in
                    let repository = ApprovalRepository(db)
                    for (offset, documentID) in slice.enumerated() {
                        let index = chunk + offset
                        var approvers = (0..<3).map { _ in people[Int.random(in: 0..<people.count, using: &random)] }
                        if index < heavy { approvers[0] = approver }
                        var seen: Set<UUID> = []
                        approvers = approvers.filter { seen.insert($0.1).inserted }
                        let plan = ApprovalPlan(stages: approvers.map { [ApprovalPlan.Approver(employeeID: $0.1, userID: $0.0)] })
                        var route = try ApprovalRules.start(
                            plan, id: UUID(), documentID: documentID, restartMode: .route, createdBy: approvers[0].0, at: moment,
                            newID: { UUID() })
                        // Most routes are over: approved by everyone; the heavy approver's are waiting for them.
                        if index >= heavy {
                            for step in route.currentSteps { route = try ApprovalRules.decide(route, by: step.approverUserID, decision: .approved, comment: nil, at: moment) }
                        }
                        try await repository.insert(route)
                    }
                }
            }
            // The heavy approver's documents are drafts (routes run on drafts); so are the drafts waiting for one
            // head's signature.
            try await database.write { db in
                let routed = documents.prefix(heavy).map(\.lowercasedString)
                for chunk in stride(from: 0, to: routed.count, by: 500) {
                    try await db.sql.raw(
                        """
                        UPDATE documents SET state = 'draft', signed_at = NULL
                        WHERE id IN \(SQLBind.group(Array(routed[chunk..<min(chunk + 500, routed.count)])))
                        """
                    ).run()
                }
                let ids = documents.suffix(heavy).map(\.lowercasedString)
                for chunk in stride(from: 0, to: ids.count, by: 500) {
                    try await db.sql.raw(
                        """
                        UPDATE documents SET state = 'draft', signed_at = NULL, signer_employee_id = \(bind: signer.lowercasedString)
                        WHERE id IN \(SQLBind.group(Array(ids[chunk..<min(chunk + 500, ids.count)])))
                        """
                    ).run()
                }
                try await db.sql.raw("ANALYZE").run()
            }
            let seconds = Double(start.duration(to: .now).components.seconds)
            say(String(format: "загружено маршрутов: %d за %.0f с", documents.count, seconds))
        }

        private func measure(_ database: any Database, approver: UUID, signer: UUID) async throws {
            let (routes, steps, documents) = try await database.read { db in
                func count(_ table: String) async throws -> Int {
                    try await db.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0
                }
                return (try await count("approval_routes"), try await count("approval_steps"), try await count("documents"))
            }
            say("в базе документов: \(documents), маршрутов: \(routes), этапов: \(steps)")
            let sample = try await database.read { db in
                try await db.sql.raw("SELECT document_id FROM approval_routes LIMIT 1").first()?.decode(column: "document_id", as: String.self)
            }.flatMap(UUID.init(uuidString:))
            let cases: [(String, @Sendable (DatabaseHandle) async throws -> Int)] = [
                ("«На согласование» (50 строк)", { db in try await ApprovalRepository(db).activeSteps(approverUserID: approver, limit: 50).count }),
                ("«На подпись» (50 строк)", { db in try await ApprovalRepository(db).awaitingSignature(signerEmployeeID: signer, limit: 50).count }),
                ("маршрут на карточке", { db in try await ApprovalRepository(db).route(documentID: sample ?? UUID())?.steps.count ?? 0 }),
            ]
            for (name, body) in cases {
                var samples: [Double] = []
                var rows = 0
                for _ in 0..<repeats {
                    let start = ContinuousClock.now
                    rows = try await database.read { db in try await body(db) }
                    samples.append(BenchTiming.milliseconds(since: start))
                }
                say(BenchTiming.summary(name, samples) + ", строк: \(rows)")
            }
        }
    }

    /// Verification of one detached signature, repeated: the whole check as the server makes it.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Скорость проверки отсоединённой подписи.")

        @Option(help: "Подписанный файл.") var file: String
        @Option(help: "Подпись .p7s.") var signature: String
        @Option(help: "Корневые сертификаты (PEM).") var roots: String
        @Option(help: "Повторов.") var repeats = 50

        func run() async throws {
            let signatureBytes = Array(try Data(contentsOf: URL(fileURLWithPath: signature)))
            let trust = SignatureFiles.certificatesDER(from: Array(try Data(contentsOf: URL(fileURLWithPath: roots))))
            let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let verifier = CMSSignatureVerifier()
            var samples: [Double] = []
            var outcome = ""
            for _ in 0..<repeats {
                let start = ContinuousClock.now
                let result = try await verifier.verify(
                    signature: signatureBytes, content: FileContent(path: file), trustRoots: trust, moment: .at(Date()))
                samples.append(BenchTiming.milliseconds(since: start))
                switch result {
                case .success(let verified): outcome = "действительна, \(verified.algorithmName)"
                case .failure(let problem): outcome = "ошибка: \(problem.code)"
                }
            }
            say(BenchTiming.summary("проверка подписи, файл \(size / 1_048_576) МБ (\(outcome))", samples))
        }
    }
}
