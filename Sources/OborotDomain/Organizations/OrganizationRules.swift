import Foundation

/// The rules an organisation's fields must satisfy before it is stored.
public enum OrganizationRules {
    /// The region's time zone, used when an organisation names none (Ростовская область: Moscow time).
    public static let defaultTimeZone = "Europe/Moscow"
    static let maxShortNameLength = 200
    static let maxFullNameLength = 1000

    /// Checks a draft against its intended parent and returns the cleaned draft, or every problem found.
    ///
    /// - Parameters:
    ///   - draft: what the person typed.
    ///   - parent: the organisation named by `draft.parentID`, already loaded (nil for a root).
    ///   - existing: the organisation being edited, or nil when creating; used to refuse moving it under itself.
    public static func validate(
        _ draft: OrganizationDraft, parent: Organization?, existing: Organization? = nil
    ) -> Result<OrganizationDraft, OborotError> {
        var cleaned = draft
        var problems: [FieldProblem] = []
        cleaned.shortName = draft.shortName.trimmingCharacters(in: .whitespacesAndNewlines)
        cleaned.fullName = draft.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
        cleaned.inn = draft.inn.nonBlank
        cleaned.ogrn = draft.ogrn.nonBlank
        cleaned.timeZone = draft.timeZone.nonBlank ?? parent?.timeZone ?? defaultTimeZone

        problems += TextRules.required(cleaned.shortName, field: "shortName", maxLength: maxShortNameLength)
        problems += TextRules.required(cleaned.fullName, field: "fullName", maxLength: maxFullNameLength)
        if let inn = cleaned.inn, !TaxIdentifiers.isValidINN(inn) {
            problems.append(FieldProblem(field: "inn", code: "invalid_inn", message: OrganizationTexts.invalidINN))
        }
        if let ogrn = cleaned.ogrn, !TaxIdentifiers.isValidOGRN(ogrn) {
            problems.append(FieldProblem(field: "ogrn", code: "invalid_ogrn", message: OrganizationTexts.invalidOGRN))
        }
        if let zone = cleaned.timeZone, TimeZone(identifier: zone) == nil {
            problems.append(
                FieldProblem(field: "timeZone", code: "unknown_time_zone", message: OrganizationTexts.unknownTimeZone))
        }
        problems += placementProblems(kind: draft.kind, parent: parent, existing: existing)
        return problems.isEmpty ? .success(cleaned) : .failure(.validation(problems))
    }

    /// Where a kind may sit in the tree, and that nothing moves under itself.
    static func placementProblems(
        kind: OrganizationKind, parent: Organization?, existing: Organization?
    ) -> [FieldProblem] {
        guard let parent else {
            return kind.mayBeRoot
                ? [] : [FieldProblem(field: "parentId", code: "parent_required", message: OrganizationTexts.parentRequired)]
        }
        if let existing, parent.path.isWithin(existing.path) {
            return [FieldProblem(field: "parentId", code: "cycle", message: OrganizationTexts.cannotMoveUnderItself)]
        }
        if !kind.allowedParentKinds.contains(parent.kind) {
            return [
                FieldProblem(
                    field: "parentId", code: "parent_kind_not_allowed",
                    message: OrganizationTexts.parentKindNotAllowed(child: kind, parent: parent.kind))
            ]
        }
        return []
    }
}

extension Optional where Wrapped == String {
    /// The trimmed text, or nil when it is missing or only whitespace.
    public var nonBlank: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
