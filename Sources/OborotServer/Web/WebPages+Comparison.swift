import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The «Сравнение версий» page of a file: what was removed and added between two versions, line by line.
extension WebPages {
    struct ComparisonModel {
        struct Line {
            var change: String
            var sign: String
            var text: String
            var oldNumber: Int?
            var newNumber: Int?
        }
        struct Option {
            var number: Int
            var selected: Bool
        }
        var documentId: String
        var attachmentId: String
        var fileName: String
        var documentLabel: String
        var from: Int
        var to: Int
        var fromOptions: [Option]
        var toOptions: [Option]
        var added: Int
        var removed: Int
        var identical: Bool
        var truncated: Bool
        var lines: [Line]
    }

    func addComparisonRoutes(to router: Router<AppRequestContext>) {
        router.get("/documents/:id/files/:attachmentId/compare") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            guard let attachmentID = context.parameters.get("attachmentId").flatMap(UUID.init(uuidString:)) else {
                throw OborotError.notFound(.attachment)
            }
            let query = request.uri.queryParameters
            let result = try await services.comparison.compare(
                caller, documentID: id, attachmentID: attachmentID, from: try RequestValues.integer(query["from"], field: "from"),
                to: try RequestValues.integer(query["to"], field: "to"))
            let details = try await services.documents.details(caller, id: id)
            let versions = details.attachments.first { $0.id == attachmentID }?.versions.map(\.number).sorted() ?? []
            let model = ComparisonModel(
                documentId: id.lowercasedString, attachmentId: attachmentID.lowercasedString, fileName: result.new.fileName,
                documentLabel: DocumentTexts.label(details.document), from: result.old.number, to: result.new.number,
                fromOptions: versions.map { .init(number: $0, selected: $0 == result.old.number) },
                toOptions: versions.map { .init(number: $0, selected: $0 == result.new.number) },
                added: result.summary.added, removed: result.summary.removed,
                identical: result.summary.added == 0 && result.summary.removed == 0, truncated: result.truncated,
                lines: result.lines.map {
                    .init(
                        change: $0.change.rawValue, sign: $0.change == .added ? "+" : $0.change == .removed ? "−" : " ",
                        text: $0.text, oldNumber: $0.oldNumber, newNumber: $0.newNumber)
                })
            return page("compare", title: "Сравнение версий «\(result.new.fileName)»", model: model, caller: caller, path: "/documents")
        }
    }
}
