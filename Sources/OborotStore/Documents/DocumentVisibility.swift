import OborotDomain
import SQLKit

/// `DocumentAccess.canView` as one SQL condition over `documents d`, so lists and counts never include (or count)
/// what the actor may not see. Both must change together; the storage tests compare them on every fixture document.
enum DocumentVisibility {
    static func condition(for actor: Actor) -> any SQLExpression {
        let user = actor.principal.userID.lowercasedString
        let employee = actor.principal.employeeID.lowercasedString
        var scopes: [OrganizationPath] = []
        for role in DocumentAccess.readerRoles { scopes += actor.scopes(for: role) }
        let topScopes = scopes.filter { path in !scopes.contains { $0 != path && path.isWithin($0) } }
        var open: [any SQLExpression] = topScopes.map { OrganizationRepository.pathRange($0, column: SQLColumn("organization_path", table: "d")) }
        open.append(SQLQueryString("d.created_by_user_id = \(bind: user)"))
        open.append(SQLQueryString("d.signer_employee_id = \(bind: employee)"))
        open.append(SQLQueryString("d.executor_employee_id = \(bind: employee)"))
        let participantOrReader = SQLGroupExpression(open.dropFirst().reduce(open[0]) { SQLBinaryExpression($0, .or, $1) })
        return SQLGroupExpression(
            SQLQueryString(
                "(d.access_mark = 'none' AND \(participantOrReader)) OR EXISTS (SELECT 1 FROM document_access a WHERE a.document_id = d.id AND a.user_id = \(bind: user))"
            ))
    }
}
