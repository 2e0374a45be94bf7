/// A named rule deciding whether an actor may do something. Handlers ask; only the domain decides.
///
/// Policies compose with `anyOf`/`allOf`; the name appears in the `403` so people know which rule refused them.
public struct AccessPolicy: Sendable {
    public let name: String
    private let rule: @Sendable (Actor) -> Bool

    public init(_ name: String, rule: @escaping @Sendable (Actor) -> Bool) {
        self.name = name
        self.rule = rule
    }

    public func allows(_ actor: Actor) -> Bool { rule(actor) }

    /// Allowed when any of the policies allows.
    public static func anyOf(_ policies: AccessPolicy...) -> AccessPolicy {
        AccessPolicy(policies.map(\.name).joined(separator: " или ")) { actor in
            policies.contains { $0.allows(actor) }
        }
    }

    /// Allowed when every policy allows.
    public static func allOf(_ policies: AccessPolicy...) -> AccessPolicy {
        AccessPolicy(policies.map(\.name).joined(separator: " и ")) { actor in
            policies.allSatisfy { $0.allows(actor) }
        }
    }
}

extension Actor {
    /// Throws `forbidden` unless the policy allows this actor.
    public func require(_ policy: AccessPolicy) throws {
        guard policy.allows(self) else { throw OborotError.forbidden(policy.name) }
    }

    /// Throws `notFound` unless the policy allows: for objects whose very existence must not leak.
    public func requireVisible(_ policy: AccessPolicy, object: ObjectKind) throws {
        guard policy.allows(self) else { throw OborotError.notFound(object) }
    }
}
