/// What an in-app notification is about; raw values are stable API codes.
public enum NotificationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case issued
    case dueSoon = "due_soon"
    case dueToday = "due_today"
    case overdue
    case reportSubmitted = "report_submitted"
    case reportReturned = "report_returned"
    case extensionRequested = "extension_requested"
    case explanationRequested = "explanation_requested"
    /// A draft waits for the person's approval.
    case approvalRequested = "approval_requested"
    /// Every approver agreed: the draft may be signed.
    case approvalApproved = "approval_approved"
    /// An approver refused.
    case approvalRejected = "approval_rejected"
    /// An approval step's last day is today.
    case approvalDueToday = "approval_due_today"
    /// An approval step is past its deadline.
    case approvalOverdue = "approval_overdue"
    /// A document from another body of the region waits for registration.
    case delivered
    /// An addressee registered what we sent.
    case deliveryRegistered = "delivery_registered"
    /// An addressee refused to register what we sent.
    case deliveryRefused = "delivery_refused"
    /// A МЭДО packet of ours has had no delivery ticket for 72 hours.
    case medoNoTicket = "medo_no_ticket"

    public var russianName: String {
        switch self {
        case .issued: "Новое поручение"
        case .dueSoon: "Срок через 3 дня"
        case .dueToday: "Срок сегодня"
        case .overdue: "Срок нарушен"
        case .reportSubmitted: "Отчёт на проверку"
        case .reportReturned: "Отчёт возвращён"
        case .extensionRequested: "Запрос о продлении срока"
        case .explanationRequested: "Запрос объяснения"
        case .approvalRequested: "На согласование"
        case .approvalApproved: "Согласовано"
        case .approvalRejected: "Не согласовано"
        case .approvalDueToday: "Согласование: срок сегодня"
        case .approvalOverdue: "Просрочено согласование"
        case .delivered: "Поступил документ"
        case .deliveryRegistered: "Адресат зарегистрировал документ"
        case .deliveryRefused: "Адресат отказал в регистрации"
        case .medoNoTicket: "Нет квитанции МЭДО"
        }
    }
}

/// When the reminder job reminds: three days before the last day, on the day, and once the deadline has passed.
public enum ReminderRules {
    public static let daysBefore = 3

    /// The reminder an open assignment with `deadline` is due on `today`, if any.
    public static func reminder(deadline: CalendarDate, today: CalendarDate) -> NotificationKind? {
        let days = today.days(until: deadline)
        if days == daysBefore { return .dueSoon }
        if days == 0 { return .dueToday }
        if days < 0 { return .overdue }
        return nil
    }

    /// The key that makes each reminder once per person, assignment and deadline (an extension reminds anew).
    public static func key(_ kind: NotificationKind, assignment: String, deadline: String, user: String) -> String {
        "\(kind.rawValue):\(assignment):\(deadline):\(user)"
    }
}
