import Foundation
import OborotDomain
import OborotStore

/// Distribution lists of an organisation.
///
/// | action | policy |
/// |---|---|
/// | see the lists, apply one to a letter | anyone drafting in the organisation (`DocumentAccess.createsDrafts`); applying edits the card (`canEdit`) |
/// | create, delete | the organisation's registrars |
struct DistributionListService: Sendable {
    let database: any Database
    let documents: DocumentService

    func lists(_ caller: Caller, organizationID: UUID) async throws -> [DistributionList] {
        try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(DocumentAccess.createsDrafts(in: organization.path))
            return try await DistributionListRepository(db).list(organizationID: organizationID)
        }
    }

    func create(_ caller: Caller, organizationID: UUID, name: String?, addressees: [Addressee]) async throws -> DistributionList {
        let valid = try DistributionListRules.validate(name: name, addressees: addressees).get()
        return try await database.write { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(DocumentAccess.registers(organization.path))
            let repository = DistributionListRepository(db)
            if try await repository.exists(organizationID: organizationID, name: valid.name) {
                throw OborotError.distributionListExists(valid.name)
            }
            try await Self.checkExist(valid.addressees, db: db)
            let list = DistributionList(id: UUID(), organizationID: organizationID, name: valid.name, addressees: valid.addressees)
            try await repository.insert(list, createdBy: caller.actor.principal.userID)
            try await AuditLog(db).append(
                caller.audit("distribution_list.create", .organization, organizationID, "Список рассылки «\(list.name)»: адресатов — \(list.addressees.count)"))
            return list
        }
    }

    func delete(_ caller: Caller, listID: UUID) async throws {
        try await database.write { db in
            let repository = DistributionListRepository(db)
            guard let list = try await repository.find(listID) else { throw OborotError.distributionListNotFound }
            let organization = try await OrganizationRepository(db).get(list.organizationID)
            try caller.actor.require(DocumentAccess.registers(organization.path))
            try await repository.delete(listID)
            try await AuditLog(db).append(caller.audit("distribution_list.delete", .organization, list.organizationID, "Удалён список рассылки «\(list.name)»"))
        }
    }

    /// Adds a list of the card's organisation to the card's addressees (each once), as an edit with `expectedVersion`.
    func apply(_ caller: Caller, listID: UUID, documentID: UUID, expectedVersion: Int) async throws -> Document {
        let list = try await database.read { db -> DistributionList in
            guard let list = try await DistributionListRepository(db).find(listID) else { throw OborotError.distributionListNotFound }
            let document = try await DocumentRepository(db).visible(documentID, to: caller.actor).document
            guard list.organizationID == document.organizationID else { throw OborotError.distributionListNotFound }
            return list
        }
        return try await documents.update(caller, id: documentID, expectedVersion: expectedVersion) { requisites, _ in
            requisites.addressees = DistributionListRules.apply(list, to: requisites.addressees)
        }
    }

    /// Every addressee names an organisation or correspondent that exists: a 422, not a foreign-key failure.
    static func checkExist(_ addressees: [Addressee], db: DatabaseHandle) async throws {
        var organizations: [UUID] = []
        var correspondents: [UUID] = []
        for addressee in addressees {
            switch addressee {
            case .organization(let id): organizations.append(id)
            case .correspondent(let id): correspondents.append(id)
            case .employee: break
            }
        }
        let found = try await OrganizationRepository(db).findMany(organizations).count + CorrespondentRepository(db).findMany(correspondents).count
        guard found == organizations.count + correspondents.count else {
            throw OborotError.validation([
                FieldProblem(field: "addressees", code: "unknown_addressee", message: "Некоторые адресаты не найдены в справочниках.")
            ])
        }
    }
}

extension OborotError {
    static let distributionListNotFound = OborotError(
        .notFound, code: "not_found", title: "Список рассылки не найден", detail: "Список рассылки не найден.")
}
