import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

/// The shared relevance corpus (`Data/search-corpus.json`, checked against a Python reference model by
/// `Data/check_corpus.py`): a few hundred Russian documents across four organisations, with queries and the exact
/// hits each viewer must get — morphology, number fragments, file and resolution text, permissions and query text
/// that looks like full-text syntax. The same expectations hold on SQLite and PostgreSQL.
@Suite("Поиск: эталонный корпус")
struct SearchCorpusTests {
    struct Corpus: Decodable {
        struct Document: Decodable {
            var key: String
            var organization: String
            var kind: String
            var title: String
            var number: String?
            var correspondent: String?
            var correspondentNumber: String?
            var notes: String?
            var fileText: String?
            var resolution: String?
            var restricted: Bool?
            var access: [String]?
        }

        struct Query: Decodable {
            var q: String
            var `as`: String
            var expect: [String]
            var why: String
        }

        var documents: [Document]
        var queries: [Query]
    }

    static let corpus: Corpus = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data/search-corpus.json")
        return try! JSONDecoder().decode(Corpus.self, from: Data(contentsOf: url))
    }()

    static let logins = ["clerk": "minfin.clerk", "minister": "minister", "governor": "governor"]

    @Test("every corpus query gives exactly the expected hits for its viewer", arguments: TestDatabaseKind.available)
    func corpusQueries(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let keys = try await SearchTestSupport.load(Self.corpus, into: app)
            var tokens: [String: String] = [:]
            for (viewer, login) in Self.logins { tokens[viewer] = try await app.signIn(login) }
            #expect(Self.corpus.queries.count >= 50)
            for query in Self.corpus.queries {
                let response = try await app.request(.get, SearchTestSupport.uri(query.q, limit: 100), token: tokens[query.as])
                #expect(response.status == .ok, "«\(query.q)»: \(response.text)")
                let body = try response.json()
                let items = body["items"] as? [[String: Any]] ?? []
                let found = Set(items.compactMap { keys[$0["id"] as? String ?? ""] })
                #expect(found == Set(query.expect), "«\(query.q)» as \(query.as) (\(query.why)): missing \(Set(query.expect).subtracting(found).sorted()), unexpected \(found.subtracting(query.expect).sorted())")
                // Counts come from the same visible set: never more than what the viewer may open.
                let facets = body["facets"] as? [String: Any]
                #expect(facets?["total"] as? Int == query.expect.count, "«\(query.q)» total")
            }
        }
    }

    /// PostgreSQL's `russian` configuration and our stemmer must agree word for word, and every word PostgreSQL
    /// ignores as a stop word must be one of ours — else the two databases would answer differently.
    @Test("our stemmer and stop words agree with PostgreSQL's russian configuration on the corpus vocabulary")
    func stemmerAgreesWithPostgres() async throws {
        guard TestDatabaseKind.available.contains(.postgres) else { return }
        var vocabulary: Set<String> = RussianStopWords.all
        for document in Self.corpus.documents {
            let text = [document.title, document.correspondent, document.notes, document.fileText, document.resolution]
                .compactMap { $0 }.joined(separator: " ")
            vocabulary.formUnion(SearchTerms.words(in: text).filter { !SearchTerms.isNumber($0) && $0.unicodeScalars.allSatisfy { $0.value >= 0x400 } })
        }
        #expect(vocabulary.count > 1000)
        try await TestDatabase.with(.postgres) { database in
            let words = vocabulary.sorted()
            let rows = try await database.read { db in
                try await db.sql.raw(
                    "SELECT w, to_tsvector('russian', w)::text AS v FROM unnest(\(bind: words)::text[]) AS w").all()
            }
            var disagreements: [String] = []
            for row in rows {
                let word = try row.decode(column: "w", as: String.self)
                let vector = try row.decode(column: "v", as: String.self)
                let ours = SearchTerms.term(forWord: word)
                let theirs = vector.isEmpty ? nil : vector.split(separator: ":").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
                if theirs == nil && ours != nil { disagreements.append("\(word): PostgreSQL ignores it, we stem it to \(ours!)") }
                if let theirs, let ours, theirs != ours { disagreements.append("\(word): PostgreSQL \(theirs), ours \(ours)") }
            }
            #expect(rows.count == words.count)
            #expect(disagreements.isEmpty, "\(disagreements.prefix(30))")
        }
    }
}

/// Loading documents for search tests: cards straight into the store (with the numbers the test wants), files
/// through the real upload API, then the indexer run to the end.
enum SearchTestSupport {
    static let configuration: ServerConfiguration = {
        var configuration = TestApp.configuration
        configuration.maxRequestBodyBytes = 1 << 20
        return configuration
    }()

    static func uri(_ q: String, limit: Int = 20, extra: String = "") -> String {
        "/api/v1/search?q=\(encoded(q))&limit=\(limit)\(extra)"
    }

