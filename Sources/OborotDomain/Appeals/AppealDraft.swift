public import Foundation

/// What a registrar (or the public form) gives to open an appeal; the card's own requisites (title = the substance,
/// pages, access mark) come with the document.
public struct AppealDraft: Sendable, Equatable {
    public var type: AppealType
    public var channel: AppealChannel
    public var applicants: [Applicant]
    public var collective: Bool
    public var receivedOn: CalendarDate
    public var forwardedFrom: ForwardedFrom?
    public var migrationMatterToHead: Bool
    public var questions: [QuestionDraft]

    public init(
        type: AppealType, channel: AppealChannel, applicants: [Applicant], collective: Bool = false,
        receivedOn: CalendarDate, forwardedFrom: ForwardedFrom? = nil, migrationMatterToHead: Bool = false,
        questions: [QuestionDraft]
    ) {
        self.type = type
        self.channel = channel
        self.applicants = applicants
        self.collective = collective
        self.receivedOn = receivedOn
        self.forwardedFrom = forwardedFrom
        self.migrationMatterToHead = migrationMatterToHead
        self.questions = questions
    }

    public struct QuestionDraft: Sendable, Equatable, Codable {
        public var topicCode: String
        public var text: String?

        public init(topicCode: String, text: String? = nil) {
            self.topicCode = topicCode
            self.text = text
        }
    }

    /// The appeal this draft opens (every question not yet registered).
    public func appeal(documentID: UUID, questionIDs: () -> UUID = UUID.init, trackingCode: String? = nil) -> Appeal {
        Appeal(
            documentID: documentID, type: type, channel: channel, applicants: applicants.map(AppealRules.cleaned),
            collective: collective, receivedOn: receivedOn, forwardedFrom: forwardedFrom,
            migrationMatterToHead: migrationMatterToHead,
            questions: questions.enumerated().map { index, question in
                AppealQuestion(
                    id: questionIDs(), number: index + 1, topicCode: TopicCode(question.topicCode)!,
                    text: question.text?.trimmed.nilIfEmpty)
            },
            trackingCode: trackingCode)
    }
}
