import Foundation
import Hummingbird
import Mustache
import OborotDomain
import OborotStore

extension WebPages {
    /// The fields of the registration form, as typed (kept on errors so nothing is lost).
    struct RegistrationForm: Decodable {
        var kind: String?
        var organizationId: String?
        var journalId: String?
        var directiveForm: String?
        var correspondent: String?
        var correspondentNumber: String?
        var correspondentDate: String?
        var deliveryMethod: String?
        var addressee: String?
        var signerEmployeeId: String?
        var executorEmployeeId: String?
        var title: String?
        var pages: String?
        var annexCount: String?
        var restricted: String?
        var notes: String?

        init(kind: String) { self.kind = kind }
    }

    struct TransitionForm: Decodable {
        var event: String?
        var version: String?
        var journalId: String?
        var caseFileId: String?
        var reason: String?
    }

    struct FormModel {
        struct Named {
            var id: String
            var name: String
            var selected: Bool
            var signerSelected: Bool = false
            var executorSelected: Bool = false
            var addresseeSelected: Bool = false
            var template: String = ""
        }

        struct Values {
            var correspondent: String
            var correspondentNumber: String
            var correspondentDate: String
            var title: String
            var pages: String
            var annexCount: String
            var restricted: Bool
            var notes: String
        }

        var heading: String
        var kind: String
        var submitTitle: String
        var registerNow: Bool
        var isIncoming: Bool
        var isDirective: Bool
        var needsAddressees: Bool
        var needsSigner: Bool
        var formOrder: Bool
        var formDisposition: Bool
        var formDecree: Bool
        var organizations: [Named]
        var journals: [Named]
        var employees: [Named]
        var correspondents: [Named]
        var addresseeOrganizations: [Named]
        var deliveryMethods: [Option]
        var values: Values
        var today: String
        var error: String?
        var problems: [FormProblem]
        var hasProblems: Bool
        var invalid: [String: Bool]
    }

    /// A problem as the form shows it: linked to the control it is about.
    struct FormProblem: Encodable {
        var control: String
        var message: String
    }

    /// The API names a requisite by its field (`correspondentId`); the form asks for it with a differently named
    /// control, and the error list must link to that control.
    static func formControl(forField field: String) -> String {
        switch field {
        case "correspondentId": "correspondent"
        case "addressees": "addressee"
        default: field
        }
    }

    /// The caller's own organisation first, then each organisation where they hold one of `roles`: the choices of a
    /// form's «Организация».
    static func organizationIDs(of actor: Actor, holding roles: [Role]) -> [UUID] {
        var ids = [actor.principal.organizationID]
        for path in roles.flatMap(actor.scopes(for:)) {
            if let id = path.ids.last, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Kinds registered the moment the card is filled in; the others start as drafts to be signed.
    static func registersImmediately(_ kind: DocumentKind) -> Bool { !kind.numberedAfterSigning }

    func registrationForm(
        _ caller: Caller, kind: DocumentKind, values: RegistrationForm, error: OborotError?
    ) async throws -> Response {
        let actor = caller.actor
        let organizationIDs = Self.organizationIDs(of: actor, holding: [.registrar, .head])
        let chosen = values.organizationId.flatMap(UUID.init(uuidString:)) ?? organizationIDs[0]
        let organizations = try await services.database.read { try await OrganizationRepository($0).findMany(organizationIDs) }
        let journals = try await services.registry.journals(caller, organizationID: chosen).map(\.0).filter { $0.kinds.contains(kind) }
        let employees = try await services.people.employees(caller, organizationID: chosen, text: nil, limit: 500).filter(\.active)
        let correspondents = try await services.registry.correspondents(caller, text: nil, limit: 300)
        let siblings = try await services.organizations.search(caller, text: "", within: nil, kind: nil, limit: 200)
        let head = try await services.people.positions(caller, organizationID: chosen).first(where: \.isHead)
        let headEmployee = employees.first { $0.positionID == head?.id }
        let registerNow = Self.registersImmediately(kind)
        let form = DirectiveForm(rawValue: values.directiveForm ?? "") ?? .order
        let model = FormModel(
            heading: registerNow ? "Регистрация: \(kind.russianName.lowercased())" : "Новый документ: \(kind.russianName.lowercased())",
            kind: kind.rawValue, submitTitle: registerNow ? "Зарегистрировать" : "Создать проект",
            registerNow: registerNow, isIncoming: kind == .incoming || kind == .appeal, isDirective: kind == .directive,
            needsAddressees: kind == .outgoing || kind == .internal, needsSigner: kind != .incoming && kind != .appeal,
            formOrder: form == .order, formDisposition: form == .disposition, formDecree: form == .decree,
            organizations: organizations.map { .init(id: $0.id.lowercasedString, name: $0.shortName, selected: $0.id == chosen) },
            journals: journals.map {
                .init(id: $0.id.lowercasedString, name: $0.name, selected: $0.id.lowercasedString == values.journalId, template: $0.template.text)
            },
            employees: employees.map { employee in
                let id = employee.id.lowercasedString
                return .init(
                    id: id, name: employee.name.withInitials, selected: false,
                    signerSelected: values.signerEmployeeId.map { $0 == id } ?? (employee.id == headEmployee?.id),
                    executorSelected: values.executorEmployeeId == id, addresseeSelected: values.addressee == "emp:\(id)")
            },
            correspondents: correspondents.map {
                .init(id: $0.id.lowercasedString, name: $0.name, selected: values.addressee == "cor:\($0.id.lowercasedString)")
            },
            addresseeOrganizations: siblings.map {
                .init(id: $0.organization.id.lowercasedString, name: $0.organization.shortName, selected: values.addressee == "org:\($0.organization.id.lowercasedString)")
            },
            deliveryMethods: DeliveryMethod.allCases.map {
                Option(value: $0.rawValue, title: $0.russianName, selected: $0.rawValue == (values.deliveryMethod ?? DeliveryMethod.post.rawValue))
            },
            values: .init(
                correspondent: values.correspondent ?? "", correspondentNumber: values.correspondentNumber ?? "",
                correspondentDate: values.correspondentDate ?? "", title: values.title ?? "", pages: values.pages ?? "",
                annexCount: values.annexCount ?? "", restricted: values.restricted == "1", notes: values.notes ?? ""),
            today: CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone)!).iso,
            error: error?.title,
            problems: (error?.fieldProblems ?? []).map { FormProblem(control: Self.formControl(forField: $0.field), message: $0.message) },
            hasProblems: !(error?.fieldProblems.isEmpty ?? true),
            invalid: Dictionary((error?.fieldProblems ?? []).map { (Self.formControl(forField: $0.field), true) }, uniquingKeysWith: { $0 || $1 }))
        return page(
            "document-new", title: model.heading, model: model, caller: caller, path: "/documents",
            status: error.map { $0.kind.status } ?? .ok)
    }