    /// Percent-encodes everything but ASCII letters, digits and `-._~`.
    static func encoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Stores the corpus; returns document id → corpus key.
    static func load(_ corpus: SearchCorpusTests.Corpus, into app: TestApp) async throws -> [String: String] {
        let fixture = app.fixture
        let organizations = [
            "ministry": (fixture.ministry, fixture.ministryAdmin), "department": (fixture.department, fixture.ministryAdmin),
            "district": (fixture.district, fixture.districtAdmin), "otherDistrict": (fixture.otherDistrict, fixture.regionAdmin),
        ]
        let viewers = ["clerk": fixture.clerk, "minister": fixture.minister, "governor": fixture.governor]
        var keys: [String: String] = [:]
        var uploads: [(UUID, String, String)] = []
        var registrations: [(UUID, Document.Registration)] = []
        let start = Date(unixMilliseconds: Date().unixMilliseconds - 10_000_000)
        try await app.database.write { db in
            var journals: [UUID: [Journal]] = [fixture.ministry.id: fixture.ministryJournals]
            for (organization, _) in organizations.values where journals[organization.id] == nil {
                let set = Journal.standardSet(for: organization.id, newID: { UUID() })
                try await JournalRepository(db).insert(set)
                journals[organization.id] = set
            }
            var correspondents: [String: UUID] = [:]
            var sequences: [UUID: Int] = [:]
            for (index, entry) in corpus.documents.enumerated() {
                let (organization, author) = organizations[entry.organization]!
                let kind = DocumentKind(rawValue: entry.kind)!
                var correspondentID: UUID?
                if let name = entry.correspondent {
                    if correspondents[name] == nil {
                        let correspondent = Correspondent(
                            id: UUID(), kind: .organization, name: name, inn: nil, address: "адрес \(correspondents.count)",
                            email: nil, phone: nil, organizationID: nil, version: 1)
                        try await CorrespondentRepository(db).insert(correspondent)
                        correspondents[name] = correspondent.id
                    }
                    correspondentID = correspondents[name]
                }
                let created = start.addingTimeInterval(Double(index))
                var registration: Document.Registration?
                if let number = entry.number {
                    let journal = journals[organization.id]!.first { $0.kinds.contains(kind) }!
                    sequences[journal.id, default: 0] += 1
                    registration = Document.Registration(
                        journalID: journal.id, numberingYear: 2026, sequence: sequences[journal.id]!, number: number,
                        date: CalendarDate(year: 2026, month: 3, day: 1 + index % 28)!, registeredByUserID: author.userID)
                }
                let document = Document(
                    id: UUID(), organizationID: organization.id, kind: kind,
                    directiveForm: kind == .directive ? .order : nil, state: .draft,
                    requisites: DocumentRequisites(
                        title: entry.title, correspondentID: correspondentID, correspondentNumber: entry.correspondentNumber,
                        accessMark: entry.restricted == true ? .restricted : .none, notes: entry.notes),
                    signedAt: nil, registration: nil, caseFileID: nil, cancellationReason: nil,
                    createdByUserID: author.userID, createdAt: created, updatedAt: created, version: 1)
                try await DocumentRepository(db).insert(document, organizationPath: organization.path)
                for viewer in entry.access ?? [] {
                    try await DocumentRepository(db).grant(documentID: document.id, userID: viewers[viewer]!.userID, grantedBy: author.userID)
                }
                if let text = entry.resolution {
                    try await db.sql.raw(
                        """
                        INSERT INTO resolutions (id, document_id, author_user_id, organization_id, text, resolution_date,
                            state, controlled, version, created_at)
                        VALUES (\(bind: UUID().lowercasedString), \(bind: document.id.lowercasedString),
                            \(bind: author.userID.lowercasedString), \(bind: organization.id.lowercasedString), \(bind: text),
                            '2026-03-02', 'active', \(bind: false), 1, \(bind: created.unixMilliseconds))
                        """
                    ).run()
                }
                if let text = entry.fileText { uploads.append((document.id, author.login, text)) }
                if let registration { registrations.append((document.id, registration)) }
                keys[document.id.lowercasedString] = entry.key
            }
        }
        var tokens: [String: String] = [:]
        for (id, login, text) in uploads {
            if tokens[login] == nil { tokens[login] = try await app.signIn(login) }
            let uploaded = try await app.client.execute(
                uri: "/api/v1/documents/\(id.lowercasedString)/files?name=text.txt", method: .post,
                headers: [.authorization: "Bearer \(tokens[login]!)", .contentType: "text/plain"],
                body: ByteBuffer(string: text))
            guard uploaded.status == .created else { throw UnexpectedResponse(uploaded) }
        }
        // Registered after the uploads: the author of a draft may attach files, only a registrar afterwards.
        try await app.database.write { db in
            for (id, registration) in registrations {
                try await db.sql.raw(
                    """
                    UPDATE documents SET state = 'registered', journal_id = \(bind: registration.journalID.lowercasedString),
                        numbering_year = \(bind: registration.numberingYear), sequence = \(bind: registration.sequence),
                        registration_number = \(bind: registration.number), registration_date = \(bind: registration.date.iso)
                    WHERE id = \(bind: id.lowercasedString)
                    """
                ).run()
            }
        }
        try await indexer(app).runUntilIdle()
        return keys
    }

    static func indexer(_ app: TestApp) -> SearchIndexer {
        SearchIndexer(database: app.database, blobs: BlobStore(root: app.configuration.blobDirectory))
    }
}
