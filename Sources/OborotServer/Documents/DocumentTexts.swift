import OborotDomain

/// Russian wording of the documents area: audit summaries and messages.
enum DocumentTexts {
    static let editPolicy = "делопроизводитель организации или автор проекта"
    static let unknownCorrespondent = "Корреспондент не найден в справочнике."
    static let unknownEmployee = "Сотрудник не найден или уволен."
    static let unknownAddressee = "Адресат не найден."

    static func label(_ document: Document) -> String {
        document.registration.map { "№ \($0.number) от \($0.date.russian)" } ?? "проект «\(document.requisites.title.prefix(80))»"
    }

    static func created(_ document: Document) -> String {
        "Создан документ вида «\(document.kind.russianName)»: «\(document.requisites.title.prefix(120))»"
    }

    static func registered(_ document: Document, journal: Journal) -> String {
        "Документ зарегистрирован в журнале «\(journal.name)»: \(label(document))"
    }

    static func updated(_ before: Document, _ after: Document) -> String {
        var changes: [String] = []
        let a = before.requisites
        let b = after.requisites
        if a.title != b.title { changes.append("заголовок") }
        if a.correspondentID != b.correspondentID || a.correspondentNumber != b.correspondentNumber || a.correspondentDate != b.correspondentDate {
            changes.append("сведения корреспондента")
        }
        if a.addressees != b.addressees { changes.append("адресаты") }
        if a.signerEmployeeID != b.signerEmployeeID { changes.append("подписант") }
        if a.executorEmployeeID != b.executorEmployeeID { changes.append("исполнитель") }
        if a.pages != b.pages || a.annexCount != b.annexCount { changes.append("листы и приложения") }
        if a.accessMark != b.accessMark { changes.append("гриф «\(b.accessMark.russianName)»") }
        if a.deliveryMethod != b.deliveryMethod { changes.append("способ доставки") }
        if a.notes != b.notes { changes.append("примечание") }
        if before.directiveForm != after.directiveForm { changes.append("форма документа") }
        return "Изменены реквизиты документа \(label(after)): \(changes.isEmpty ? "без изменений" : changes.joined(separator: ", "))"
    }

    static func transitioned(_ document: Document, event: DocumentEvent, from state: DocumentState) -> String {
        var text = "\(event.russianName): документ \(label(document)), «\(state.russianName)» → «\(document.state.russianName)»"
        if event == .cancel, let reason = document.cancellationReason { text += ". Причина: \(reason)" }
        return text
    }

    static func granted(_ login: String) -> String { "Пользователю «\(login)» предоставлен доступ к документу" }
    static func revoked(_ login: String) -> String { "У пользователя «\(login)» отозван доступ к документу" }
}
