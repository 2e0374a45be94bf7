import Foundation
import OborotDomain
import OborotStore

/// The registries around documents: journals, the nomenclature of case files, and correspondents.
///
/// | action | policy |
/// |---|---|
/// | list journals, case files, correspondents | `signedIn` |
/// | create a journal in X | `administers(X)` |
/// | add a case file in X | `administers(X)` or `registers(X)` |
/// | add a correspondent | any registrar |
struct RegistryService: Sendable {
    let database: any Database

    func journals(_ caller: Caller, organizationID: UUID) async throws -> [(Journal, lastNumber: Int)] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            let year = organization.date(at: db.now).year
            let journals = JournalRepository(db)
            var result: [(Journal, Int)] = []
            for journal in try await journals.list(organizationID: organizationID) {
                result.append((journal, try await journals.lastSequence(journalID: journal.id, numberingYear: journal.restartsYearly ? year : 0)))
            }
            return result
        }
    }

    func createJournal(
        _ caller: Caller, organizationID: UUID, name: String, code: String, template: String, kinds: Set<DocumentKind>,
        restartsYearly: Bool, defaultCaseIndex: String?
    ) async throws -> Journal {
        try await database.write { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(.administers(organization.path))
            var problems = TextRules.required(name.trimmed, field: "name", maxLength: 300)
            problems += TextRules.required(code.trimmed, field: "code", maxLength: 20, label: "Код журнала")
            if kinds.isEmpty {
                problems.append(FieldProblem(field: "kinds", code: "required", message: "Укажите виды документов, которые регистрируются в журнале."))
            }
            let parsed = NumberTemplate.parse(template.trimmed)
            if case .failure(let error) = parsed { problems += error.fieldProblems }
            try OborotError.throwIfInvalid(problems)
            let journal = Journal(
                id: UUID(), organizationID: organizationID, name: name.trimmed, code: code.trimmed,
                template: try parsed.get(), kinds: kinds, restartsYearly: restartsYearly,
                defaultCaseIndex: defaultCaseIndex.nonBlank, active: true, version: 1)
            try await JournalRepository(db).insert([journal])
            try await AuditLog(db).append(caller.audit("journal.create", .journal, journal.id, RegistryTexts.journalCreated(journal, organization)))
            return journal
        }
    }

    func caseFiles(_ caller: Caller, organizationID: UUID, year: Int?) async throws -> [(CaseFile, documents: Int)] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            let year = year ?? organization.date(at: db.now).year
            let repository = CaseFileRepository(db)
            let cases = try await repository.list(organizationID: organizationID, year: year)
            let counts = try await repository.documentCounts(cases.map(\.id))
            return cases.map { ($0, counts[$0.id] ?? 0) }
        }
    }

    func createCaseFile(
        _ caller: Caller, organizationID: UUID, year: Int, index: String, title: String, retentionYears: Int?
    ) async throws -> CaseFile {
        try await database.write { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(.anyOf(.administers(organization.path), DocumentAccess.registers(organization.path)))
            try OborotError.throwIfInvalid(
                CaseFileRules.validate(index: index, title: title, year: year, retentionYears: retentionYears))
            let repository = CaseFileRepository(db)
            if try await repository.exists(organizationID: organizationID, year: year, index: index.trimmed) {
                throw OborotError.caseIndexTaken(index.trimmed, year: year)
            }
            let caseFile = CaseFile(
                id: UUID(), organizationID: organizationID, year: year, index: index.trimmed, title: title.trimmed,
                retention: Retention(storedYears: retentionYears), version: 1)
            try await repository.insert([caseFile])
            try await AuditLog(db).append(caller.audit("case_file.create", .caseFile, caseFile.id, RegistryTexts.caseFileCreated(caseFile)))
            return caseFile
        }
    }

    /// The documents filed to a case that the caller may see (опись дела).
    func inventory(_ caller: Caller, caseFileID: UUID) async throws -> (CaseFile, Int, [DocumentListItem]) {
        try await database.read { db in
            let caseFile = try await CaseFileRepository(db).get(caseFileID)
            var filter = DocumentFilter()
            filter.caseFileID = caseFileID
            let items = try await DocumentRepository(db).list(
                visibleTo: caller.actor, filter: filter, order: .register(after: nil), limit: 10_000)
            return (caseFile, items.count, items.reversed())
        }
    }

    func correspondents(_ caller: Caller, text: String?, limit: Int) async throws -> [Correspondent] {
        try caller.actor.require(.signedIn)
        return try await database.read { try await CorrespondentRepository($0).search(text ?? "", limit: limit) }
    }

    /// Adds a correspondent, or returns the one already stored under the same ИНН or name and address.
    func findOrCreateCorrespondent(
        _ caller: Caller, kind: Correspondent.Kind, name: String, inn: String?, address: String?, email: String?,
        phone: String?
    ) async throws -> (Correspondent, created: Bool) {
        try caller.actor.require(AccessPolicy("делопроизводитель") { $0.holdsAnywhere(.registrar) || $0.holdsAnywhere(.receptionOperator) })
        let cleaned = try CorrespondentRules.validate(kind: kind, name: name, inn: inn, address: address, email: email, phone: phone).get()
        let key = CorrespondentRules.deduplicationKey(name: cleaned.name, inn: cleaned.inn, address: cleaned.address)
        return try await database.write { db in
            let repository = CorrespondentRepository(db)
            if let existing = try await repository.find(deduplicationKey: key) { return (existing, false) }
            let correspondent = Correspondent(
                id: UUID(), kind: kind, name: cleaned.name, inn: cleaned.inn, address: cleaned.address,
                email: cleaned.email, phone: cleaned.phone, organizationID: nil, version: 1)
            try await repository.insert(correspondent)
            try await AuditLog(db).append(
                caller.audit("correspondent.create", .correspondent, correspondent.id, RegistryTexts.correspondentCreated(correspondent)))
            return (correspondent, true)
        }
    }
}

extension OborotError {
    static func caseIndexTaken(_ index: String, year: Int) -> OborotError {
        OborotError(
            .conflict, code: "case_index_taken", title: "Индекс дела занят",
            detail: "В номенклатуре \(year) года уже есть дело с индексом «\(index)».",
            fieldProblems: [FieldProblem(field: "index", code: "taken", message: "Индекс уже используется.")])
    }
}

/// Russian wording of the registries.
enum RegistryTexts {
    static func journalCreated(_ journal: Journal, _ organization: Organization) -> String {
        "Создан журнал «\(journal.name)» (шаблон номера \(journal.template.text)) в «\(organization.shortName)»"
    }

    static func caseFileCreated(_ caseFile: CaseFile) -> String {
        "В номенклатуру \(caseFile.year) года добавлено дело \(caseFile.index) «\(caseFile.title)», срок хранения: \(caseFile.retention.russianName)"
    }

    static func correspondentCreated(_ correspondent: Correspondent) -> String {
        "В справочник добавлен корреспондент «\(correspondent.name)»"
    }
}
