/// What a person may do in an organisation and everything below it; raw values are the stable API codes.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Manages the organisation's subtree: organisations, staff, accounts and roles.
    case admin
    /// Registers incoming and outgoing documents (делопроизводитель).
    case registrar
    /// Heads the organisation: issues resolutions, signs.
    case head
    /// Executes assignments.
    case executor
    /// Watches deadlines of assignments (контролёр).
    case controlOfficer
    /// Reads reports and monitoring across the subtree.
    case analyst
    /// Serves visitors at a public reception or МФЦ.
    case receptionOperator

    /// The role's name in Russian, as the UI shows it.
    public var russianName: String {
        switch self {
        case .admin: "Администратор"
        case .registrar: "Делопроизводитель"
        case .head: "Руководитель"
        case .executor: "Исполнитель"
        case .controlOfficer: "Контролёр"
        case .analyst: "Аналитик"
        case .receptionOperator: "Оператор приёмной"
        }
    }
}
