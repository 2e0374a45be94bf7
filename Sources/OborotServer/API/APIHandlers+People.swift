import Foundation
import OborotAPI
import OborotDomain

extension APIHandlers {
    func listPositions(_ input: Operations.ListPositions.Input) async throws -> Operations.ListPositions.Output {
        let positions = try await services.people.positions(
            try caller(), organizationID: try id(input.path.organizationId, .organization))
        return .ok(.init(body: .json(positions.map(Components.Schemas.Position.init))))
    }

    func createPosition(_ input: Operations.CreatePosition.Input) async throws -> Operations.CreatePosition.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let position = try await services.people.createPosition(
            caller, organizationID: try id(input.path.organizationId, .organization), title: body.title,
            isHead: body.isHead ?? false)
        return .created(.init(body: .json(.init(position))))
    }

    func listEmployees(_ input: Operations.ListEmployees.Input) async throws -> Operations.ListEmployees.Output {
        let employees = try await services.people.employees(
            try caller(), organizationID: try input.query.organizationId.map { try id($0, .organization) },
            text: input.query.q, limit: limit(input.query.limit, default: 100, max: 500))
        return .ok(.init(body: .json(employees.map(Components.Schemas.Employee.init))))
    }

    func getEmployee(_ input: Operations.GetEmployee.Input) async throws -> Operations.GetEmployee.Output {
        let employee = try await services.people.employee(try caller(), id: try id(input.path.employeeId, .employee))
        return .ok(.init(body: .json(.init(employee))))
    }

    func createEmployee(_ input: Operations.CreateEmployee.Input) async throws -> Operations.CreateEmployee.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let draft = EmployeeDraft(
            organizationID: try bodyID(body.organizationId, field: "organizationId"),
            positionID: try body.positionId.nonBlankID(field: "positionId", using: self),
            name: PersonName(surname: body.surname, givenName: body.givenName, patronymic: body.patronymic),
            email: body.email, phone: body.phone)
        return .created(.init(body: .json(.init(try await services.people.createEmployee(caller, draft: draft)))))
    }

    func updateEmployee(_ input: Operations.UpdateEmployee.Input) async throws -> Operations.UpdateEmployee.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        // Absent leaves the position as it is; an empty string clears it.
        var positionChange: UUID?? = nil
        if let text = body.positionId { positionChange = .some(text.isEmpty ? nil : try bodyID(text, field: "positionId")) }
        let employee = try await services.people.updateEmployee(
            caller, id: try id(input.path.employeeId, .employee), expectedVersion: body.version
        ) { draft, active in
            if let positionChange { draft.positionID = positionChange }
            if let surname = body.surname { draft.name.surname = surname }
            if let givenName = body.givenName { draft.name.givenName = givenName }
            if let patronymic = body.patronymic { draft.name.patronymic = patronymic }
            if let email = body.email { draft.email = email }
            if let phone = body.phone { draft.phone = phone }
            if let newActive = body.active { active = newActive }
        }
        return .ok(.init(body: .json(.init(employee))))
    }
}

extension Optional where Wrapped == String {
    /// An optional id field: nil or empty means none; anything else must be a UUID.
    func nonBlankID(field: String, using handlers: APIHandlers) throws -> UUID? {
        guard let self, !self.isEmpty else { return nil }
        return try handlers.bodyID(self, field: field)
    }
}
