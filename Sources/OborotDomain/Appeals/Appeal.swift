public import Foundation

/// A citizen's appeal under 59-ФЗ: the document of kind `appeal` plus who wrote, how it came, what it asks (one or
/// more questions, each with its own topic and result) and its legal deadline with every extension.
public struct Appeal: Sendable, Equatable {
    public var documentID: UUID
    public var type: AppealType
    public var channel: AppealChannel
    public var applicants: [Applicant]
    /// Signed by several people or sent by an association on their behalf.
    public var collective: Bool
    /// The day it reached the body: the 3 days of registration count from it.
    public var receivedOn: CalendarDate
    /// The covering letter when another body forwarded it.
    public var forwardedFrom: ForwardedFrom?
    /// The earlier appeal of the same applicant on the same question, once a registrar confirmed the link.
    public var repeatedOfDocumentID: UUID?
    /// Addressed to the head of the region about possible violations of migration law: 20 days, not 30.
    public var migrationMatterToHead: Bool
    /// «Рассмотрено с выездом на место» for the statistics.
    public var consideredOnSite: Bool
    public var questions: [AppealQuestion]
    /// Set at registration: the initial answer deadline, the current one, and each extension.
    public var term: AppealTerm?
    /// How the appeal was closed without an answer on the merits, if it was.
    public var specialCase: AppealSpecialCase?
    /// The code a web applicant uses to follow the appeal; nil for paper appeals.
    public var trackingCode: String?
    /// The citizen as the identity provider vouched for them, when the appeal came through the site with a sign-in.
    public var identity: VerifiedIdentity?
    public var version: Int

    public init(
        documentID: UUID, type: AppealType, channel: AppealChannel, applicants: [Applicant], collective: Bool = false,
        receivedOn: CalendarDate, forwardedFrom: ForwardedFrom? = nil, repeatedOfDocumentID: UUID? = nil,
        migrationMatterToHead: Bool = false, consideredOnSite: Bool = false, questions: [AppealQuestion],
        term: AppealTerm? = nil, specialCase: AppealSpecialCase? = nil, trackingCode: String? = nil, identity: VerifiedIdentity? = nil,
        version: Int = 1
    ) {
        self.documentID = documentID
        self.type = type
        self.channel = channel
        self.applicants = applicants
        self.collective = collective
        self.receivedOn = receivedOn
        self.forwardedFrom = forwardedFrom
        self.repeatedOfDocumentID = repeatedOfDocumentID
        self.migrationMatterToHead = migrationMatterToHead
        self.consideredOnSite = consideredOnSite
        self.questions = questions
        self.term = term
        self.specialCase = specialCase
        self.trackingCode = trackingCode
        self.identity = identity
        self.version = version
    }

    /// 59-ФЗ ст. 11 ч. 1: no applicant with a surname (a name, for an organisation) and an address for the answer.
    public var isAnonymous: Bool { applicants.allSatisfy(\.isAnonymous) }
    /// Collective when flagged or signed by more than one applicant.
    public var isCollective: Bool { collective || applicants.count > 1 }
    /// Every question has its result.
    public var isClosed: Bool { !questions.isEmpty && questions.allSatisfy(\.status.isFinal) }

    /// Closed after its deadline («рассмотрено с нарушением срока»): the last question resolved after the current
    /// deadline. Fixed once the appeal is closed, so it is stored with the appeal for the report's counts.
    public var closedLate: Bool {
        guard isClosed, let term, let lastResolved = questions.compactMap(\.resolvedOn).max() else { return false }
        return lastResolved > term.currentDeadline
    }
}

/// The covering letter of the body that forwarded an appeal to us.
public struct ForwardedFrom: Sendable, Equatable, Codable {
    public var bodyName: String
    public var number: String
    public var date: CalendarDate

    public init(bodyName: String, number: String, date: CalendarDate) {
        self.bodyName = bodyName
        self.number = number
        self.date = date
    }

    private enum CodingKeys: String, CodingKey { case bodyName, number, date }

