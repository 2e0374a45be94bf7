public import Foundation

/// One addressee's copy of a document sent inside the region: the sender's card, and the incoming card that
/// appeared in the addressee's organisation ready for registration.
public struct Delivery: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var sentDocumentID: UUID
    public var senderOrganizationID: UUID
    public var recipientOrganizationID: UUID
    /// The incoming card in the recipient organisation.
    public var incomingDocumentID: UUID
    public var refusal: Refusal?
    /// The incoming card, in the sender's organisation, of the answer the recipient sent back.
    public var answerDocumentID: UUID?
    public var sentByUserID: UUID
    public var sentAt: Date

    public struct Refusal: Sendable, Equatable {
        public var reason: String
        public var byUserID: UUID
        public var at: Date

        public init(reason: String, byUserID: UUID, at: Date) {
            self.reason = reason
            self.byUserID = byUserID
            self.at = at
        }
    }

    public init(
        id: UUID, sentDocumentID: UUID, senderOrganizationID: UUID, recipientOrganizationID: UUID, incomingDocumentID: UUID,
        refusal: Refusal? = nil, answerDocumentID: UUID? = nil, sentByUserID: UUID, sentAt: Date
    ) {
        self.id = id
        self.sentDocumentID = sentDocumentID
        self.senderOrganizationID = senderOrganizationID
        self.recipientOrganizationID = recipientOrganizationID
        self.incomingDocumentID = incomingDocumentID
        self.refusal = refusal
        self.answerDocumentID = answerDocumentID
        self.sentByUserID = sentByUserID
        self.sentAt = sentAt
    }
}

/// Where a delivered copy stands, as the sender sees it; raw values are the stable API codes.
public enum DeliveryStatus: String, Sendable, CaseIterable, Codable {
    /// The incoming card waits for the recipient's registrar.
    case delivered
    case registered
    case refused
    /// The recipient's head issued a resolution with assignments on it.
    case assignmentCreated
    /// The recipient's answer has arrived.
    case answered

    public var russianName: String {
        switch self {
        case .delivered: "Доставлен"
        case .registered: "Зарегистрирован"
        case .refused: "Отказано в регистрации"
        case .assignmentCreated: "Назначено исполнение"
        case .answered: "Получен ответ"
        }
    }

    /// What the status depends on: the delivery and the recipient's incoming card.
    public struct Facts: Sendable, Equatable {
        public var refused: Bool
        public var incomingState: DocumentState
        public var registeredNumber: String?
        public var hasAssignments: Bool
        public var answered: Bool

        public init(refused: Bool, incomingState: DocumentState, registeredNumber: String?, hasAssignments: Bool, answered: Bool) {
            self.refused = refused
            self.incomingState = incomingState
            self.registeredNumber = registeredNumber
            self.hasAssignments = hasAssignments
            self.answered = answered
        }
    }

    /// The furthest step the copy has reached: an answer outranks the assignment, which outranks the number.
    public static func of(_ facts: Facts) -> DeliveryStatus {
        if facts.refused { return .refused }
        if facts.answered { return .answered }
        if facts.hasAssignments { return .assignmentCreated }
        if facts.registeredNumber != nil, facts.incomingState != .draft { return .registered }
        return .delivered
    }
}
