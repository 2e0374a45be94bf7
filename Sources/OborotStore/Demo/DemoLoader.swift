public import OborotDomain
public import Foundation
import SQLKit

/// Stores a generated demo region in one transaction, with one audit event saying so.
public enum DemoLoader {
    /// Whether the database holds no organisations yet (the only state in which the demo may be loaded).
    public static func isEmpty(_ database: any Database) async throws -> Bool {
        try await database.read { try await OrganizationRepository($0).count() } == 0
    }

    /// Inserts everything; `passwordHash` is the bcrypt hash of the demo password, shared by all demo accounts
    /// (hashing 16,000 passwords one by one would take minutes; these are throw-away demo accounts).
    public static func load(
        _ data: DemoRegion.Data, passwordHash: String, into database: any Database,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws {
        try await database.write { db in
            try await OrganizationRepository(db).insert(data.organizations)
            progress?("организации: \(data.organizations.count)")
            try await PositionRepository(db).insert(data.positions)
            try await EmployeeRepository(db).insert(data.employees)
            progress?("сотрудники: \(data.employees.count)")
            try await UserRepository(db).insert(data.users.map { ($0, passwordHash) })
            try await RoleGrantRepository(db).insert(data.grants)
            progress?("учётные записи: \(data.users.count), роли: \(data.grants.count)")
            for delegation in data.delegations { try await DelegationRepository(db).insert(delegation) }
            try await JournalRepository(db).insert(data.journals)
            try await CaseFileRepository(db).insert(data.caseFiles)
            for correspondent in data.correspondents { try await CorrespondentRepository(db).insert(correspondent) }
            progress?("журналы: \(data.journals.count), дела: \(data.caseFiles.count)")
            let topics = try await TopicRepository(db).load(ClassifierFile.shipped())
            progress?("тематический классификатор обращений: \(topics.added) узлов")
            for schedule in data.receptionSchedules { try await ReceptionRepository(db).insert(schedule) }
            try await AuditLog(db).append(
                AuditRecord(
                    actorUserID: nil, actingForUserID: nil, action: "demo.load", objectType: ObjectKind.organization.rawValue,
                    objectID: data.organizations.first?.id.lowercasedString ?? "",
                    summary: "Загружен демонстрационный регион: \(data.organizations.count) организаций, "
                        + "\(data.users.count) учётных записей", clientAddress: nil))
        }
    }

    /// Registers `count` generated documents across the demo region, in batches of one transaction each, with
    /// gapless numbers per journal; returns how many were stored.
    public static func loadDocuments(
        _ count: Int, region data: DemoRegion.Data, into database: any Database, start: Date,
        batchSize: Int = 10_000, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> Int {
        let employeesByOrganization = Dictionary(grouping: data.employees, by: \.organizationID)
        let usersByEmployee = Dictionary(uniqueKeysWithValues: data.users.map { ($0.employeeID, $0.id) })
        let registrars = Dictionary(
            data.grants.filter { $0.role == .registrar }.map { ($0.organizationID, $0.userID) }, uniquingKeysWith: { first, _ in first })
        let journalsByOrganization = Dictionary(grouping: data.journals.filter { !$0.kinds.contains(.appeal) }, by: \.organizationID)
        let offices = data.organizations.compactMap { organization -> DemoDocuments.Office? in
            guard organization.kind != .institution, let employees = employeesByOrganization[organization.id],
                let registrar = registrars[organization.id] ?? usersByEmployee[employees[0].id]
            else { return nil }
            return DemoDocuments.Office(
                organization: organization, journals: journalsByOrganization[organization.id] ?? [],
                employeeIDs: employees.map(\.id), registrarUserID: registrar)
        }
        let paths = Dictionary(uniqueKeysWithValues: data.organizations.map { ($0.id, $0.path) })
        let generator = DemoDocuments(offices: offices, correspondents: data.correspondents.map(\.id), start: start)
        // The next batch is generated while the current one is written: on two cores this keeps both busy.
        func produce(_ generator: DemoDocuments, _ count: Int) -> Task<DemoBatch, Never> {
            Task {
                var generator = generator
                let documents = generator.next(count)
                return DemoBatch(generator: generator, documents: documents, paths: paths)
            }
        }
        var stored = 0
        var pending = produce(generator, min(batchSize, count))
        while stored < count {
            let batch = await pending.value
            guard !batch.documents.isEmpty else { break }
            let remaining = count - stored - batch.documents.count
            if remaining > 0 { pending = produce(batch.generator, min(batchSize, remaining)) }
            try await database.write { db in
                try await DocumentRepository(db).insertBulk(rows: batch.rows)
                try await JournalRepository(db).setCounters(batch.counters, numberingYear: batch.numberingYear)
            }
            stored += batch.documents.count
            progress?(stored)
        }
        // Fresh statistics let the query planner pick the right index for a table that just grew by millions.
        try await database.write { try await $0.sql.raw("ANALYZE").run() }
        _ = try await database.write { db in
            try await AuditLog(db).append(
                AuditRecord(
                    actorUserID: nil, actingForUserID: nil, action: "demo.documents", objectType: ObjectKind.document.rawValue,
                    objectID: "", summary: "Загружены демонстрационные документы: \(stored)", clientAddress: nil))
        }
        return stored
    }
}

/// One generated batch of demo documents, already shaped for the bulk loader, and the generator state after it
/// (the next batch continues from there).
private struct DemoBatch: Sendable {
    var generator: DemoDocuments
    var documents: [Document]
    var rows: [[BulkValue]]
    /// Only the journals this batch numbered need their counters moved.
    var counters: [UUID: Int]
    var numberingYear: Int

    init(generator: DemoDocuments, documents: [Document], paths: [UUID: OrganizationPath]) {
        self.generator = generator
        self.documents = documents
        rows = DocumentRepository.bulkRows(documents, paths: paths)
        counters = Dictionary(
            documents.compactMap { document in document.registration.map { ($0.journalID, $0.sequence) } },
            uniquingKeysWith: max)
        numberingYear = documents.last?.registration?.numberingYear ?? 0
    }
}
