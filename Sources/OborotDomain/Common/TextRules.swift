/// Small checks on free text that every area's validation uses.
public enum TextRules {
    /// A required text field: present after trimming and not longer than `maxLength` characters.
    public static func required(_ value: String, field: String, maxLength: Int, label: String? = nil) -> [FieldProblem] {
        if value.isEmpty {
            return [FieldProblem(field: field, code: "required", message: CommonTexts.required(label ?? CommonTexts.fieldName(field)))]
        }
        return optional(value, field: field, maxLength: maxLength, label: label)
    }

    /// A required value of any other type: present.
    public static func present(_ value: Any?, field: String, label: String? = nil) -> [FieldProblem] {
        value == nil
            ? [FieldProblem(field: field, code: "required", message: CommonTexts.required(label ?? CommonTexts.fieldName(field)))]
            : []
    }

    /// An optional text field: when present, not longer than `maxLength` characters.
    public static func optional(_ value: String?, field: String, maxLength: Int, label: String? = nil) -> [FieldProblem] {
        guard let value, value.count > maxLength else { return [] }
        return [
            FieldProblem(
                field: field, code: "too_long",
                message: CommonTexts.tooLong(label ?? CommonTexts.fieldName(field), maxLength: maxLength))
        ]
    }
}
