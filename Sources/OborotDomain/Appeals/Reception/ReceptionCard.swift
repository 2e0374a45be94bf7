public import Foundation

/// The card of a personal reception (59-ФЗ ст. 13 ч. 3): who received whom and when, the substance of the oral
/// appeal, its questions coded by the classifier, and how the reception ended. Filled in when the visitor is received,
/// from a booking or for a visitor who came without one.
public struct ReceptionCard: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    /// The regular reception it took place at; nil for a reception outside any schedule (an away reception).
    public var scheduleID: UUID?
    /// nil for a visitor received without booking (among them first-priority visitors on a full day).
    public var bookingID: UUID?
    public var officialEmployeeID: UUID
    /// Copied from the schedule at the reception: the card keeps who received even after the post changes hands.
    public var officialName: String
    public var officialPosition: String
    public var date: CalendarDate
    public var visitor: Applicant
    public var priority: ReceptionPriority?
    /// заявление, предложение or жалоба, for the appeal it becomes and the report.
    public var type: AppealType
    /// The substance of the oral appeal (required); the title of the appeal's document when it is registered.
    public var substance: String
    /// One or more questions, coded to the fourth level of the classifier, as an appeal's questions are.
    public var questions: [AppealDraft.QuestionDraft]
    public var outcome: ReceptionOutcome
    /// ст. 13 ч. 3: the citizen agreed to an oral answer; required for `oralAnswer`.
    public var oralAnswerConsent: Bool
    /// The oral answer, where to apply, or the earlier answer — as `outcome.detailLabel` names it.
    public var outcomeDetail: String?
    /// The appeal registered from the card, for the outcomes that register one.
    public var appealDocumentID: UUID?

    public init(
        id: UUID, organizationID: UUID, scheduleID: UUID? = nil, bookingID: UUID? = nil, officialEmployeeID: UUID,
        officialName: String, officialPosition: String, date: CalendarDate, visitor: Applicant,
        priority: ReceptionPriority? = nil, type: AppealType = .statement, substance: String,
        questions: [AppealDraft.QuestionDraft], outcome: ReceptionOutcome = .writtenAnswer, oralAnswerConsent: Bool = false,
        outcomeDetail: String? = nil, appealDocumentID: UUID? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.scheduleID = scheduleID
        self.bookingID = bookingID
        self.officialEmployeeID = officialEmployeeID
        self.officialName = officialName
        self.officialPosition = officialPosition
        self.date = date
        self.visitor = visitor
        self.priority = priority
        self.type = type
        self.substance = substance
        self.questions = questions
        self.outcome = outcome
        self.oralAnswerConsent = oralAnswerConsent
        self.outcomeDetail = outcomeDetail
        self.appealDocumentID = appealDocumentID
    }

    /// Received without booking.
    public var isWalkIn: Bool { bookingID == nil }
}
