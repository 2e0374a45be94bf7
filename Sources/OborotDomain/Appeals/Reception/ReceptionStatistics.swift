public import Foundation

/// The personal-reception lines of the appeals report: visitors received, by outcome, by official. Pure: the store
/// hands over the cards of the period.
public enum ReceptionStatistics {
    public struct Counts: Sendable, Equatable {
        /// One card is one visitor received.
        public var received = 0
        /// Received in first-priority order (ст. 13 ч. 7).
        public var priority = 0
        /// Received without booking.
        public var walkIns = 0
        public var questions = 0
        public var byOutcome: [ReceptionOutcome: Int] = [:]
        public var byOfficial: [UUID: Int] = [:]
        /// «Иванов Иван Иванович, губернатор», from each official's latest card.
        public var officialNames: [UUID: String] = [:]

        public init() {}

        /// The rows as (group, label, value), in the order shown on screen and in the CSV, as `AppealReport.rows`.
        public var rows: [(group: String, label: String, value: Int)] {
            var rows: [(String, String, Int)] = [
                ("Личный приём", "Принято граждан на личном приёме", received),
                ("Личный приём", "в т. ч. в первоочередном порядке", priority),
                ("Личный приём", "в т. ч. без предварительной записи", walkIns),
                ("Личный приём", "Рассмотрено вопросов", questions),
            ]
            rows += ReceptionOutcome.allCases.map { ("Результат личного приёма", $0.reportLabel, byOutcome[$0] ?? 0) }
            rows += byOfficial.map { id, value in (officialNames[id] ?? "", value) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
                .map { ("Должностное лицо", $0.0, $0.1) }
            return rows
        }
    }

    public static func counts(_ cards: [ReceptionCard]) -> Counts {
        var counts = Counts()
        var latest: [UUID: CalendarDate] = [:]
        for card in cards {
            counts.received += 1
            if card.priority != nil { counts.priority += 1 }
            if card.isWalkIn { counts.walkIns += 1 }
            counts.questions += card.questions.count
            counts.byOutcome[card.outcome, default: 0] += 1
            counts.byOfficial[card.officialEmployeeID, default: 0] += 1
            // The latest card names the official: a position renamed during the period shows as it is now.
            if latest[card.officialEmployeeID].map({ card.date >= $0 }) ?? true {
                latest[card.officialEmployeeID] = card.date
                counts.officialNames[card.officialEmployeeID] = ReceptionTexts.official(card.officialName, card.officialPosition)
            }
        }
        return counts
    }
}
