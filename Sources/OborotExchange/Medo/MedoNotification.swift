public import Foundation
public import OborotDomain

/// A notification («Уведомление») about a document sent earlier: one event per message.
public struct MedoNotification: Sendable, Equatable {
    /// The uid of the document the notification is about (ours, when it answers what we sent).
    public var documentUID: String
    public var event: Event

    public init(documentUID: String, event: Event) {
        self.documentUID = documentUID
        self.event = event
    }

    /// What happened to the document, with the format's label for each (`notification@type`).
    public enum Event: Sendable, Equatable {
        /// «Зарегистрирован»: the recipient registered it under their own number.
        case accepted(MedoAcceptance)
        /// «Отказано в регистрации», with the reason (required by the format).
        case refused(MedoRefusal)
        /// «Назначен исполнитель».
        case executorAssigned(executor: MedoParticipant)
        /// «Доклад подготовлен».
        case reportPrepared(signatory: MedoParticipant)
        /// «Доклад направлен», with the report's number and date.
        case reportSent(number: String, date: CalendarDate)
        /// «Исполнение».
        case courseChanged
        /// «Опубликование».
        case documentPublished

        /// `notification@type`.
        public var label: String {
            switch self {
            case .accepted: "Зарегистрирован"
            case .refused: "Отказано в регистрации"
            case .executorAssigned: "Назначен исполнитель"
            case .reportPrepared: "Доклад подготовлен"
            case .reportSent: "Доклад направлен"
            case .courseChanged: "Исполнение"
            case .documentPublished: "Опубликование"
            }
        }
    }
}

/// `documentAccepted`: when and under which number the recipient registered the document.
public struct MedoAcceptance: Sendable, Equatable {
    public var time: Date
    /// The recipient's registration number and date («our» number when we send it).
    public var number: String
    public var date: CalendarDate
    /// The document being answered: the sender's organisation and its number/date.
    public var foundation: MedoCorrespondent?
    /// Who registered it.
    public var correspondent: MedoParticipant?

    public init(time: Date, number: String, date: CalendarDate, foundation: MedoCorrespondent? = nil,
                correspondent: MedoParticipant? = nil) {
        self.time = time
        self.number = number
        self.date = date
        self.foundation = foundation
        self.correspondent = correspondent
    }
}

/// `documentRefused`: registration was refused, and why.
public struct MedoRefusal: Sendable, Equatable {
    public var time: Date
    public var reason: String
    public var foundation: MedoCorrespondent?
    public var correspondent: MedoParticipant?

    public init(time: Date, reason: String, foundation: MedoCorrespondent? = nil,
                correspondent: MedoParticipant? = nil) {
        self.time = time
        self.reason = reason
        self.foundation = foundation
        self.correspondent = correspondent
    }
}
