public import Foundation

/// A registration journal of an organisation («Входящие», «Исходящие», «Приказы по основной деятельности»).
///
/// Numbers are unique and gapless within a journal and a numbering period (the calendar year when
/// `restartsYearly`, otherwise the whole life of the journal).
public struct Journal: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var name: String
    /// Short code for `{code}` in templates, e.g. «ВХ», «ОГ».
    public var code: String
    public var template: NumberTemplate
    public var kinds: Set<DocumentKind>
    public var restartsYearly: Bool
    /// The case file index used for `{index}` when a document names none.
    public var defaultCaseIndex: String?
    public var active: Bool
    public var version: Int

    public init(
        id: UUID, organizationID: UUID, name: String, code: String, template: NumberTemplate, kinds: Set<DocumentKind>,
        restartsYearly: Bool, defaultCaseIndex: String?, active: Bool, version: Int
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.code = code
        self.template = template
        self.kinds = kinds
        self.restartsYearly = restartsYearly
        self.defaultCaseIndex = defaultCaseIndex
        self.active = active
        self.version = version
    }

    /// The numbering period a registration on `date` falls in (0 for journals that never restart).
    public func numberingYear(for date: CalendarDate) -> Int {
        restartsYearly ? date.year : 0
    }

    /// Checks that the journal can register a document of `kind`.
    public func accepts(_ kind: DocumentKind) -> Result<Void, OborotError> {
        guard active else { return .failure(.journalClosed(name)) }
        guard kinds.contains(kind) else { return .failure(.journalRejectsKind(name, kind)) }
        return .success(())
    }

    /// The registration number for serial `sequence`.
    public func number(sequence: Int, date: CalendarDate, caseIndex: String?) -> String {
        template.render(
            sequence: sequence, year: date.year, caseIndex: caseIndex ?? defaultCaseIndex, journalCode: code)
    }

    /// The journals a new organisation gets by default.
    public static func standardSet(for organizationID: UUID, newID: () -> UUID) -> [Journal] {
        func make(_ name: String, _ code: String, _ template: String, _ kinds: Set<DocumentKind>) -> Journal {
            Journal(
                id: newID(), organizationID: organizationID, name: name, code: code,
                template: try! NumberTemplate.parse(template).get(), kinds: kinds, restartsYearly: true,
                defaultCaseIndex: nil, active: true, version: 1)
        }
        return [
            make("Входящие", "ВХ", "{seq}-вх", [.incoming]),
            make("Исходящие", "ИСХ", "{seq}-исх", [.outgoing]),
            make("Внутренние", "ВН", "{seq}-вн", [.internal]),
            make("Постановления и распоряжения", "ОРД", "{seq}-п", [.directive, .legalAct]),
            make("Обращения граждан", "ОГ", "{seq}-ОГ", [.appeal]),
        ]
    }
}

extension OborotError {
    static func journalClosed(_ name: String) -> OborotError {
        OborotError(.conflict, code: "journal_closed", title: "Журнал закрыт", detail: "Журнал «\(name)» закрыт для регистрации.")
    }

    static func journalRejectsKind(_ name: String, _ kind: DocumentKind) -> OborotError {
        OborotError(
            .unprocessable, code: "journal_rejects_kind", title: "Неподходящий журнал",
            detail: "В журнале «\(name)» не регистрируются документы вида «\(kind.russianName)».",
            fieldProblems: [FieldProblem(field: "journalId", code: "journal_rejects_kind", message: "Журнал не принимает документы этого вида.")])
    }
}
