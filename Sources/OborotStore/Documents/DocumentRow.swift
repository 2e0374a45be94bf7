import Foundation
import OborotDomain
import SQLKit

/// The storage shape of a document card (addressees live in their own table).
struct DocumentRow: Codable, Sendable, RowReadable {
    var id: String
    var organizationId: String
    var organizationPath: String
    var kind: String
    var directiveForm: String?
    var state: String
    var title: String
    var searchText: String
    var correspondentId: String?
    var correspondentNumber: String?
    var correspondentDate: String?
    var signerEmployeeId: String?
    var executorEmployeeId: String?
    var pages: Int?
    var annexCount: Int?
    var accessMark: String
    var deliveryMethod: String?
    var notes: String?
    var signedAt: Int64?
    var journalId: String?
    var numberingYear: Int?
    var sequence: Int?
    var registrationNumber: String?
    var registrationDate: String?
    var registeredByUserId: String?
    var caseFileId: String?
    var cancellationReason: String?
    var createdByUserId: String
    var createdAt: Int64
    var updatedAt: Int64
    var version: Int

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        organizationId = try row.decode(column: "organization_id", as: String.self)
        organizationPath = try row.decode(column: "organization_path", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
        directiveForm = try row.decode(column: "directive_form", as: String?.self)
        state = try row.decode(column: "state", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        searchText = try row.decode(column: "search_text", as: String.self)
        correspondentId = try row.decode(column: "correspondent_id", as: String?.self)
        correspondentNumber = try row.decode(column: "correspondent_number", as: String?.self)
        correspondentDate = try row.decode(column: "correspondent_date", as: String?.self)
        signerEmployeeId = try row.decode(column: "signer_employee_id", as: String?.self)
        executorEmployeeId = try row.decode(column: "executor_employee_id", as: String?.self)
        pages = try row.decode(column: "pages", as: Int?.self)
        annexCount = try row.decode(column: "annex_count", as: Int?.self)
        accessMark = try row.decode(column: "access_mark", as: String.self)
        deliveryMethod = try row.decode(column: "delivery_method", as: String?.self)
        notes = try row.decode(column: "notes", as: String?.self)
        signedAt = try row.decode(column: "signed_at", as: Int64?.self)
        journalId = try row.decode(column: "journal_id", as: String?.self)
        numberingYear = try row.decode(column: "numbering_year", as: Int?.self)
        sequence = try row.decode(column: "sequence", as: Int?.self)
        registrationNumber = try row.decode(column: "registration_number", as: String?.self)
        registrationDate = try row.decode(column: "registration_date", as: String?.self)
        registeredByUserId = try row.decode(column: "registered_by_user_id", as: String?.self)
        caseFileId = try row.decode(column: "case_file_id", as: String?.self)
        cancellationReason = try row.decode(column: "cancellation_reason", as: String?.self)
        createdByUserId = try row.decode(column: "created_by_user_id", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
        updatedAt = try row.decode(column: "updated_at", as: Int64.self)
        version = try row.decode(column: "version", as: Int.self)
    }

    init(_ document: Document, organizationPath: OrganizationPath) {
        let requisites = document.requisites
        id = document.id.lowercasedString
        organizationId = document.organizationID.lowercasedString
        self.organizationPath = organizationPath.rawValue
        kind = document.kind.rawValue
        directiveForm = document.directiveForm?.rawValue
        state = document.state.rawValue
        title = requisites.title
        searchText = SearchText.combine(
            document.registration?.number, requisites.title, requisites.correspondentNumber, requisites.notes)
        correspondentId = requisites.correspondentID?.lowercasedString
        correspondentNumber = requisites.correspondentNumber
        correspondentDate = requisites.correspondentDate?.iso
        signerEmployeeId = requisites.signerEmployeeID?.lowercasedString
        executorEmployeeId = requisites.executorEmployeeID?.lowercasedString
        pages = requisites.pages
        annexCount = requisites.annexCount
        accessMark = requisites.accessMark.rawValue
        deliveryMethod = requisites.deliveryMethod?.rawValue
        notes = requisites.notes
        signedAt = document.signedAt?.unixMilliseconds
        journalId = document.registration?.journalID.lowercasedString
        numberingYear = document.registration?.numberingYear
        sequence = document.registration?.sequence
        registrationNumber = document.registration?.number
        registrationDate = document.registration?.date.iso
        registeredByUserId = document.registration?.registeredByUserID.lowercasedString
        caseFileId = document.caseFileID?.lowercasedString
        cancellationReason = document.cancellationReason
        createdByUserId = document.createdByUserID.lowercasedString
        createdAt = document.createdAt.unixMilliseconds
        updatedAt = document.updatedAt.unixMilliseconds
        version = document.version
    }

    /// The columns in the order `bindValues` lists them, for bulk inserts that skip the generic encoder (which
    /// cost a third of the time of loading a million documents).
    static let columns = [
        "id", "organization_id", "organization_path", "kind", "directive_form", "state", "title", "search_text",
        "correspondent_id", "correspondent_number", "correspondent_date", "signer_employee_id", "executor_employee_id",
        "pages", "annex_count", "access_mark", "delivery_method", "notes", "signed_at", "journal_id", "numbering_year",
        "sequence", "registration_number", "registration_date", "registered_by_user_id", "case_file_id",
        "cancellation_reason", "created_by_user_id", "created_at", "updated_at", "version",
    ]

    var bindValues: [any Encodable & Sendable] {
        [
            id, organizationId, organizationPath, kind, directiveForm, state, title, searchText, correspondentId,
            correspondentNumber, correspondentDate, signerEmployeeId, executorEmployeeId, pages, annexCount, accessMark,
            deliveryMethod, notes, signedAt, journalId, numberingYear, sequence, registrationNumber, registrationDate,
            registeredByUserId, caseFileId, cancellationReason, createdByUserId, createdAt, updatedAt, version,
        ]
    }

    /// The same values for the bulk loader, in `columns` order.
    var bulkValues: [BulkValue] {
        [
            .text(id), .text(organizationId), .text(organizationPath), .text(kind), .of(directiveForm), .text(state),
            .text(title), .text(searchText), .of(correspondentId), .of(correspondentNumber), .of(correspondentDate),
            .of(signerEmployeeId), .of(executorEmployeeId), .of(pages), .of(annexCount), .text(accessMark),
            .of(deliveryMethod), .of(notes), .of(signedAt), .of(journalId), .of(numberingYear), .of(sequence),
            .of(registrationNumber), .of(registrationDate), .of(registeredByUserId), .of(caseFileId),
            .of(cancellationReason), .text(createdByUserId), .integer(createdAt), .integer(updatedAt), .of(version),
        ]
    }

    /// `INSERT INTO documents (…) VALUES ` with the column list, written once.
    static let insertPrefix = "INSERT INTO documents (\(columns.joined(separator: ", "))) VALUES "

    /// `UPDATE documents SET a = ?, … ` for every column but the id, in `bindValues` order minus the first.
    static let updateAssignments = columns.dropFirst().map { "\($0) = " }

    func document(addressees: [Addressee]) throws -> Document {
        guard let kind = DocumentKind(rawValue: kind), let state = DocumentState(rawValue: state),
            let accessMark = AccessMark(rawValue: accessMark)
        else { throw CorruptRowError(detail: "document \(id) has an unknown kind, state or access mark") }
        var registration: Document.Registration?
        if let journalId, let numberingYear, let sequence, let registrationNumber, let registrationDate,
            let date = CalendarDate(iso: registrationDate), let registeredByUserId
        {
            registration = Document.Registration(
                journalID: try UUID.stored(journalId), numberingYear: numberingYear, sequence: sequence,
                number: registrationNumber, date: date, registeredByUserID: try UUID.stored(registeredByUserId))
        }
        let requisites = DocumentRequisites(
            title: title, correspondentID: try correspondentId.map(UUID.stored), correspondentNumber: correspondentNumber,
            correspondentDate: correspondentDate.flatMap(CalendarDate.init(iso:)), addressees: addressees,
            signerEmployeeID: try signerEmployeeId.map(UUID.stored),
            executorEmployeeID: try executorEmployeeId.map(UUID.stored), pages: pages, annexCount: annexCount,
            accessMark: accessMark, deliveryMethod: deliveryMethod.flatMap(DeliveryMethod.init(rawValue:)), notes: notes)
        return Document(
            id: try UUID.stored(id), organizationID: try UUID.stored(organizationId), kind: kind,
            directiveForm: directiveForm.flatMap(DirectiveForm.init(rawValue:)), state: state, requisites: requisites,
            signedAt: signedAt.map(Date.init(unixMilliseconds:)), registration: registration,
            caseFileID: try caseFileId.map(UUID.stored), cancellationReason: cancellationReason,
            createdByUserID: try UUID.stored(createdByUserId), createdAt: Date(unixMilliseconds: createdAt),
            updatedAt: Date(unixMilliseconds: updatedAt), version: version)
    }

    func accessFacts(hasExplicitGrant: Bool) throws -> DocumentAccess.Facts {
        DocumentAccess.Facts(
            organizationPath: OrganizationPath(rawValue: organizationPath),
            accessMark: AccessMark(rawValue: accessMark) ?? .restricted, createdByUserID: try UUID.stored(createdByUserId),
            signerEmployeeID: try signerEmployeeId.map(UUID.stored),
            executorEmployeeID: try executorEmployeeId.map(UUID.stored), hasExplicitGrant: hasExplicitGrant,
            state: DocumentState(rawValue: state) ?? .draft)
    }
}

/// The storage shape of one addressee.
struct AddresseeRow: Codable, Sendable {
    var documentId: String
    var position: Int
    var organizationId: String?
    var correspondentId: String?
    var employeeId: String?

    init(documentID: UUID, position: Int, addressee: Addressee) {
        documentId = documentID.lowercasedString
        self.position = position
        switch addressee {
        case .organization(let id): organizationId = id.lowercasedString
        case .correspondent(let id): correspondentId = id.lowercasedString
        case .employee(let id): employeeId = id.lowercasedString
        }
    }

    func addressee() throws -> Addressee {
        if let organizationId { return .organization(try UUID.stored(organizationId)) }
        if let correspondentId { return .correspondent(try UUID.stored(correspondentId)) }
        if let employeeId { return .employee(try UUID.stored(employeeId)) }
        throw CorruptRowError(detail: "addressee \(documentId)/\(position) names nobody")
    }
}
