import Foundation
import OborotDomain
import OborotStore
import SQLKit

/// The people, organisations and correspondents a card names: checked to exist before the card is stored, and
/// their names kept for the card's answer. At most three queries, whatever the number of addressees.
struct DocumentReferences: Sendable {
    var correspondent: Correspondent?
    var employees: [UUID: Employee] = [:]
    var organizationNames: [UUID: String] = [:]
    var correspondentNames: [UUID: String] = [:]

    /// Loads everything `requisites` refers to, or throws `422` naming each field that points at nothing.
    static func resolve(_ requisites: DocumentRequisites, db: DatabaseHandle) async throws -> DocumentReferences {
        var correspondentIDs = Set<UUID>()
        var employeeIDs = Set<UUID>()
        var organizationIDs = Set<UUID>()
        if let id = requisites.correspondentID { correspondentIDs.insert(id) }
        for id in [requisites.signerEmployeeID, requisites.executorEmployeeID].compactMap({ $0 }) { employeeIDs.insert(id) }
        for addressee in requisites.addressees {
            switch addressee {
            case .organization(let id): organizationIDs.insert(id)
            case .correspondent(let id): correspondentIDs.insert(id)
            case .employee(let id): employeeIDs.insert(id)
            }
        }
        var references = DocumentReferences()
        if !correspondentIDs.isEmpty {
            for correspondent in try await CorrespondentRepository(db).findMany(Array(correspondentIDs)) {
                references.correspondentNames[correspondent.id] = correspondent.name
                if correspondent.id == requisites.correspondentID { references.correspondent = correspondent }
            }
        }
        if !employeeIDs.isEmpty {
            for employee in try await EmployeeRepository(db).findMany(Array(employeeIDs)) {
                references.employees[employee.id] = employee
            }
        }
        if !organizationIDs.isEmpty {
            for organization in try await OrganizationRepository(db).findMany(Array(organizationIDs)) {
                references.organizationNames[organization.id] = organization.shortName
            }
        }
        try OborotError.throwIfInvalid(references.problems(requisites))
        return references
    }

    private func problems(_ requisites: DocumentRequisites) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let id = requisites.correspondentID, correspondent?.id != id {
            problems.append(FieldProblem(field: "correspondentId", code: "unknown", message: DocumentTexts.unknownCorrespondent))
        }
        for (field, id) in [("signerEmployeeId", requisites.signerEmployeeID), ("executorEmployeeId", requisites.executorEmployeeID)] {
            guard let id else { continue }
            if employees[id]?.active != true {
                problems.append(FieldProblem(field: field, code: "unknown", message: DocumentTexts.unknownEmployee))
            }
        }
        for (index, addressee) in requisites.addressees.enumerated() where name(of: addressee) == nil {
            problems.append(FieldProblem(field: "addressees[\(index)]", code: "unknown", message: DocumentTexts.unknownAddressee))
        }
        return problems
    }

    /// The name an addressee is shown under, or nil when it does not exist.
    func name(of addressee: Addressee) -> String? {
        switch addressee {
        case .organization(let id): organizationNames[id]
        case .correspondent(let id): correspondentNames[id]
        case .employee(let id): employees[id]?.name.withInitials
        }
    }
}
