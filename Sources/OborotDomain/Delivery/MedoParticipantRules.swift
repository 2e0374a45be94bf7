public import Foundation

/// The participants directory: every entry has a МЭДО uid and a name, and is either one of our organisations or
/// an outside correspondent — never both, never neither.
public enum MedoParticipantRules {
    public static func validate(
        uid: String?, name: String?, organizationID: UUID?, correspondentID: UUID?
    ) -> Result<(uid: String, name: String), OborotError> {
        var problems: [FieldProblem] = []
        let uid = uid?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let name = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if uid.isEmpty {
            problems.append(FieldProblem(field: "uid", code: "required", message: "Укажите идентификатор участника МЭДО."))
        } else if uid.count > 100 || !uid.unicodeScalars.allSatisfy({ $0.isASCII && !CharacterSet.whitespacesAndNewlines.contains($0) }) {
            problems.append(FieldProblem(field: "uid", code: "invalid", message: "Идентификатор МЭДО — латинские буквы, цифры и знаки без пробелов, до 100 символов."))
        }
        if name.isEmpty { problems.append(FieldProblem(field: "name", code: "required", message: "Укажите наименование участника.")) }
        if (organizationID == nil) == (correspondentID == nil) {
            problems.append(
                FieldProblem(field: "organizationId", code: "one_required", message: "Укажите либо организацию региона, либо корреспондента."))
        }
        if !problems.isEmpty { return .failure(OborotError.validation(problems)) }
        return .success((uid, String(name.prefix(1000))))
    }
}

extension OborotError {
    public static func medoParticipantExists(_ uid: String) -> OborotError {
        OborotError(
            .conflict, code: "medo_participant_exists", title: "Участник уже есть",
            detail: "Участник МЭДО с идентификатором «\(uid)» уже есть в справочнике.")
    }
}
