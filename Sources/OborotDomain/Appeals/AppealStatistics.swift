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
        return rows
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

    /// `topicName` names a classifier code (section or тема) for the breakdowns.
    public static func report(_ facts: [Facts], topicName: (TopicCode) -> String?) -> AppealReport {
        var report = AppealReport()
        report.appeals = facts.count
        report.questions = facts.reduce(0) { $0 + $1.appeal.questions.count }
        report.repeated = facts.filter { $0.appeal.repeatedOfDocumentID != nil }.count
        report.collective = facts.filter { $0.appeal.isCollective }.count
        report.onControl = facts.filter(\.onControl).count
        report.byForm = AppealForm.allCases.map { form in
            AppealReport.Count(label: form.russianName, value: facts.filter { $0.appeal.channel.form == form }.count)
        }
        report.byChannel = AppealChannel.allCases.map { channel in
            AppealReport.Count(label: channel.russianName, value: facts.filter { $0.appeal.channel == channel }.count)
        }
        report.byType = AppealType.allCases.map { type in
            AppealReport.Count(label: type.russianName, value: facts.filter { $0.appeal.type == type }.count)
        }
        let questions = facts.flatMap { fact in fact.appeal.questions.map { (fact, $0) } }
        func count(_ status: QuestionStatus) -> Int { questions.filter { $0.1.status == status }.count }
        report.results = [
            .init(label: "Разъяснено", value: count(.explained)),
            .init(label: "Поддержано", value: count(.supported)),
            .init(label: "в т. ч. меры приняты", value: questions.filter { $0.1.status == .supported && $0.1.measuresTaken }.count),
            .init(label: "Не поддержано", value: count(.notSupported)),
            .init(label: "Дан ответ автору", value: count(.answered)),
            .init(label: "Оставлено без ответа автору", value: count(.leftWithoutAnswer)),
            .init(label: "Направлено по компетенции", value: count(.transferred)),
            .init(label: "Рассмотрено с выездом на место", value: questions.filter { $0.0.appeal.consideredOnSite && $0.1.status.isAnswered }.count),
            .init(label: "Рассмотрено с нарушением срока", value: questions.filter { $0.0.standing == .closedLate }.count),
            .init(label: "На рассмотрении", value: questions.filter { !$0.1.status.isFinal }.count),
        ]
        report.bySection = grouped(questions.map { $0.1.topicCode.section }, topicName: topicName)
        report.byTopic = grouped(questions.compactMap { $0.1.topicCode.level >= 3 ? TopicCode($0.1.topicCode.parts.prefix(3).joined(separator: ".")) : nil }, topicName: topicName)
        report.byTerritory = Dictionary(grouping: facts, by: \.territory).map { AppealReport.Count(label: $0.key, value: $0.value.count) }
            .sorted { ($0.value, $1.label) > ($1.value, $0.label) }
        return report
    }

    private static func grouped(_ codes: [TopicCode], topicName: (TopicCode) -> String?) -> [AppealReport.Count] {
        Dictionary(grouping: codes, by: { $0 }).sorted { $0.key < $1.key }.map { code, all in
            AppealReport.Count(label: "\(code) \(topicName(code) ?? "")".trimmed, value: all.count)
        }
    }
}
