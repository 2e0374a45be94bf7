public import Foundation

/// The rules of a reception card: opening it from a booking, what it must hold for each outcome, and the appeal it
/// becomes when the answer is written.
public enum ReceptionCardRules {
    public static let maxSubstanceLength = 4000
    public static let maxDetailLength = AppealRules.maxReasonLength

    /// A card for the booked visitor, filled from the booking and the schedule; the outcome starts as a written
    /// answer, the law's default (ст. 13 ч. 3: «в остальных случаях даётся письменный ответ»). The booking's topic
    /// becomes the first question whatever its level; the card's validation asks for a fourth-level code.
    public static func card(
        id: UUID, from booking: ReceptionBooking, schedule: ReceptionSchedule
    ) -> Result<ReceptionCard, OborotError> {
        guard booking.scheduleID == schedule.id else { return .failure(.receptionBookingOfAnotherSchedule) }
        guard booking.state == .booked || booking.state == .attended else {
            return .failure(.receptionBookingNotReceivable(booking.state))
        }
        return .success(ReceptionCard(
            id: id, organizationID: schedule.organizationID, scheduleID: schedule.id, bookingID: booking.id,
            officialEmployeeID: schedule.officialEmployeeID, officialName: schedule.officialName,
            officialPosition: schedule.officialPosition, date: booking.date, visitor: booking.visitor,
            priority: booking.priority, substance: booking.question,
            questions: booking.topicCode.map { [AppealDraft.QuestionDraft(topicCode: $0.description)] } ?? []))
    }

    /// Every problem of a card at once, in field order. `topic` finds a classifier node by code, as for appeals.
    public static func problems(
        of card: ReceptionCard, today: CalendarDate, topic: (TopicCode) -> TopicNode?
    ) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        problems += TextRules.required(card.officialName.trimmed, field: "officialName", maxLength: AppealRules.maxNameLength, label: "Должностное лицо")
        problems += TextRules.required(card.officialPosition.trimmed, field: "officialPosition", maxLength: AppealRules.maxNameLength, label: "Должность")
        if card.date > today {
            problems.append(FieldProblem(field: "date", code: "in_future", message: ReceptionTexts.receptionInFuture(card.date)))
        }
        // A written answer goes somewhere: the address is asked for while the citizen is still in the room.
        problems += ReceptionVisitors.problems(of: card.visitor, field: "visitor", contact: card.outcome.registersAppeal ? .answerAddress : .none)
        problems += TextRules.required(card.substance.trimmed, field: "substance", maxLength: maxSubstanceLength, label: "Содержание устного обращения")
        // The questions are checked exactly as an appeal's: the card may become one, and the report counts them alike.
        // With no applicants and the date as «today» only the questions' problems remain.
        problems += AppealRules.problems(of: questionsDraft(card), today: card.date, topic: topic)
        problems += outcomeProblems(card)
        return problems
    }

    private static func outcomeProblems(_ card: ReceptionCard) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if card.outcome == .oralAnswer && !card.oralAnswerConsent {
            problems.append(FieldProblem(field: "oralAnswerConsent", code: "consent_required", message: ReceptionTexts.oralAnswerConsentRequired))
        }
        let detail = card.outcomeDetail?.trimmed ?? ""
        if let label = card.outcome.detailLabel, detail.isEmpty {
            problems.append(FieldProblem(
                field: "outcomeDetail", code: "required", message: ReceptionTexts.outcomeDetailRequired(label, card.outcome)))
        }
        problems += TextRules.optional(detail, field: "outcomeDetail", maxLength: maxDetailLength, label: card.outcome.detailLabel ?? "Сведения о результате")
        return problems
    }

    /// The appeal to register for a card answered in writing (ст. 13 ч. 3) or with a written appeal handed in
    /// (ст. 13 ч. 4): channel «Личный приём», the visitor as applicant, received on the day of the reception, the
    /// card's questions. The card's substance is the title of the appeal's document.
    public static func appealDraft(from card: ReceptionCard) -> Result<AppealDraft, OborotError> {
        guard card.outcome.registersAppeal else { return .failure(.receptionCardNotRegistered(card.outcome)) }
        var draft = questionsDraft(card)
        draft.applicants = [card.visitor]
        return .success(draft)
    }

    private static func questionsDraft(_ card: ReceptionCard) -> AppealDraft {
        AppealDraft(type: card.type, channel: .personalReception, applicants: [], receivedOn: card.date, questions: card.questions)
    }
}
