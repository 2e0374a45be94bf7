public import OborotDomain

/// The requisites and files of a document sent through МЭДО, whichever generation it came in.
public struct MedoDocument: Sendable, Equatable {
    public var uid: String
    /// «Письмо», «Обращение» (a forwarded citizen's appeal), «Поручение» …
    public var kind: String
    /// The sender's registration number and date.
    public var number: String
    public var date: CalendarDate
    /// The access mark as written (2.x `classification` «ДСП», 2.7.1 «Информация ограниченного распространения»).
    public var classification: String?
    /// The summary («О подготовке к отопительному сезону»).
    public var annotation: String?
    public var pages: Int?
    public var enclosuresPages: Int?
    public var signatories: [MedoParticipant]
    public var addressees: [MedoParticipant]
    public var correspondents: [MedoCorrespondent]
    public var executor: MedoParticipant?
    public var comment: String?
    /// Who the packet is routed to (2.7.1 `deliveryIndex`); empty for older generations.
    public var destinations: [MedoDestination]
    public var files: [MedoFile]

    public init(uid: String, kind: String, number: String, date: CalendarDate, classification: String? = nil,
                annotation: String? = nil, pages: Int? = nil, enclosuresPages: Int? = nil,
                signatories: [MedoParticipant] = [], addressees: [MedoParticipant] = [],
                correspondents: [MedoCorrespondent] = [], executor: MedoParticipant? = nil, comment: String? = nil,
                destinations: [MedoDestination] = [], files: [MedoFile] = []) {
        self.uid = uid
        self.kind = kind
        self.number = number
        self.date = date
        self.classification = classification
        self.annotation = annotation
        self.pages = pages
        self.enclosuresPages = enclosuresPages
        self.signatories = signatories
        self.addressees = addressees
        self.correspondents = correspondents
        self.executor = executor
        self.comment = comment
        self.destinations = destinations
        self.files = files
    }

    /// Whether the document is «для служебного пользования»: any access mark makes it so.
    public var isRestricted: Bool { classification != nil }

    /// The main text (the PDF in 2.7 and later), if the packet has one.
    public var mainFile: MedoFile? { files.first { $0.role == .main } }
}

/// A person or organisation named on a document: a signatory, an addressee, an executor.
public struct MedoParticipant: Sendable, Equatable {
    public var region: String?
    public var organization: String?
    public var person: String?
    public var department: String?
    public var post: String?
    /// For a signatory: the day they signed.
    public var signed: CalendarDate?

    public init(region: String? = nil, organization: String? = nil, person: String? = nil,
                department: String? = nil, post: String? = nil, signed: CalendarDate? = nil) {
        self.region = region
        self.organization = organization
        self.person = person
        self.department = department
        self.post = post
        self.signed = signed
    }
}

/// An earlier correspondent of the document (for an appeal: the body that forwarded it) with their number.
public struct MedoCorrespondent: Sendable, Equatable {
    public var organization: String?
    public var person: String?
    public var number: String?
    public var date: CalendarDate?

    public init(organization: String? = nil, person: String? = nil, number: String? = nil, date: CalendarDate? = nil) {
        self.organization = organization
        self.person = person
        self.number = number
        self.date = date
    }
}

/// A participant the packet is routed to (2.7.1 `deliveryIndex/destination`).
public struct MedoDestination: Sendable, Equatable {
    public var uid: String
    public var organization: String

    public init(uid: String, organization: String) {
        self.uid = uid
        self.organization = organization
    }
}
