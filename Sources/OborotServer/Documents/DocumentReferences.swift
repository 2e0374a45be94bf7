import Foundation
import OborotDomain
import OborotStore

/// Checks that the people, organisations and correspondents a card names exist, before it is stored.
struct DocumentReferences {
    let db: DatabaseHandle

    func check(_ requisites: DocumentRequisites, organization: Organization) async throws {
        var problems: [FieldProblem] = []
        if let id = requisites.correspondentID, try await CorrespondentRepository(db).find(id) == nil {
            problems.append(FieldProblem(field: "correspondentId", code: "unknown", message: DocumentTexts.unknownCorrespondent))
        }
        for (field, id) in [("signerEmployeeId", requisites.signerEmployeeID), ("executorEmployeeId", requisites.executorEmployeeID)] {
            guard let id else { continue }
            let employee = try await EmployeeRepository(db).find(id)
            if employee == nil || employee?.active == false {
                problems.append(FieldProblem(field: field, code: "unknown", message: DocumentTexts.unknownEmployee))
            }
        }
        for (index, addressee) in requisites.addressees.enumerated() {
            let exists: Bool
            switch addressee {
            case .organization(let id): exists = try await OrganizationRepository(db).find(id) != nil
            case .correspondent(let id): exists = try await CorrespondentRepository(db).find(id) != nil
            case .employee(let id): exists = try await EmployeeRepository(db).find(id) != nil
            }
            if !exists {
                problems.append(FieldProblem(field: "addressees[\(index)]", code: "unknown", message: DocumentTexts.unknownAddressee))
            }
        }
        try OborotError.throwIfInvalid(problems)
    }
}
