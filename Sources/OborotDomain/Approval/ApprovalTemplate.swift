public import Foundation

/// A reusable route of an organisation for one kind of document (e.g. «Исходящие письма министерства»: юрист →
/// заместитель министра): the author picks it instead of choosing approvers each time.
public struct ApprovalTemplate: Sendable, Equatable, Identifiable {
    public struct Approver: Sendable, Equatable, Codable {
        public var userID: UUID
        public var workingDays: Int

        public init(userID: UUID, workingDays: Int) {
            self.userID = userID
            self.workingDays = workingDays
        }
    }

    public var id: UUID
    public var organizationID: UUID
    public var kind: DocumentKind
    public var name: String
    public var stages: [[Approver]]
    public var createdByUserID: UUID
    public var createdAt: Date

    public init(
        id: UUID, organizationID: UUID, kind: DocumentKind, name: String, stages: [[Approver]], createdByUserID: UUID,
        createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.name = name
        self.stages = stages
        self.createdByUserID = createdByUserID
        self.createdAt = createdAt
    }

    /// Everything wrong with a template's name and stages.
    public static func problems(name: String, stages: [[Approver]]) -> [FieldProblem] {
        var problems = TextRules.required(name.trimmingCharacters(in: .whitespacesAndNewlines), field: "name", maxLength: 200, label: "Название шаблона")
        let plan = ApprovalPlan(stages: stages.map { $0.map { ApprovalPlan.Approver(employeeID: $0.userID, userID: $0.userID, workingDays: $0.workingDays) } })
        problems += ApprovalRules.problems(plan)
        return problems
    }
}