    /// Creates (and for incoming and internal documents registers) the card from the form.
    func register(_ caller: Caller, form: RegistrationForm) async throws -> Response {
        let kind = form.kind.flatMap(DocumentKind.init(rawValue:)) ?? .incoming
        do {
            guard let organizationID = form.organizationId.flatMap(UUID.init(uuidString:)) else {
                throw OborotError.malformedBody(field: "organizationId", reason: WebTexts.unreadableForm)
            }
            var requisites = DocumentRequisites(title: form.title ?? "")
            if let name = form.correspondent.nonBlank {
                requisites.correspondentID = try await services.registry.findOrCreateCorrespondent(
                    caller, kind: .organization, name: name, inn: nil, address: nil, email: nil, phone: nil
                ).0.id
            }
            requisites.correspondentNumber = form.correspondentNumber
            requisites.correspondentDate = try form.correspondentDate.nonBlank.map { text in
                guard let date = CalendarDate(iso: text) else {
                    throw OborotError.validation([FieldProblem(field: "correspondentDate", code: "invalid_date", message: "Дата указана неверно.")])
                }
                return date
            }
            requisites.deliveryMethod = (kind == .incoming || kind == .appeal) ? form.deliveryMethod.flatMap(DeliveryMethod.init(rawValue:)) : nil
            requisites.addressees = form.addressee.nonBlank.flatMap(Self.addressee).map { [$0] } ?? []
            requisites.signerEmployeeID = kind == .incoming || kind == .appeal ? nil : form.signerEmployeeId.flatMap(UUID.init(uuidString:))
            requisites.executorEmployeeID = form.executorEmployeeId.flatMap(UUID.init(uuidString:))
            requisites.pages = form.pages.nonBlank.flatMap { Int($0) }
            requisites.annexCount = form.annexCount.nonBlank.flatMap { Int($0) }
            requisites.accessMark = form.restricted == "1" ? .restricted : .none
            requisites.notes = form.notes
            let registerIn = Self.registersImmediately(kind) ? form.journalId.flatMap(UUID.init(uuidString:)) : nil
            if Self.registersImmediately(kind), registerIn == nil { throw OborotError.journalRequired }
            let document = try await services.documents.create(
                caller,
                .init(
                    organizationID: organizationID, kind: kind,
                    directiveForm: kind == .directive ? form.directiveForm.flatMap(DirectiveForm.init(rawValue:)) : nil,
                    requisites: requisites, registerIn: registerIn, caseFileID: nil))
            return WebRedirect(location: "/documents/\(document.document.id.lowercasedString)\(registerIn == nil ? "" : "?registered=1")").response
        } catch let error as OborotError where error.kind == .unprocessable || error.kind == .badRequest || error.kind == .conflict {
            return try await registrationForm(caller, kind: kind, values: form, error: error)
        }
    }

    /// `org:<id>`, `cor:<id>` or `emp:<id>` from the addressee select.
    static func addressee(_ value: String) -> Addressee? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        switch parts[0] {
        case "org": return .organization(id)
        case "cor": return .correspondent(id)
        case "emp": return .employee(id)
        default: return nil
        }
    }
}
