import Foundation
@testable import OborotServer
import OborotDomain
import Testing

@Suite("Разбор заголовков аутентификации")
struct AuthenticationParsingTests {
    @Test("bearer tokens are read case-insensitively and trimmed", arguments: [
        ("Bearer abc", "abc"), ("bearer  abc  ", "abc"), ("BEARER x.y-z", "x.y-z"), ("Bearer ", nil), ("Basic abc", nil),
        ("Bearerabc", nil), ("", nil),
    ])
    func bearer(_ header: String, _ expected: String?) {
        #expect(AuthenticationMiddleware.bearerToken(header) == expected)
    }

    @Test("ids print lowercase with dashes, the same as Foundation's form lowercased")
    func uuids() {
        for _ in 0..<100 {
            let id = UUID()
            #expect(id.lowercasedString == id.uuidString.lowercased())
        }
    }
}
