/// Where a document is in its life; raw values are the stable API codes.
public enum DocumentState: String, Sendable, CaseIterable, Codable {
    case draft
    case registered
    case inWork
    case executed
    case filed
    case cancelled

    public var russianName: String {
        switch self {
        case .draft: "Проект"
        case .registered: "Зарегистрирован"
        case .inWork: "На исполнении"
        case .executed: "Исполнен"
        case .filed: "В деле"
        case .cancelled: "Аннулирован"
        }
    }
}

/// What can happen to a document.
public enum DocumentEvent: String, Sendable, CaseIterable, Codable {
    /// The signer marks the draft signed (until approval routes and electronic signatures arrive).
    case sign
    case register
    case startWork
    case markExecuted
    case returnToWork
    case file
    case cancel

    public var russianName: String {
        switch self {
        case .sign: "Подписать"
        case .register: "Зарегистрировать"
        case .startWork: "Взять в работу"
        case .markExecuted: "Отметить исполнение"
        case .returnToWork: "Вернуть в работу"
        case .file: "Списать в дело"
        case .cancel: "Аннулировать"
        }
    }
}

/// The document lifecycle as a pure state machine:
///
/// ```
/// draft ─sign─▶ draft (signed) ─register─▶ registered ─startWork─▶ inWork ─markExecuted─▶ executed ─file─▶ filed
///                                            │   └──────markExecuted──────────────▲  ◀─returnToWork─┘
///                                            └──────────────file──────────────────────────────────────▶ filed
/// draft / registered / inWork ─cancel─▶ cancelled   (a cancelled registration keeps its number)
/// ```
public enum DocumentLifecycle {
    /// The facts of a document a transition depends on.
    public struct Facts: Sendable, Equatable {
        public var kind: DocumentKind
        public var state: DocumentState
        public var signed: Bool

        public init(kind: DocumentKind, state: DocumentState, signed: Bool) {
            self.kind = kind
            self.state = state
            self.signed = signed
        }
    }

    /// The state after `event`, or `409` naming the current state.
    public static func apply(_ event: DocumentEvent, to facts: Facts) -> Result<DocumentState, OborotError> {
        switch (event, facts.state) {
        case (.sign, .draft):
            return facts.signed ? .failure(.alreadySigned) : .success(.draft)
        case (.register, .draft):
            if facts.kind.numberedAfterSigning && !facts.signed { return .failure(.notSignedYet(facts.kind)) }
            return .success(.registered)
        case (.startWork, .registered), (.returnToWork, .executed):
            return .success(.inWork)
        case (.markExecuted, .registered), (.markExecuted, .inWork):
            return .success(.executed)
        case (.file, .registered), (.file, .executed):
            return .success(.filed)
        case (.cancel, .draft), (.cancel, .registered), (.cancel, .inWork):
            return .success(.cancelled)
        default:
            return .failure(.illegalTransition(event, from: facts.state))
        }
    }

    /// The events allowed from the current facts, for buttons in the interface.
    public static func allowedEvents(_ facts: Facts) -> [DocumentEvent] {
        DocumentEvent.allCases.filter { (try? apply($0, to: facts).get()) != nil }
    }
}

extension OborotError {
    public static func illegalTransition(_ event: DocumentEvent, from state: DocumentState) -> OborotError {
        OborotError(
            .conflict, code: "illegal_transition", title: "Действие недоступно",
            detail: "Нельзя выполнить «\(event.russianName)»: документ в состоянии «\(state.russianName)».")
    }

    public static let alreadySigned = OborotError(
        .conflict, code: "already_signed", title: "Документ уже подписан", detail: "Документ уже подписан.")

    public static func notSignedYet(_ kind: DocumentKind) -> OborotError {
        OborotError(
            .conflict, code: "not_signed", title: "Документ не подписан",
            detail: "Документ вида «\(kind.russianName)» регистрируется только после подписания.")
    }
}
