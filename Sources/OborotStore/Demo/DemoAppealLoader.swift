public import Foundation
public import OborotDomain
import SQLKit

extension DemoLoader {
    /// Registers `count` generated appeals in the bodies' «-ОГ» journals (load tests of the appeals report), in batches
    /// of one transaction each, with gapless numbers; returns how many were stored.
    public static func loadAppeals(
        _ count: Int, region data: DemoRegion.Data, into database: any Database, start: Date, calendar: WorkCalendar,
        batchSize: Int = 5_000, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> Int {
        let employeesByOrganization = Dictionary(grouping: data.employees, by: \.organizationID)
        let usersByEmployee = Dictionary(uniqueKeysWithValues: data.users.map { ($0.employeeID, $0.id) })
        let registrars = Dictionary(
            data.grants.filter { $0.role == .registrar }.map { ($0.organizationID, $0.userID) }, uniquingKeysWith: { first, _ in first })
        let appealJournals = Dictionary(grouping: data.journals.filter { $0.kinds.contains(.appeal) }, by: \.organizationID)
        let offices = data.organizations.compactMap { organization -> DemoDocuments.Office? in
            guard let journals = appealJournals[organization.id], let employees = employeesByOrganization[organization.id],
                let registrar = registrars[organization.id] ?? usersByEmployee[employees[0].id]
            else { return nil }
            return DemoDocuments.Office(organization: organization, journals: journals, employeeIDs: employees.map(\.id), registrarUserID: registrar)
        }
        let paths = Dictionary(uniqueKeysWithValues: data.organizations.map { ($0.id, $0.path) })
        var documents = DemoDocuments(offices: offices, correspondents: [], start: start, seed: 171)
        let topics = try await database.read { try await TopicRepository($0).all() }
        var appeals = DemoAppeals(topics: topics, calendar: calendar)
        var stored = 0
        while stored < count {
            var cards = documents.next(min(batchSize, count - stored))
            guard !cards.isEmpty else { break }
            for index in cards.indices { cards[index].requisites.deliveryMethod = .post }
            let batch = cards.map { appeals.appeal(for: $0) }
            let counters = Dictionary(cards.compactMap { card in card.registration.map { ($0.journalID, $0.sequence) } }, uniquingKeysWith: max)
            let organizations = Dictionary(uniqueKeysWithValues: cards.map { ($0.id, $0.organizationID) })
            try await database.write { db in
                try await DocumentRepository(db).insertBulk(rows: DocumentRepository.bulkRows(cards, paths: paths))
                try await JournalRepository(db).setCounters(counters, numberingYear: cards.last?.registration?.numberingYear ?? 0)
                try await AppealRepository(db).insertBulk(batch, organizations: organizations)
            }
            stored += cards.count
            progress?(stored)
        }
        try await database.write { try await $0.sql.raw("ANALYZE").run() }
        return stored
    }
}
