/// Which requisites each kind of document needs, and what their values may be.
public enum RequisiteRules {
    static let titleLabel = "Заголовок (краткое содержание)"

    /// How complete the card must be: a draft may lack requisites that registration needs.
    public enum Stage: Sendable {
        case draft
        case registration
    }

    /// Cleans the requisites and lists every problem at once: a registrar fixes the whole form in one pass.
    public static func validate(
        _ requisites: DocumentRequisites, kind: DocumentKind, directiveForm: DirectiveForm?, today: CalendarDate,
        stage: Stage = .registration
    ) -> Result<DocumentRequisites, OborotError> {
        var cleaned = requisites
        cleaned.title = requisites.title.trimmed
        cleaned.correspondentNumber = requisites.correspondentNumber.nonBlank
        cleaned.notes = requisites.notes.nonBlank
        cleaned.addressees = uniqued(requisites.addressees)

        var problems = TextRules.required(cleaned.title, field: "title", maxLength: 2000, label: titleLabel)
        problems += TextRules.optional(cleaned.correspondentNumber, field: "correspondentNumber", maxLength: 100, label: "Исходящий номер корреспондента")
        problems += TextRules.optional(cleaned.notes, field: "notes", maxLength: 4000, label: "Примечание")
        for requirement in requirements(for: kind) where stage == .registration && !requirement.isMet(cleaned, directiveForm) {
            problems.append(FieldProblem(field: requirement.field, code: "required", message: "Поле «\(requirement.label)» обязательно для документа вида «\(kind.russianName)»."))
        }
        if directiveForm != nil, kind != .directive {
            problems.append(FieldProblem(field: "directiveForm", code: "not_applicable", message: "Форма ОРД указывается только для распорядительных документов."))
        }
        if let date = cleaned.correspondentDate, date > today {
            problems.append(FieldProblem(field: "correspondentDate", code: "in_future", message: "Дата документа корреспондента не может быть позже сегодняшней."))
        }
        if let pages = cleaned.pages, !(1...100_000).contains(pages) {
            problems.append(FieldProblem(field: "pages", code: "out_of_range", message: "Количество листов: от 1 до 100 000."))
        }
        if let annexes = cleaned.annexCount, !(0...10_000).contains(annexes) {
            problems.append(FieldProblem(field: "annexCount", code: "out_of_range", message: "Количество приложений: от 0 до 10 000."))
        }
        return problems.isEmpty ? .success(cleaned) : .failure(.validation(problems))
    }

    /// One requisite a kind needs.
    struct Requirement: Sendable {
        var field: String
        var label: String
        var isMet: @Sendable (DocumentRequisites, DirectiveForm?) -> Bool
    }

    static let correspondent = Requirement(field: "correspondentId", label: "Корреспондент") { r, _ in r.correspondentID != nil }
    static let correspondentNumber = Requirement(field: "correspondentNumber", label: "Исходящий номер корреспондента") { r, _ in r.correspondentNumber != nil }
    static let correspondentDate = Requirement(field: "correspondentDate", label: "Дата документа корреспондента") { r, _ in r.correspondentDate != nil }
    static let delivery = Requirement(field: "deliveryMethod", label: "Способ доставки") { r, _ in r.deliveryMethod != nil }
    static let addressees = Requirement(field: "addressees", label: "Адресаты") { r, _ in !r.addressees.isEmpty }
    static let signer = Requirement(field: "signerEmployeeId", label: "Подписант") { r, _ in r.signerEmployeeID != nil }
    static let executor = Requirement(field: "executorEmployeeId", label: "Исполнитель") { r, _ in r.executorEmployeeID != nil }
    static let form = Requirement(field: "directiveForm", label: "Форма документа (постановление, распоряжение, приказ)") { _, form in form != nil }

    /// The requisites each kind needs beyond the title (Правила делопроизводства, ГОСТ Р 7.0.97-2016).
    static func requirements(for kind: DocumentKind) -> [Requirement] {
        switch kind {
        case .incoming: [correspondent, correspondentNumber, correspondentDate, delivery]
        case .outgoing: [addressees, signer, executor]
        case .internal: [addressees, signer]
        case .directive: [form, signer]
        case .legalAct: [signer]
        case .appeal: [delivery]
        }
    }

    /// The fields a kind requires, for forms that mark them.
    public static func requiredFields(for kind: DocumentKind) -> [String] {
        ["title"] + requirements(for: kind).map(\.field)
    }

    private static func uniqued(_ addressees: [Addressee]) -> [Addressee] {
        var seen = Set<Addressee>()
        return addressees.filter { seen.insert($0).inserted }
    }
}
