public import Foundation

/// Filing documents to case files of the nomenclature (requisite 30).
public enum DocumentFiling {
    /// A document goes to a case of its own organisation's nomenclature for the year it was registered in.
    public static func check(caseFile: CaseFile, organizationID: UUID, documentYear: Int) -> Result<Void, OborotError> {
        guard caseFile.organizationID == organizationID else {
            return .failure(.validation([FieldProblem(field: "caseFileId", code: "foreign_case_file", message: "Дело относится к номенклатуре другой организации.")]))
        }
        guard caseFile.year == documentYear else {
            return .failure(
                .validation([
                    FieldProblem(
                        field: "caseFileId", code: "wrong_year",
                        message: "Дело «\(caseFile.index)» из номенклатуры \(caseFile.year) года, а документ относится к \(documentYear) году.")
                ]))
        }
        return .success(())
    }
}

extension OborotError {
    public static func documentClosed(_ state: DocumentState) -> OborotError {
        OborotError(
            .conflict, code: "document_closed", title: "Документ закрыт для изменений",
            detail: "Документ в состоянии «\(state.russianName)»: реквизиты менять нельзя.")
    }

    public static let signedDocumentFrozen = OborotError(
        .conflict, code: "signed_document_frozen", title: "Документ подписан",
        detail: "Подписанный документ нельзя изменить: подпись относится к его нынешнему содержанию.")

    public static let journalRequired = OborotError.validation([
        FieldProblem(field: "journalId", code: "required", message: "Укажите журнал регистрации.")
    ])

    public static let caseFileRequired = OborotError.validation([
        FieldProblem(field: "caseFileId", code: "required", message: "Укажите дело по номенклатуре.")
    ])

    public static let cancellationReasonRequired = OborotError.validation([
        FieldProblem(field: "reason", code: "required", message: "Укажите причину аннулирования.")
    ])

    public static func caseIndexRequired(_ journal: String) -> OborotError {
        .validation([
            FieldProblem(
                field: "caseFileId", code: "required",
                message: "Номер в журнале «\(journal)» содержит индекс дела: укажите дело по номенклатуре.")
        ])
    }
}
