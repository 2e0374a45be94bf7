import Foundation
import OborotDomain
import OborotStore

extension AppealService {
    func list(_ caller: Caller, organizationID: UUID?, standing: AppealFilter.Standing, from: CalendarDate?, to: CalendarDate?, limit: Int) async throws -> [AppealListItem] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let path = try await organizationID.asyncMap { try await OrganizationRepository(db).get($0).path }
            let today = CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
            return try await AppealRepository(db).list(
                visibleTo: caller.actor,
                filter: AppealFilter(organizationPath: path, standing: standing, receivedFrom: from, receivedTo: to, today: today),
                limit: limit)
        }
    }

    /// The report of appeals registered in the organisation's tree from `from` to `to`.
    func report(_ caller: Caller, organizationID: UUID, from: CalendarDate, to: CalendarDate) async throws -> (Organization, AppealReport) {
        guard from <= to else { throw OborotError.periodReversed }
        return try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(AppealAccess.reports(on: organization.path))
            let counts = try await AppealRepository(db).reportCounts(under: organization.path, from: from, to: to)
            let names = Dictionary(try await TopicRepository(db).all().map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
            var report = AppealStatistics.report(counts, topicName: { names[$0] })
            let subtree = try await OrganizationRepository(db).subtreeIDs(under: organization.path)
            report.reception = ReceptionStatistics.counts(try await ReceptionRepository(db).cards(organizationIDs: subtree, from: from, to: to))
            return (organization, report)
        }
    }

    /// The monthly ССТУ file of the organisation's tree; audited, as it carries personal data.
    func sstuExport(_ caller: Caller, organizationID: UUID, year: Int, month: Int) async throws -> SSTUExport {
        guard (1...12).contains(month), (2000...2100).contains(year),
            let from = CalendarDate(year: year, month: month, day: 1),
            let to = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        else { throw OborotError.badQuery("month") }
        let export = try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(AppealAccess.exports(on: organization.path))
            let appeals = try await AppealRepository(db).period(visibleTo: caller.actor, under: organization.path, from: from, to: to)
            var sources: [SSTUExport.Source] = []
            for appeal in appeals {
                let answer = try await Self.registeredAnswer(appeal.answerDocumentID, db: db)
                sources.append(SSTUExport.Source(
                    appeal: appeal.appeal, number: appeal.number, registeredOn: appeal.registeredOn, answerDate: answer?.date,
                    answerFile: answer?.file))
            }
            return SSTUExport.make(
                department: .init(id: organization.id, name: organization.fullName), year: year, month: month, sources: sources)
        }
        try await database.write { db in
            try await AuditLog(db).append(caller.audit("appeal.sstu_export", .organization, organizationID, AppealServiceTexts.exported(export)))
        }
        return export
    }

    /// The answer letter once it is registered (sent): its date and the name of its first file, for ССТУ.
    private static func registeredAnswer(_ id: UUID?, db: DatabaseHandle) async throws -> (date: CalendarDate, file: String?)? {
        guard let id, let letter = try await DocumentRepository(db).find(id), let registration = letter.registration,
            letter.state != .cancelled
        else { return nil }
        let file = try await AttachmentRepository(db).summaries(documentID: id).first { $0.current != nil }?.current?.fileName
        return (registration.date, file)
    }

    // MARK: Classifier

    func topics(_ caller: Caller, query: String?, includeObsolete: Bool, limit: Int) async throws -> [TopicNode] {
        try caller.actor.require(.signedIn)
        let all = try await database.read { db in try await TopicRepository(db).all() }
        let needle = query.map { RepeatedAppealsText.folded($0) } ?? ""
        return all.filter { node in
            (includeObsolete || !node.obsolete)
                && (needle.isEmpty || node.code.description.hasPrefix(needle) || RepeatedAppealsText.folded(node.name).contains(needle))
        }.prefix(limit).map { $0 }
    }

    func importClassifier(_ caller: Caller, text: String) async throws -> TopicRepository.LoadResult {
        try caller.actor.require(.administersARoot)
        let nodes = try ClassifierFile.parse(text).get()
        return try await database.write { db in
            let result = try await TopicRepository(db).load(nodes)
            try await AuditLog(db).append(caller.audit("appeal.classifier_import", .appealTopic, key: "classifier", AppealServiceTexts.imported(result)))
            return result
        }
    }
}

/// Case- and ё-insensitive matching for the classifier's autocomplete.
enum RepeatedAppealsText {
    static func folded(_ text: String) -> String {
        text.trimmed.lowercased().replacingOccurrences(of: "ё", with: "е")
    }
}
