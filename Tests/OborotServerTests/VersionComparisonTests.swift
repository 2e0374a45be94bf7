import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotStore
import OborotTestSupport
import Testing

@Suite("Сравнение версий файла")
struct VersionComparisonTests {
    @Test("two versions of a text file compare line by line through the API and on the page; a PDF does not", arguments: TestDatabaseKind.available)
    func compareVersions(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let author = try await app.signIn("minfin.admin")
            let (id, pdf) = try await ApprovalAPITests.draft(app, author: author)
            let first = "О финансировании ремонта дорог\nСумма: 10 млн руб.\nСрок: 2027 год\n"
            let second = "О финансировании ремонта дорог\nСумма: 12 млн руб.\nСрок: 2027 год\nИсполнитель: Минтранс\n"
            let uploaded = try await ApprovalAPITests.upload(app, "/api/v1/documents/\(id)/files?name=letter.txt", token: author, bytes: Array(first.utf8))
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let attachment = try #require(try uploaded.json()["attachmentId"] as? String)
            _ = try await ApprovalAPITests.upload(
                app, "/api/v1/documents/\(id)/files/\(attachment)/versions?name=letter.txt", token: author, bytes: Array(second.utf8))

            let diff = try await app.request(.get, "/api/v1/documents/\(id)/files/\(attachment)/diff", token: author)
            #expect(diff.status == .ok, "\(diff.text)")
            let result = try diff.json()
            #expect(result["from"] as? Int == 1)
            #expect(result["to"] as? Int == 2)
            #expect(result["added"] as? Int == 2)
            #expect(result["removed"] as? Int == 1)
            let lines = result["lines"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["change"] as? String } == ["same", "removed", "added", "same", "added"])
            #expect(lines.first { $0["change"] as? String == "removed" }?["text"] as? String == "Сумма: 10 млн руб.")

            let same = try await app.request(.get, "/api/v1/documents/\(id)/files/\(attachment)/diff?from=2&to=2", token: author)
            #expect(same.problemCode == "versions_not_found")
            _ = try await ApprovalAPITests.upload(app, "/api/v1/documents/\(id)/files/\(pdf)/versions?name=letter.pdf", token: author, bytes: ApprovalAPITests.letter + [1, 2, 3])
            let binary = try await app.request(.get, "/api/v1/documents/\(id)/files/\(pdf)/diff", token: author)
            #expect(binary.status == .unsupportedMediaType)
            #expect(binary.problemCode == "compare_unsupported")
            // People who do not see the document do not see its versions either.
            let outsider = try await app.signIn("district.admin")
            #expect(try await app.request(.get, "/api/v1/documents/\(id)/files/\(attachment)/diff", token: outsider).status == .notFound)

            let headers: HTTPFields = [.accept: "text/html", .authorization: "Bearer \(author)"]
            let card = try await app.client.execute(uri: "/documents/\(id)", method: .get, headers: headers).text
            #expect(card.contains("/documents/\(id)/files/\(attachment)/compare"))
            #expect(!card.contains("/documents/\(id)/files/\(pdf)/compare"))
            let page = try await app.client.execute(uri: "/documents/\(id)/files/\(attachment)/compare", method: .get, headers: headers)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<tr class="diff-removed">"#))
            #expect(page.text.contains("Исполнитель: Минтранс"))
            #expect(page.text.contains("добавлено строк: 2"))
        }
    }
}
