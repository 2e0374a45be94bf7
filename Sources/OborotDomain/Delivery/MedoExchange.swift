public import Foundation

/// Which way a МЭДО packet travelled.
public enum MedoDirection: String, Sendable, Codable, CaseIterable {
    case inbound = "in"
    case outbound = "out"
}

/// Where a packet stands; raw values are the stable API codes.
public enum MedoPacketState: String, Sendable, Codable, CaseIterable {
    /// Inbound document taken in: an incoming card waits for registration.
    case received
    /// Inbound packet that could not be taken in; kept with the reason for a registrar.
    case quarantined
    /// Inbound notification or ticket matched to what we sent and applied.
    case applied
    /// Inbound notification or ticket about nothing we know (kept, shown in the log).
    case unmatched
    /// Outbound packet committed, waiting to be written to the OUT folder.
    case pending
    /// Outbound packet written to the OUT folder; no ticket yet.
    case written
    /// The operator's ticket says it was delivered.
    case delivered
    /// The operator's ticket says it could not be delivered.
    case undelivered

    public var russianName: String {
        switch self {
        case .received: "Принят, ожидает регистрации"
        case .quarantined: "В карантине"
        case .applied: "Учтён"
        case .unmatched: "Не сопоставлен"
        case .pending: "Ожидает отправки"
        case .written: "Передан в МЭДО"
        case .delivered: "Доставлен"
        case .undelivered: "Не доставлен"
        }
    }
}

/// Rules of the exchange the format leaves to us.
public enum MedoRules {
    /// The operator's default delivery limit: a packet with no ticket after it needs a person's attention.
    public static let ticketDeadline: TimeInterval = 72 * 3600

    /// Whether a packet written at `writtenAt` without a ticket should be flagged at `now`.
    public static func lacksTicket(writtenAt: Date, ticketAt: Date?, now: Date) -> Bool {
        ticketAt == nil && now.timeIntervalSince(writtenAt) >= ticketDeadline
    }

    /// «Информация ограниченного распространения» in the passport, or any ДСП mark on a 2.x document.
    public static let restrictedClassification = "Информация ограниченного распространения"
}
