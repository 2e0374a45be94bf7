public import Foundation

/// A citizen's booking of a reception slot («запись на личный приём»).
public struct ReceptionBooking: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var scheduleID: UUID
    public var date: CalendarDate
    /// The slot's start, minutes from midnight; with `date` it names the slot.
    public var startMinute: Int
    public var visitor: Applicant
    /// The question in a few words, for the official's preparation.
    public var question: String
    /// A rough classification at booking; any level of the classifier (the card codes the questions exactly).
    public var topicCode: TopicCode?
    /// The right to a first-priority reception (ст. 13 ч. 7), if the visitor has one.
    public var priority: ReceptionPriority?
    /// The document that gives the right, or the category of the region's law for `.other`.
    public var priorityNote: String?
    public var state: ReceptionBookingState

    public init(
        id: UUID, scheduleID: UUID, date: CalendarDate, startMinute: Int, visitor: Applicant, question: String,
        topicCode: TopicCode? = nil, priority: ReceptionPriority? = nil, priorityNote: String? = nil,
        state: ReceptionBookingState = .booked
    ) {
        self.id = id
        self.scheduleID = scheduleID
        self.date = date
        self.startMinute = startMinute
        self.visitor = visitor
        self.question = question
        self.topicCode = topicCode
        self.priority = priority
        self.priorityNote = priorityNote
        self.state = state
    }

    public var start: ReceptionMoment { ReceptionMoment(date: date, minute: startMinute) }
    /// Holds its slot: booked and not yet settled.
    public var isActive: Bool { state == .booked }
}

/// Where a booking is; raw values are API codes.
public enum ReceptionBookingState: String, Sendable, CaseIterable, Codable {
    case booked
    case cancelled
    case attended
    case noShow

    public var russianName: String {
        switch self {
        case .booked: "Записан"
        case .cancelled: "Запись отменена"
        case .attended: "Принят"
        case .noShow: "Не явился"
        }
    }
}

/// What can happen to a booking.
public enum ReceptionBookingEvent: String, Sendable, CaseIterable, Codable {
    case cancel
    case markAttended
    case markNoShow

    /// The action in the infinitive, for «… невозможно».
    public var russianName: String {
        switch self {
        case .cancel: "отменить запись"
        case .markAttended: "отметить приём гражданина"
        case .markNoShow: "отметить неявку"
        }
    }

    public var target: ReceptionBookingState {
        switch self {
        case .cancel: .cancelled
        case .markAttended: .attended
        case .markNoShow: .noShow
        }
    }
}
