/// The monthly/quarterly report people expect (see `appeals-59fz.md`): counts of appeals and questions, forms,
/// sources, types, results, and breakdowns by classifier section and topic and by territory. Pure: the store hands
/// over the appeals of the period.
public struct AppealReport: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var label: String
        public var value: Int
    }

    public var appeals = 0
    public var questions = 0
    public var repeated = 0
    public var collective = 0
    public var onControl = 0
    public var byForm: [Count] = []
    public var byChannel: [Count] = []
    public var byType: [Count] = []
    /// Per question: разъяснено, поддержано, в т. ч. меры приняты, не поддержано, дан ответ автору, оставлено без
    /// ответа, направлено по компетенции, рассмотрено с выездом на место, с нарушением срока, на рассмотрении.
    public var results: [Count] = []
    public var bySection: [Count] = []
    public var byTopic: [Count] = []
    public var byTerritory: [Count] = []
    /// Personal reception in the period (ст. 13): its lines follow the appeals'.
    public var reception = ReceptionStatistics.Counts()

    /// The rows of the report as (group, label, value), in the order shown on screen and in the CSV.
    public var rows: [(group: String, label: String, value: Int)] {
        var rows: [(String, String, Int)] = [
            ("Итого", "Поступило обращений", appeals), ("Итого", "Содержится вопросов", questions),
            ("Итого", "Повторных", repeated), ("Итого", "Коллективных", collective), ("Итого", "Взято на контроль", onControl),
        ]
        for (group, counts) in [
            ("Форма", byForm), ("Источник", byChannel), ("Вид", byType), ("Результаты по вопросам", results),
            ("Раздел классификатора", bySection), ("Тема", byTopic), ("Территория (орган)", byTerritory),
        ] {
            rows += counts.map { (group, $0.label, $0.value) }
        }
        return rows + reception.rows
    }
}

public enum AppealStatistics {
    /// One appeal of the period with what the report needs.
    public struct Facts: Sendable, Equatable {
        public var appeal: Appeal
        public var onControl: Bool
        public var territory: String
        public var standing: AppealStanding

        public init(appeal: Appeal, onControl: Bool, territory: String, standing: AppealStanding) {
            self.appeal = appeal
            self.onControl = onControl
            self.territory = territory
            self.standing = standing
        }
    }

    /// What the report counts, however it was counted: from whole appeals here (`counts(_:)`), or by the database
    /// for large periods (`AppealRepository.reportCounts`). Both must agree; the storage tests compare them.
    public struct Counts: Sendable, Equatable {
        public var appeals = 0
        public var questions = 0
        public var repeated = 0
        public var collective = 0
        public var onControl = 0
        public var byChannel: [AppealChannel: Int] = [:]
        public var byType: [AppealType: Int] = [:]
        public var byStatus: [QuestionStatus: Int] = [:]
        public var measuresTaken = 0
        /// Answered questions of appeals considered on site.
        public var onSite = 0
        /// Questions of appeals closed after their deadline.
        public var late = 0
        /// Questions by section, and by тема (third level).
        public var bySection: [TopicCode: Int] = [:]
        public var byTopic: [TopicCode: Int] = [:]
        public var byTerritory: [String: Int] = [:]

        public init() {}

        /// Adds `questions` questions of one topic and status, of which `measuresTaken` have measures taken, `onSite`
        /// belong to appeals considered on site and `late` to appeals closed after their deadline. The counts that
        /// hold only for some statuses (measures for «Поддержано», on site for the answered) are applied here, so the
        /// database may count them over any status.
        public mutating func add(questions n: Int, topic: TopicCode, status: QuestionStatus, measuresTaken: Int, onSite: Int, late: Int) {
            questions += n
            byStatus[status, default: 0] += n
            if status == .supported { self.measuresTaken += measuresTaken }
            if status.isAnswered { self.onSite += onSite }
            self.late += late
            bySection[topic.section, default: 0] += n
            if topic.level >= 3, let theme = TopicCode(topic.parts.prefix(3).joined(separator: ".")) { byTopic[theme, default: 0] += n }
        }
    }

    public static func counts(_ facts: [Facts]) -> Counts {
        var counts = Counts()
        for fact in facts {
            let appeal = fact.appeal
            counts.appeals += 1
            if appeal.repeatedOfDocumentID != nil { counts.repeated += 1 }
            if appeal.isCollective { counts.collective += 1 }
            if fact.onControl { counts.onControl += 1 }
            counts.byChannel[appeal.channel, default: 0] += 1
            counts.byType[appeal.type, default: 0] += 1
            counts.byTerritory[fact.territory, default: 0] += 1
            for question in appeal.questions {
                counts.add(
                    questions: 1, topic: question.topicCode, status: question.status, measuresTaken: question.measuresTaken ? 1 : 0,
                    onSite: appeal.consideredOnSite ? 1 : 0, late: fact.standing == .closedLate ? 1 : 0)
            }
        }
        return counts
    }

    /// `topicName` names a classifier code (section or тема) for the breakdowns.
    public static func report(_ facts: [Facts], topicName: (TopicCode) -> String?) -> AppealReport {
        report(counts(facts), topicName: topicName)
    }

    public static func report(_ counts: Counts, topicName: (TopicCode) -> String?) -> AppealReport {
        var report = AppealReport()
        report.appeals = counts.appeals
        report.questions = counts.questions
        report.repeated = counts.repeated
        report.collective = counts.collective
        report.onControl = counts.onControl
        report.byForm = AppealForm.allCases.map { form in
            AppealReport.Count(label: form.russianName, value: counts.byChannel.filter { $0.key.form == form }.reduce(0) { $0 + $1.value })
        }
        report.byChannel = AppealChannel.allCases.map { AppealReport.Count(label: $0.russianName, value: counts.byChannel[$0] ?? 0) }
        report.byType = AppealType.allCases.map { AppealReport.Count(label: $0.russianName, value: counts.byType[$0] ?? 0) }
        func count(_ status: QuestionStatus) -> Int { counts.byStatus[status] ?? 0 }
        report.results = [
            .init(label: "Разъяснено", value: count(.explained)),
            .init(label: "Поддержано", value: count(.supported)),
            .init(label: "в т. ч. меры приняты", value: counts.measuresTaken),
            .init(label: "Не поддержано", value: count(.notSupported)),
            .init(label: "Дан ответ автору", value: count(.answered)),
            .init(label: "Оставлено без ответа автору", value: count(.leftWithoutAnswer)),
            .init(label: "Направлено по компетенции", value: count(.transferred)),
            .init(label: "Рассмотрено с выездом на место", value: counts.onSite),
            .init(label: "Рассмотрено с нарушением срока", value: counts.late),
            .init(label: "На рассмотрении", value: counts.byStatus.filter { !$0.key.isFinal }.reduce(0) { $0 + $1.value }),
        ]
        report.bySection = grouped(counts.bySection, topicName: topicName)
        report.byTopic = grouped(counts.byTopic, topicName: topicName)
        report.byTerritory = counts.byTerritory.map { AppealReport.Count(label: $0.key, value: $0.value) }
            .sorted { ($0.value, $1.label) > ($1.value, $0.label) }
        return report
    }

    private static func grouped(_ counts: [TopicCode: Int], topicName: (TopicCode) -> String?) -> [AppealReport.Count] {
        counts.sorted { $0.key < $1.key }.map { code, value in
            AppealReport.Count(label: "\(code) \(topicName(code) ?? "")".trimmed, value: value)
        }
    }
}
