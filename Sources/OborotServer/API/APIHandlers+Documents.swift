import Foundation
import OborotAPI
import OborotDomain
import OborotStore
import OpenAPIRuntime

extension APIHandlers {
    // MARK: Registries

    func listJournals(_ input: Operations.ListJournals.Input) async throws -> Operations.ListJournals.Output {
        let journals = try await services.registry.journals(try caller(), organizationID: try id(input.path.organizationId, .organization))
        return .ok(.init(body: .json(journals.map { Components.Schemas.Journal($0.0, lastNumber: $0.lastNumber) })))
    }

    func createJournal(_ input: Operations.CreateJournal.Input) async throws -> Operations.CreateJournal.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let journal = try await services.registry.createJournal(
            caller, organizationID: try id(input.path.organizationId, .organization), name: body.name, code: body.code,
            template: body.numberTemplate, kinds: Set(body.kinds.map(\.domain)), restartsYearly: body.restartsYearly ?? true,
            defaultCaseIndex: body.defaultCaseIndex)
        return .created(.init(body: .json(.init(journal, lastNumber: 0))))
    }

    func listCaseFiles(_ input: Operations.ListCaseFiles.Input) async throws -> Operations.ListCaseFiles.Output {
        let cases = try await services.registry.caseFiles(
            try caller(), organizationID: try id(input.path.organizationId, .organization), year: input.query.year)
        return .ok(.init(body: .json(cases.map { Components.Schemas.CaseFile($0.0, documents: $0.documents) })))
    }

    func createCaseFile(_ input: Operations.CreateCaseFile.Input) async throws -> Operations.CreateCaseFile.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let caseFile = try await services.registry.createCaseFile(
            caller, organizationID: try id(input.path.organizationId, .organization), year: body.year, index: body.index,
            title: body.title, retentionYears: body.retentionYears)
        return .created(.init(body: .json(.init(caseFile, documents: 0))))
    }

    func getCaseFileInventory(_ input: Operations.GetCaseFileInventory.Input) async throws -> Operations.GetCaseFileInventory.Output {
        let (caseFile, count, items) = try await services.registry.inventory(try caller(), caseFileID: try id(input.path.caseFileId, .caseFile))
        return .ok(.init(body: .json(.init(caseFile: .init(caseFile, documents: count), documents: items.map(Components.Schemas.DocumentListItem.init)))))
    }

    func listCorrespondents(_ input: Operations.ListCorrespondents.Input) async throws -> Operations.ListCorrespondents.Output {
        let found = try await services.registry.correspondents(
            try caller(), text: input.query.q, limit: limit(input.query.limit, default: 20, max: 100))
        return .ok(.init(body: .json(found.map(Components.Schemas.Correspondent.init))))
    }

    func createCorrespondent(_ input: Operations.CreateCorrespondent.Input) async throws -> Operations.CreateCorrespondent.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let (correspondent, created) = try await services.registry.findOrCreateCorrespondent(
            caller, kind: Correspondent.Kind(rawValue: body.kind.rawValue) ?? .organization, name: body.name, inn: body.inn,
            address: body.address, email: body.email, phone: body.phone)
        return created ? .created(.init(body: .json(.init(correspondent)))) : .ok(.init(body: .json(.init(correspondent))))
    }

    // MARK: Documents

    func createDocument(_ input: Operations.CreateDocument.Input) async throws -> Operations.CreateDocument.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let requisites = DocumentRequisites(
            title: body.title, correspondentID: try body.correspondentId.nonBlankID(field: "correspondentId", using: self),
            correspondentNumber: body.correspondentNumber, correspondentDate: try date(body.correspondentDate, field: "correspondentDate"),
            addressees: try addressees(body.addressees ?? []),
            signerEmployeeID: try body.signerEmployeeId.nonBlankID(field: "signerEmployeeId", using: self),
            executorEmployeeID: try body.executorEmployeeId.nonBlankID(field: "executorEmployeeId", using: self),
            pages: body.pages, annexCount: body.annexCount, accessMark: body.accessMark.map { AccessMark(rawValue: $0.rawValue)! } ?? .none,
            deliveryMethod: body.deliveryMethod.flatMap { DeliveryMethod(rawValue: $0.rawValue) }, notes: body.notes)
        let details = try await services.documents.create(
            caller,
            .init(
                organizationID: try bodyID(body.organizationId, field: "organizationId"),
                kind: DocumentKind(rawValue: body.kind.rawValue)!,
                directiveForm: body.directiveForm.flatMap { DirectiveForm(rawValue: $0.rawValue) }, requisites: requisites,
                registerIn: try body.registerIn.nonBlankID(field: "registerIn", using: self),
                caseFileID: try body.caseFileId.nonBlankID(field: "caseFileId", using: self)))
        return .created(.init(body: .json(.init(details))))
    }

    func getDocument(_ input: Operations.GetDocument.Input) async throws -> Operations.GetDocument.Output {
        let caller = try caller()
        let details = try await services.documents.details(caller, id: try id(input.path.documentId, .document))
        try await services.documents.recordRestrictedView(caller, details: details)
        return .ok(.init(body: .json(.init(details))))
    }

    func updateDocument(_ input: Operations.UpdateDocument.Input) async throws -> Operations.UpdateDocument.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let correspondent = try body.correspondentId.map { try $0.isEmpty ? nil : bodyID($0, field: "correspondentId") }
        let signer = try body.signerEmployeeId.map { try $0.isEmpty ? nil : bodyID($0, field: "signerEmployeeId") }
        let executor = try body.executorEmployeeId.map { try $0.isEmpty ? nil : bodyID($0, field: "executorEmployeeId") }
        let correspondentDate = try body.correspondentDate.map { try $0.isEmpty ? nil : date($0, field: "correspondentDate") }
        let addressees = try body.addressees.map(addressees)
        let delivery = try body.deliveryMethod.map { text -> DeliveryMethod? in
            guard !text.isEmpty else { return nil }
            guard let method = DeliveryMethod(rawValue: text) else { throw OborotError.malformedBody(field: "deliveryMethod", reason: ErrorTexts.wrongValue("deliveryMethod")) }
            return method
        }
        let form = try body.directiveForm.map { text -> DirectiveForm? in
            guard !text.isEmpty else { return nil }
            guard let form = DirectiveForm(rawValue: text) else { throw OborotError.malformedBody(field: "directiveForm", reason: ErrorTexts.wrongValue("directiveForm")) }
            return form
        }
        let mark = body.accessMark.map { AccessMark(rawValue: $0.rawValue)! }
        let document = try await services.documents.update(
            caller, id: try id(input.path.documentId, .document), expectedVersion: body.version
        ) { requisites, directiveForm in
            if let title = body.title { requisites.title = title }
            if let correspondent { requisites.correspondentID = correspondent }
            if let number = body.correspondentNumber { requisites.correspondentNumber = number }
            if let correspondentDate { requisites.correspondentDate = correspondentDate }
            if let addressees { requisites.addressees = addressees }
            if let signer { requisites.signerEmployeeID = signer }
            if let executor { requisites.executorEmployeeID = executor }
            if let pages = body.pages { requisites.pages = pages }
            if let annexes = body.annexCount { requisites.annexCount = annexes }
            if let mark { requisites.accessMark = mark }
            if let delivery { requisites.deliveryMethod = delivery }
            if let notes = body.notes { requisites.notes = notes }
            if let form { directiveForm = form }
        }
        return .ok(.init(body: .json(.init(try await services.documents.details(caller, id: document.id)))))
    }

    func transitionDocument(_ input: Operations.TransitionDocument.Input) async throws -> Operations.TransitionDocument.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let document = try await services.documents.transition(
            caller, id: try id(input.path.documentId, .document), expectedVersion: body.version,
            event: DocumentEvent(rawValue: body.event.rawValue)!,
            input: .init(
                journalID: try body.journalId.nonBlankID(field: "journalId", using: self),
                caseFileID: try body.caseFileId.nonBlankID(field: "caseFileId", using: self), reason: body.reason))
        return .ok(.init(body: .json(.init(try await services.documents.details(caller, id: document.id)))))
    }

    func getDocumentHistory(_ input: Operations.GetDocumentHistory.Input) async throws -> Operations.GetDocumentHistory.Output {
        let events = try await services.documents.history(try caller(), id: try id(input.path.documentId, .document))
        return .ok(.init(body: .json(events.map(Components.Schemas.AuditEvent.init))))
    }

    func createDocumentLink(_ input: Operations.CreateDocumentLink.Input) async throws -> Operations.CreateDocumentLink.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let view = try await services.documents.link(
            caller, from: try id(input.path.documentId, .document), to: try bodyID(body.toDocumentId, field: "toDocumentId"),
            kind: DocumentLinkKind(rawValue: body.kind.rawValue)!)
        return .created(.init(body: .json(.init(view))))
    }

    func deleteDocumentLink(_ input: Operations.DeleteDocumentLink.Input) async throws -> Operations.DeleteDocumentLink.Output {
        try await services.documents.unlink(
            try caller(), documentID: try id(input.path.documentId, .document), linkID: try id(input.path.linkId, .documentLink))
        return .noContent(.init())
    }

    func grantDocumentAccess(_ input: Operations.GrantDocumentAccess.Input) async throws -> Operations.GrantDocumentAccess.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        try await services.documents.grantAccess(
            caller, documentID: try id(input.path.documentId, .document), userID: try bodyID(body.userId, field: "userId"))
        return .noContent(.init())
    }

    func revokeDocumentAccess(_ input: Operations.RevokeDocumentAccess.Input) async throws -> Operations.RevokeDocumentAccess.Output {
        try await services.documents.revokeAccess(
            try caller(), documentID: try id(input.path.documentId, .document), userID: try id(input.path.userId, .user))
        return .noContent(.init())
    }

    // MARK: Lists

    func listDocuments(_ input: Operations.ListDocuments.Input) async throws -> Operations.ListDocuments.Output {
        let caller = try caller()
        let query = input.query
        let filter = try await documentFilter(
            kind: query.kind, state: query.state, journalId: query.journalId, year: query.year, organizationId: query.organizationId,
            from: query.from, to: query.to, correspondentId: query.correspondentId, accessMark: query.accessMark,
            caseFileId: query.caseFileId, q: query.q)
        let order = try DocumentCursor.order(cursor: query.cursor, registerOrder: filter.journalID != nil)
        let size = limit(query.limit, default: 50, max: 200)
        let items = try await services.documents.list(caller, filter: filter, order: order, limit: size + 1)
        let page = Array(items.prefix(size))
        let next = items.count > size ? page.last.map { DocumentCursor.encode(after: $0, order: order) } : nil
        return .ok(.init(body: .json(.init(items: page.map(Components.Schemas.DocumentListItem.init), nextCursor: next))))
    }

    func exportDocuments(_ input: Operations.ExportDocuments.Input) async throws -> Operations.ExportDocuments.Output {
        let caller = try caller()
        let query = input.query
        let filter = try await documentFilter(
            kind: query.kind, state: query.state, journalId: query.journalId, year: query.year, organizationId: query.organizationId,
            from: query.from, to: query.to, correspondentId: query.correspondentId, accessMark: query.accessMark,
            caseFileId: query.caseFileId, q: query.q)
        let stream = DocumentExport.csv(services.documents, caller: caller, filter: filter)
        return .ok(.init(body: .csv(HTTPBody(stream, length: .unknown, iterationBehavior: .single))))
    }

    // MARK: Parsing helpers

    func date(_ text: String?, field: String) throws -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw OborotError.validation([FieldProblem(field: field, code: "invalid_date", message: "Дата указывается как ГГГГ-ММ-ДД.")])
        }
        return date
    }

    func addressees(_ references: [Components.Schemas.AddresseeRef]) throws -> [Addressee] {
        try references.enumerated().map { index, reference in
            let field = "addressees[\(index)]"
            let given = [reference.organizationId, reference.correspondentId, reference.employeeId].compactMap { $0 }
            guard given.count == 1 else {
                throw OborotError.validation([FieldProblem(field: field, code: "ambiguous", message: "Адресат: укажите ровно одно — организацию, корреспондента или сотрудника.")])
            }
            if let id = reference.organizationId { return .organization(try bodyID(id, field: field)) }
            if let id = reference.correspondentId { return .correspondent(try bodyID(id, field: field)) }
            return .employee(try bodyID(given[0], field: field))
        }
    }

    func documentFilter(
        kind: Components.Schemas.DocumentKind?, state: Components.Schemas.DocumentState?, journalId: String?, year: Int?,
        organizationId: String?, from: String?, to: String?, correspondentId: String?,
        accessMark: Components.Schemas.AccessMark?, caseFileId: String?, q: String?
    ) async throws -> DocumentFilter {
        var filter = DocumentFilter()
        if let kind { filter.kinds = [DocumentKind(rawValue: kind.rawValue)!] }
        if let state { filter.states = [DocumentState(rawValue: state.rawValue)!] }
        filter.journalID = try journalId.nonBlankID(field: "journalId", using: self)
        filter.numberingYear = year
        if let organizationId = try organizationId.nonBlankID(field: "organizationId", using: self) {
            filter.organizationScope = try await services.organizations.details(try caller(), id: organizationId).organization.path
        }
        filter.registeredFrom = try date(from, field: "from")
        filter.registeredTo = try date(to, field: "to")
        filter.correspondentID = try correspondentId.nonBlankID(field: "correspondentId", using: self)
        filter.accessMark = accessMark.map { AccessMark(rawValue: $0.rawValue)! }
        filter.caseFileID = try caseFileId.nonBlankID(field: "caseFileId", using: self)
        filter.text = q
        return filter
    }
}
