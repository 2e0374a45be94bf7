public import Foundation

/// An assistant's right to act for a head (помощник действует от имени руководителя).
///
/// While it is active the assistant may choose to act for the principal; every action then records both people.
public struct Delegation: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var principalUserID: UUID
    public var assistantUserID: UUID
    public var validFrom: Date
    public var validUntil: Date?
    public var revokedAt: Date?

    public init(
        id: UUID, principalUserID: UUID, assistantUserID: UUID, validFrom: Date, validUntil: Date?, revokedAt: Date?
    ) {
        self.id = id
        self.principalUserID = principalUserID
        self.assistantUserID = assistantUserID
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.revokedAt = revokedAt
    }

    /// Whether the assistant may act for the principal at `instant`.
    public func isActive(at instant: Date) -> Bool {
        revokedAt == nil && validFrom <= instant && (validUntil.map { instant < $0 } ?? true)
    }
}

/// Rules for creating delegations.
public enum DelegationRules {
    /// Problems with a proposed delegation; nobody delegates to themselves and the end comes after the start.
    public static func problems(principal: UUID, assistant: UUID, validFrom: Date, validUntil: Date?) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if principal == assistant {
            problems.append(
                FieldProblem(field: "assistantUserId", code: "self_delegation", message: AccessTexts.selfDelegation))
        }
        if let validUntil, validUntil <= validFrom {
            problems.append(
                FieldProblem(field: "validUntil", code: "ends_before_start", message: AccessTexts.delegationEndsBeforeStart))
        }
        return problems
    }
}
