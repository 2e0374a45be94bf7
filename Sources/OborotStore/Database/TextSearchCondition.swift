import OborotDomain
import SQLKit

/// `column LIKE '%text%'` with the text's own `%` and `_` escaped; the column holds `SearchText.normalize`d text.
func containsText(_ normalizedText: String, column: String) -> any SQLExpression {
    SQLQueryString("\(unsafeRaw: column) LIKE \(bind: SearchText.likePattern(containing: normalizedText)) ESCAPE '\\'")
}
