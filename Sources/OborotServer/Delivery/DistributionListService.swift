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
            // The same check as a card's addressees: each unknown one is a 422 naming its place in the list.
            _ = try await DocumentReferences.resolve(DocumentRequisites(title: valid.name, addressees: valid.addressees), db: db)
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
}

extension OborotError {
    static let distributionListNotFound = OborotError(
        .notFound, code: "not_found", title: "Список рассылки не найден", detail: "Список рассылки не найден.")
}