    /// The date as `YYYY-MM-DD`, as every export and API gives dates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bodyName = try container.decode(String.self, forKey: .bodyName)
        number = try container.decode(String.self, forKey: .number)
        let text = try container.decode(String.self, forKey: .date)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(forKey: .date, in: container, debugDescription: "not a date: \(text)")
        }
        self.date = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bodyName, forKey: .bodyName)
        try container.encode(number, forKey: .number)
        try container.encode(date.iso, forKey: .date)
    }
}

/// One question of an appeal: its topic code and its own status and result.
public struct AppealQuestion: Sendable, Equatable, Identifiable {
    public var id: UUID
    /// 1, 2, … in the order the applicant asked.
    public var number: Int
    public var topicCode: TopicCode
    /// The question in the registrar's words (optional when the appeal holds one question).
    public var text: String?
    public var status: QuestionStatus
    /// «меры приняты»: only with `supported`.
    public var measuresTaken: Bool
    public var resolvedOn: CalendarDate?
    /// The body it was forwarded to, with the covering letter, when `transferred`.
    public var forwardedTo: Forwarding?

    public init(
        id: UUID, number: Int, topicCode: TopicCode, text: String? = nil, status: QuestionStatus = .notRegistered,
        measuresTaken: Bool = false, resolvedOn: CalendarDate? = nil, forwardedTo: Forwarding? = nil
    ) {
        self.id = id
        self.number = number
        self.topicCode = topicCode
        self.text = text
        self.status = status
        self.measuresTaken = measuresTaken
        self.resolvedOn = resolvedOn
        self.forwardedTo = forwardedTo
    }
}

/// Where a question went «по компетенции»: a body of the region (its card) or an outside one (our covering letter).
public struct Forwarding: Sendable, Equatable, Codable {
    public var bodyName: String
    /// The organisation of the region, when it is one.
    public var organizationID: UUID?
    /// The card the body received (inside the region) or our covering letter (outside).
    public var documentID: UUID?
    public var forwardedOn: CalendarDate

    public init(bodyName: String, organizationID: UUID?, documentID: UUID?, forwardedOn: CalendarDate) {
        self.bodyName = bodyName
        self.organizationID = organizationID
        self.documentID = documentID
        self.forwardedOn = forwardedOn
    }
}

/// The legal term of an appeal: the initial deadline is kept apart from the current one, and each extension is a
/// numbered row with its reason and new date.
public struct AppealTerm: Sendable, Equatable {
    public var registeredOn: CalendarDate
    public var initialDeadline: CalendarDate
    public var extensions: [AppealExtension]

    public init(registeredOn: CalendarDate, initialDeadline: CalendarDate, extensions: [AppealExtension] = []) {
        self.registeredOn = registeredOn
        self.initialDeadline = initialDeadline
        self.extensions = extensions
    }

    public var currentDeadline: CalendarDate { extensions.last?.newDeadline ?? initialDeadline }
}

/// An extension of the term (59-ФЗ ст. 12 ч. 2): once, by at most 30 days, decided by the head.
public struct AppealExtension: Sendable, Equatable {
    public var number: Int
    public var reason: String
    public var days: Int
    public var previousDeadline: CalendarDate
    public var newDeadline: CalendarDate
    public var decidedByEmployeeID: UUID
    public var decidedOn: CalendarDate
    /// The notice to the applicant, created as an outgoing draft.
    public var noticeDocumentID: UUID?

    public init(
        number: Int, reason: String, days: Int, previousDeadline: CalendarDate, newDeadline: CalendarDate,
        decidedByEmployeeID: UUID, decidedOn: CalendarDate, noticeDocumentID: UUID?
    ) {
        self.number = number
        self.reason = reason
        self.days = days
        self.previousDeadline = previousDeadline
        self.newDeadline = newDeadline
        self.decidedByEmployeeID = decidedByEmployeeID
        self.decidedOn = decidedOn
        self.noticeDocumentID = noticeDocumentID
    }
}
