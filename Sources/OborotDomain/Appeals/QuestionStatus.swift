/// The status of one question of an appeal, as reported monthly to ССТУ.РФ (Указ № 171); raw values are the
/// export's codes.
public enum QuestionStatus: String, Sendable, CaseIterable, Codable {
    case notRegistered
    case inWork
    case extended
    case explained
    case supported
    case notSupported
    case transferred
    case answered
    case leftWithoutAnswer

    public var russianName: String {
        switch self {
        case .notRegistered: "Не зарегистрировано"
        case .inWork: "Находится на рассмотрении"
        case .extended: "Рассмотрение продлено"
        case .explained: "Рассмотрено. Разъяснено"
        case .supported: "Рассмотрено. Поддержано"
        case .notSupported: "Рассмотрено. Не поддержано"
        case .transferred: "Направлено по компетенции"
        case .answered: "Дан ответ автору"
        case .leftWithoutAnswer: "Оставлено без ответа автору"
        }
    }

    /// A question with a result: nothing more is done on it.
    public var isFinal: Bool {
        switch self {
        case .notRegistered, .inWork, .extended: false
        case .explained, .supported, .notSupported, .transferred, .answered, .leftWithoutAnswer: true
        }
    }

    /// The author got an answer (on the merits or with an explanation): neither forwarded nor left unanswered.
    public var isAnswered: Bool { isFinal && self != .transferred && self != .leftWithoutAnswer }

    /// The results an executor may record on a question (forwarding and the special cases set theirs themselves).
    public static let results: [QuestionStatus] = [.explained, .supported, .notSupported, .answered, .leftWithoutAnswer]
}
