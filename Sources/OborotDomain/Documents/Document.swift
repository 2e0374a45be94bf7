public import Foundation

/// A registration card (регистрационно-контрольная карточка) with the requisites of ГОСТ Р 7.0.97-2016.
public struct Document: Sendable, Equatable, Identifiable {
    public var id: UUID
    /// Requisite 05: the organisation the document belongs to (author for its own documents, receiver for incoming).
    public var organizationID: UUID
    public var kind: DocumentKind
    public var directiveForm: DirectiveForm?
    public var state: DocumentState
    public var requisites: DocumentRequisites
    /// Set once the signer has signed (outgoing and organisational documents are numbered only after that).
    public var signedAt: Date?
    public var registration: Registration?
    public var caseFileID: UUID?
    public var cancellationReason: String?
    public var createdByUserID: UUID
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: UUID, organizationID: UUID, kind: DocumentKind, directiveForm: DirectiveForm?, state: DocumentState,
        requisites: DocumentRequisites, signedAt: Date?, registration: Registration?, caseFileID: UUID?,
        cancellationReason: String?, createdByUserID: UUID, createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.directiveForm = directiveForm
        self.state = state
        self.requisites = requisites
        self.signedAt = signedAt
        self.registration = registration
        self.caseFileID = caseFileID
        self.cancellationReason = cancellationReason
        self.createdByUserID = createdByUserID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// The facts the lifecycle needs.
    public var lifecycleFacts: DocumentLifecycle.Facts {
        DocumentLifecycle.Facts(kind: kind, state: state, signed: signedAt != nil)
    }

    /// Requisites 10 and 11: where and under which number the document was registered.
    public struct Registration: Sendable, Equatable {
        public var journalID: UUID
        public var numberingYear: Int
        public var sequence: Int
        public var number: String
        public var date: CalendarDate
        public var registeredByUserID: UUID

        public init(journalID: UUID, numberingYear: Int, sequence: Int, number: String, date: CalendarDate, registeredByUserID: UUID) {
            self.journalID = journalID
            self.numberingYear = numberingYear
            self.sequence = sequence
            self.number = number
            self.date = date
            self.registeredByUserID = registeredByUserID
        }
    }
}

/// Who a document is addressed to (requisite 15): one of our organisations, an outside correspondent, or an
/// employee (for internal documents).
public enum Addressee: Sendable, Hashable {
    case organization(UUID)
    case correspondent(UUID)
    case employee(UUID)

    /// The correspondent, when the addressee is an outside one.
    public var correspondentID: UUID? {
        if case .correspondent(let id) = self { return id }
        return nil
    }
}

/// The requisites a person fills in; which are required depends on the kind (`RequisiteRules`).
public struct DocumentRequisites: Sendable, Equatable {
    /// Requisite 17: the title to the text, a summary of what the document is about.
    public var title: String
    public var correspondentID: UUID?
    /// Requisite 12: the correspondent's own number and date (incoming documents).
    public var correspondentNumber: String?
    public var correspondentDate: CalendarDate?
    public var addressees: [Addressee]
    public var signerEmployeeID: UUID?
    /// Requisite 25: the employee who prepared the document or is to execute it.
    public var executorEmployeeID: UUID?
    public var pages: Int?
    /// Requisite 19: number of appendices.
    public var annexCount: Int?
    public var accessMark: AccessMark
    public var deliveryMethod: DeliveryMethod?
    public var notes: String?

    public init(
        title: String, correspondentID: UUID? = nil, correspondentNumber: String? = nil,
        correspondentDate: CalendarDate? = nil, addressees: [Addressee] = [], signerEmployeeID: UUID? = nil,
        executorEmployeeID: UUID? = nil, pages: Int? = nil, annexCount: Int? = nil, accessMark: AccessMark = .none,
        deliveryMethod: DeliveryMethod? = nil, notes: String? = nil
    ) {
        self.title = title
        self.correspondentID = correspondentID
        self.correspondentNumber = correspondentNumber
        self.correspondentDate = correspondentDate
        self.addressees = addressees
        self.signerEmployeeID = signerEmployeeID
        self.executorEmployeeID = executorEmployeeID
        self.pages = pages
        self.annexCount = annexCount
        self.accessMark = accessMark
        self.deliveryMethod = deliveryMethod
        self.notes = notes
    }
}
