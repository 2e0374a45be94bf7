public import Foundation

/// How long a case file is kept (срок хранения).
public enum Retention: Sendable, Equatable, Hashable {
    case years(Int)
    case permanent

    public var russianName: String {
        switch self {
        case .permanent: "Постоянно"
        case .years(let years): RussianPlural.years.counted(years)
        }
    }

    /// Stored as a number of years, or nil for permanent.
    public var storedYears: Int? {
        if case .years(let years) = self { return years }
        return nil
    }

    public init(storedYears: Int?) {
        self = storedYears.map { .years($0) } ?? .permanent
    }
}

/// A case file of an organisation's nomenclature for one year (дело по номенклатуре).
public struct CaseFile: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var year: Int
    /// The index in the nomenclature, e.g. «01-15».
    public var index: String
    public var title: String
    public var retention: Retention
    public var version: Int

    public init(
        id: UUID, organizationID: UUID, year: Int, index: String, title: String, retention: Retention, version: Int
    ) {
        self.id = id
        self.organizationID = organizationID
        self.year = year
        self.index = index
        self.title = title
        self.retention = retention
        self.version = version
    }

    /// The first year the case may be destroyed (retention counts from 1 January of the year after it closes), or
    /// nil when it is kept permanently.
    public var destructionYear: Int? {
        retention.storedYears.map { year + 1 + $0 }
    }
}

/// Rules of the nomenclature.
public enum CaseFileRules {
    public static func validate(index: String, title: String, year: Int, retentionYears: Int?) -> [FieldProblem] {
        var problems = TextRules.required(index.trimmed, field: "index", maxLength: 50)
        problems += TextRules.required(title.trimmed, field: "title", maxLength: 1000)
        if !(2000...2100).contains(year) {
            problems.append(FieldProblem(field: "year", code: "invalid_year", message: "Год номенклатуры указан неверно."))
        }
        if let retentionYears, !(1...75).contains(retentionYears) {
            problems.append(
                FieldProblem(field: "retentionYears", code: "invalid_retention", message: "Срок хранения: от 1 до 75 лет или «постоянно»."))
        }
        return problems
    }
}
