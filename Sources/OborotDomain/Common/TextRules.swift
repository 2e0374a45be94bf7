/// Small checks on free text that every area's validation uses.
public enum TextRules {
    /// A required text field: present after trimming and not longer than `maxLength` characters.
    public static func required(_ value: String, field: String, maxLength: Int) -> [FieldProblem] {
        if value.isEmpty {
            return [FieldProblem(field: field, code: "required", message: CommonTexts.required(field))]
        }
        return optional(value, field: field, maxLength: maxLength)
    }

    /// An optional text field: when present, not longer than `maxLength` characters.
    public static func optional(_ value: String?, field: String, maxLength: Int) -> [FieldProblem] {
        guard let value, value.count > maxLength else { return [] }
        return [FieldProblem(field: field, code: "too_long", message: CommonTexts.tooLong(field, maxLength: maxLength))]
    }
}
