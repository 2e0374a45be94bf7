public import Foundation

/// A head's resolution on a document (requisite 28): the text, the assignments it creates, and the control mark.
///
/// An assistant acting for the head prepares a `draft`; it takes effect — its assignments are issued — only when the
/// head approves it.
public struct Resolution: Sendable, Hashable, Identifiable {
    public enum State: String, Sendable, Hashable, Codable {
        case draft
        case active
        /// Every assignment of a controlled resolution is closed and the control officer removed it from control.
        case closed
        case cancelled
    }

    public let id: UUID
    public let documentID: UUID
    /// The head the resolution speaks for.
    public var authorUserID: UUID
    /// The organisation the head acts in: deadlines are counted in its time zone.
    public var organizationID: UUID
    /// The assistant who prepared a draft, if one did.
    public var preparedByUserID: UUID?
    public var text: String
    /// The resolution's date: deadlines count from it.
    public var date: CalendarDate
    public var state: State
    public var controlled: Bool
    public var controlOfficerUserID: UUID?
    public var controlCategory: ControlCategory?
    /// What the control officer wrote when removing it from control.
    public var controlResult: String?
    public var version: Int

    public init(
        id: UUID, documentID: UUID, authorUserID: UUID, organizationID: UUID, preparedByUserID: UUID?, text: String,
        date: CalendarDate, state: State, controlled: Bool, controlOfficerUserID: UUID?,
        controlCategory: ControlCategory?, controlResult: String? = nil, version: Int = 1
    ) {
        self.id = id
        self.documentID = documentID
        self.authorUserID = authorUserID
        self.organizationID = organizationID
        self.preparedByUserID = preparedByUserID
        self.text = text
        self.date = date
        self.state = state
        self.controlled = controlled
        self.controlOfficerUserID = controlOfficerUserID
        self.controlCategory = controlCategory
        self.controlResult = controlResult
        self.version = version
    }
}

/// The level of control a resolution is under; the governor's and the government's have their own report.
public enum ControlCategory: String, Sendable, Hashable, CaseIterable, Codable {
    case governor
    case government
    case head

    public var russianName: String {
        switch self {
        case .governor: "Контроль Губернатора"
        case .government: "Контроль Правительства"
        case .head: "Контроль руководителя"
        }
    }
}
