import OborotDomain
import Testing

@Suite("Жизненный цикл документа")
struct DocumentLifecycleTests {
    /// The complete transition table: every (event, state, signed) combination of every kind, with the expected
    /// outcome. Anything not listed must be refused with `409`.
    static func expected(_ event: DocumentEvent, _ state: DocumentState, signed: Bool, kind: DocumentKind) -> DocumentState? {
        switch (event, state) {
        case (.sign, .draft): signed ? nil : .draft
        case (.register, .draft): (kind.numberedAfterSigning && !signed) ? nil : .registered
        case (.startWork, .registered): .inWork
        case (.markExecuted, .registered), (.markExecuted, .inWork): .executed
        case (.returnToWork, .executed): .inWork
        case (.file, .registered), (.file, .executed): .filed
        case (.cancel, .draft), (.cancel, .registered), (.cancel, .inWork): .cancelled
        default: nil
        }
    }

    @Test("every event from every state of every kind", arguments: DocumentKind.allCases)
    func exhaustive(kind: DocumentKind) {
        for state in DocumentState.allCases {
            for signed in [false, true] {
                for event in DocumentEvent.allCases {
                    let facts = DocumentLifecycle.Facts(kind: kind, state: state, signed: signed)
                    let result = DocumentLifecycle.apply(event, to: facts)
                    switch (result, Self.expected(event, state, signed: signed, kind: kind)) {
                    case (.success(let next), .some(let expected)):
                        #expect(next == expected, "\(kind) \(state) signed=\(signed) \(event)")
                    case (.failure(let error), .none):
                        #expect(error.kind == .conflict, "\(kind) \(state) \(event)")
                    default:
                        Issue.record("\(kind) \(state) signed=\(signed) \(event): got \(result)")
                    }
                }
            }
        }
    }

    @Test("outgoing and organisational documents are numbered only after signing")
    func signing() {
        #expect(DocumentKind.outgoing.numberedAfterSigning)
        #expect(DocumentKind.directive.numberedAfterSigning)
        #expect(!DocumentKind.incoming.numberedAfterSigning)
        let unsigned = DocumentLifecycle.Facts(kind: .outgoing, state: .draft, signed: false)
        guard case .failure(let error) = DocumentLifecycle.apply(.register, to: unsigned) else {
            Issue.record("registered unsigned")
            return
        }
        #expect(error.code == "not_signed")
        #expect(DocumentLifecycle.allowedEvents(unsigned) == [.sign, .cancel])
    }

    @Test("a refused transition names the state in Russian")
    func message() {
        let facts = DocumentLifecycle.Facts(kind: .incoming, state: .cancelled, signed: false)
        guard case .failure(let error) = DocumentLifecycle.apply(.register, to: facts) else { return }
        #expect(error.code == "illegal_transition")
        #expect(error.detail.contains("«Аннулирован»"))
        #expect(error.detail.contains("«Зарегистрировать»"))
    }
}
