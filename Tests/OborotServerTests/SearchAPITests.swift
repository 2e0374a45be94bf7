import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

/// Search through the real router: cards registered and edited through the API reach the index by the triggers'
/// queue, files are found by their text, bad input is refused without a 500, pages and facets count only what the
/// caller may see, suggestions and the `/search` page.
@Suite("Поиск (API)")
struct SearchAPITests {
    @Test("a card registered through the API is queued, found by a word form and a number fragment, and found by its new title after an edit",
          arguments: TestDatabaseKind.available)
    func registeredCardIsIndexed(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let clerk = try await app.signIn("minfin.clerk")
            #expect(try await app.count("search_queue") == 0)
            let card = try await Self.register(app, clerk, title: "О капитальном ремонте котельной")
            let id = Self.documentID(card)
            let number = try #require((card["registration"] as? [String: Any])?["number"] as? String)
            let version = try #require(card["version"] as? Int)
            #expect(try await app.count("search_queue") == 1, "the trigger queued the new card")

            // Not indexed yet: nothing found, and the answer says the index lags behind.
            let early = try await Self.search(app, clerk, "котельная")
            #expect(early.status == .ok, "\(early.text)")
            #expect(try Self.ids(early).isEmpty)
            #expect((try early.json()["indexNotice"] as? String)?.contains("Идёт индексирование") == true, "\(early.text)")

            try await SearchTestSupport.indexer(app).runUntilIdle()
            #expect(try await app.count("search_queue") == 0)
            #expect(try await app.count("search_entries") == 1)
            for query in ["котельную", "котельная", "КОТЕЛЬНОЙ", "ремонта котельных", number, "12/3", "12/34"] {
                let found = try await Self.search(app, clerk, query)
                #expect(found.status == .ok, "«\(query)»: \(found.text)")
                #expect(try Self.ids(found) == [id], "«\(query)»: \(found.text)")
                #expect(try found.json()["indexNotice"] as? String == nil, "«\(query)»: the index has caught up")
            }
            let byNumber = try await Self.search(app, clerk, number)
            let item = try #require(try Self.items(byNumber).first)
            #expect(item["registrationNumber"] as? String == number)
            #expect(item["title"] as? String == "О капитальном ремонте котельной")
            // A number fragment must be a prefix of one of the number's parts, not any digits.
            for query in ["12/35", "2-вх", "котельщик"] {
                #expect(try await Self.searchIDs(app, clerk, query).isEmpty, "«\(query)» must not match")
            }

            let edited = try await app.request(
                .patch, "/api/v1/documents/\(id)", token: clerk,
                json: #"{"version":\#(version),"title":"О капитальном ремонте водонапорной башни"}"#)
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(try await app.count("search_queue") == 1, "the edit queued the card again")
            try await SearchTestSupport.indexer(app).runUntilIdle()
            #expect(try await app.count("search_queue") == 0)
            #expect(try await app.count("search_entries") == 1, "the entry is replaced, not added")
            #expect(try await Self.searchIDs(app, clerk, "башне") == [id])
            #expect(try await Self.searchIDs(app, clerk, "водонапорная") == [id])
            #expect(try await Self.searchIDs(app, clerk, "котельную").isEmpty, "the old title is no longer found")
            #expect(try await Self.searchIDs(app, clerk, number) == [id], "the number is still found")
        }
    }

    @Test("bad input: a too long query is 422 and changes nothing, full-text syntax is never an error, an empty query lists the newest, bad cursor, kind, date and limit are 422, no session is 401",
          arguments: TestDatabaseKind.available)
    func badInput(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let clerk = try await app.signIn("minfin.clerk")
            var created: [String] = []
            for title in ["О ремонте дорог", "О ремонте мостов", "О ремонте школ"] {
                created.append(Self.documentID(try await Self.register(app, clerk, title: title)))
                try await Task.sleep(for: .milliseconds(5))  // distinct creation instants: the order is checked below
            }
            try await SearchTestSupport.indexer(app).runUntilIdle()
            let before = try await Self.tableCounts(app)

            let long = String(String(repeating: "ремонт дорог ", count: 800).prefix(10_000))
            #expect(long.count == 10_000)
            let tooLong = try await Self.search(app, clerk, long)
            #expect(tooLong.status == .unprocessableContent, "\(tooLong.status.code)")
            #expect(tooLong.problemCode == "search_query_too_long")
            #expect((try tooLong.json()["detail"] as? String)?.contains("не больше 1000 символов") == true, "\(tooLong.text)")
            let justFits = try await Self.search(app, clerk, String(repeating: "я", count: SearchQuery.maxLength))
            #expect(justFits.status == .ok, "a query of exactly the limit is accepted")

            // Whatever full-text syntax is typed, it is text: never a 500, never a parser error.
            let syntax = [
                "\"", "*", "NEAR(", "OR", "AND", "NOT", "(", ")", ":", "^", "'", "-", "\\", "%", "_", "\"\"\"", "(((",
                "***", "NEAR(ремонт дорог, 5)", "ремонт OR дорог", "ремонт AND NOT дорог", "title:ремонт", "terms:ремонт",
                "'; DROP TABLE documents; --", "ремонт\" OR \"", "ремонт\\", "100%", "a_b", "{ремонт}", "ремонт & | !",
                "ремонт:*", "'ремонт':A", "<->", "ремонт <-> дорог", "@@", "ё", "Ё*",
            ]
            for query in syntax {
                let response = try await Self.search(app, clerk, query)
                #expect(response.status == .ok, "«\(query)»: \(response.status.code) \(response.text)")
                let suggestions = try await app.request(.get, "/api/v1/search/suggestions?q=\(SearchTestSupport.encoded(query))", token: clerk)
                #expect(suggestions.status == .ok, "suggestions «\(query)»: \(suggestions.status.code) \(suggestions.text)")
            }
            // Punctuation around a word only separates it: the word is still found.
            let wrapped = [
                "\"ремонт\"", "ремонт*", "(ремонт)", "-ремонт", "^ремонт", "\\ремонт", "ремонт:", "'ремонт'", "%ремонт%",
                "_ремонт_", "\"ремонт", "ремонт\"", "ремонт...", "«ремонт»",
            ]
            for query in wrapped {
                let response = try await Self.search(app, clerk, query)
                #expect(response.status == .ok, "«\(query)»: \(response.text)")
                #expect(try Set(Self.ids(response)) == Set(created), "«\(query)»")
            }

            // Nothing typed: the newest cards first, and no facets of the whole archive.
            for uri in ["/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%20%20%20", "/api/v1/search?q=%09"] {
                let latest = try await app.request(.get, uri, token: clerk)
                #expect(latest.status == .ok, "\(uri): \(latest.text)")
                #expect(try Self.ids(latest) == Array(created.reversed()), "\(uri): newest created first")
                #expect(!(try latest.json()["facets"] is [String: Any]), "\(uri): no facets without a query or a filter")
            }

            let invalid: [(String, String)] = [
                (SearchTestSupport.uri("ремонт", extra: "&cursor=garbage"), "validation_failed"),
                (SearchTestSupport.uri("ремонт", extra: "&cursor=czp4Ong"), "validation_failed"),  // «s:x:x»
                (SearchTestSupport.uri("ремонт", extra: "&kind=nonsense"), "validation_failed"),
                (SearchTestSupport.uri("ремонт", extra: "&state=nonsense"), "validation_failed"),
                (SearchTestSupport.uri("ремонт", extra: "&from=2026-13-45"), "validation_failed"),
                (SearchTestSupport.uri("ремонт", extra: "&organizationId=not-an-id"), "validation_failed"),
                ("/api/v1/search?q=x&limit=0", "validation_failed"),
                ("/api/v1/search?q=x&limit=101", "validation_failed"),
                ("/api/v1/search?q=x&limit=abc", "validation_failed"),
            ]
            for (uri, code) in invalid {
                let response = try await app.request(.get, uri, token: clerk)
                #expect(response.status == .unprocessableContent, "\(uri): \(response.status.code) \(response.text)")
                #expect(response.problemCode == code, "\(uri): \(response.text)")
            }
            #expect(try await app.request(.get, "/api/v1/search?q=x&limit=100", token: clerk).status == .ok)
            #expect(try await app.request(.get, "/api/v1/search?q=x&limit=1", token: clerk).status == .ok)

            for uri in [SearchTestSupport.uri("ремонт"), "/api/v1/search/suggestions?q=12", "/api/v1/search/status"] {
                let anonymous = try await app.request(.get, uri)
                #expect(anonymous.status == .unauthorized, "\(uri): \(anonymous.status.code)")
            }
            #expect(try await app.request(.get, SearchTestSupport.uri("ремонт"), token: "obt_not-a-token").status == .unauthorized)

            #expect(try await Self.tableCounts(app) == before, "searching changed nothing")
        }
    }

    @Test("pages by relevance and by date give every match exactly once; the last page has no cursor; a cursor of one order is refused by the other",
          arguments: TestDatabaseKind.available)
    func pagination(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let clerk = try await app.signIn("minfin.clerk")
            var matching: [String] = []
            for index in 1...25 {
                matching.append(Self.documentID(try await Self.register(app, clerk, title: "Заявка на закупку топлива, партия \(index)")))
                try await Task.sleep(for: .milliseconds(3))
            }
            for index in 1...3 { _ = try await Self.register(app, clerk, title: "Письмо о погоде \(index)") }
            try await SearchTestSupport.indexer(app).runUntilIdle()

            var firstCursors: [String: String] = [:]
            for sort in ["relevance", "date"] {
                var seen: [String] = []
                var cursor: String?
                var pages = 0
                repeat {
                    let extra = "&sort=\(sort)" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let response = try await Self.search(app, clerk, "закупка топлива", limit: 10, extra: extra)
                    #expect(response.status == .ok, "\(sort) page \(pages + 1): \(response.text)")
                    let body = try response.json()
                    let page = (body["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? String)?.lowercased() }
                    seen += page
                    cursor = body["nextCursor"] as? String
                    pages += 1
                    if pages == 1 { firstCursors[sort] = cursor }
                    #expect(page.count == (cursor == nil ? 5 : 10), "\(sort) page \(pages)")
                    #expect((body["facets"] as? [String: Any])?["total"] as? Int == 25, "\(sort) page \(pages): total of every match")
                } while cursor != nil && pages < 10
                #expect(pages == 3, "\(sort): 25 matches in pages of 10")
                #expect(seen.count == 25, "\(sort): \(seen.count) items")
                #expect(Set(seen) == Set(matching), "\(sort): every match exactly once")
                if sort == "date" { #expect(seen == Array(matching.reversed()), "by date: the newest first") }
            }
            let relevanceCursor = try #require(firstCursors["relevance"])
            let dateCursor = try #require(firstCursors["date"])
            let crossed = try await Self.search(app, clerk, "закупка топлива", limit: 10, extra: "&sort=date&cursor=\(relevanceCursor)")
            #expect(crossed.status == .unprocessableContent, "a relevance cursor with sort=date: \(crossed.text)")
            let crossedBack = try await Self.search(app, clerk, "закупка топлива", limit: 10, extra: "&sort=relevance&cursor=\(dateCursor)")
            #expect(crossedBack.status == .unprocessableContent, "a date cursor with sort=relevance: \(crossedBack.text)")
        }
    }

    @Test("facet counts match the items; kind, state, organisation subtree and overdue filters narrow; nothing hidden is counted until access is granted",
          arguments: TestDatabaseKind.available)
    func facetsAndFilters(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let fixture = app.fixture
            let clerk = try await app.signIn("minfin.clerk")
            let minister = try await app.signIn("minister")
            let districtAdmin = try await app.signIn("district.admin")
            let ministryID = fixture.ministry.id.lowercasedString
            let departmentID = fixture.department.id.lowercasedString

            let registered = Self.documentID(try await Self.register(app, clerk, title: "Смета капитального ремонта школы"))
            let department = try await Self.create(app, clerk, json: Self.incomingDraft(app, in: fixture.department, title: "Сметы на ремонт спортзала"))
            let outgoing = try await Self.create(
                app, clerk,
                json: #"{"organizationId":"\#(fixture.ministry.id)","kind":"outgoing","title":"О направлении сметы подрядчику","addressees":[{"correspondentId":"\#(fixture.correspondent.id)"}],"signerEmployeeId":"\#(fixture.ministryAdmin.employeeID)","executorEmployeeId":"\#(fixture.clerk.employeeID)"}"#)
            let restricted = Self.documentID(try await Self.register(app, clerk, title: "Смету засекретить", accessMark: "restricted"))
            let district = try await Self.create(app, districtAdmin, json: Self.incomingDraft(app, in: fixture.district, title: "Смета района"))
            try await SearchTestSupport.indexer(app).runUntilIdle()
            #expect(try await app.count("search_entries") == 5)

            // The minister (head of the ministry) sees its subtree, but neither the ДСП card nor the district's.
            let all = try await Self.search(app, minister, "смета")
            #expect(all.status == .ok, "\(all.text)")
            #expect(try Set(Self.ids(all)) == [registered, department, outgoing])
            let facets = try Self.facets(all)
            #expect(facets["total"] as? Int == 3)
            #expect(Self.counts(facets, "kinds") == ["incoming": 2, "outgoing": 1])
            #expect(Self.counts(facets, "organizations") == [ministryID: 2, departmentID: 1])
            #expect(Self.counts(facets, "states") == ["registered": 1, "draft": 2])
            let allItems = try Self.items(all)
            #expect(Self.counts(facets, "kinds").values.reduce(0, +) == allItems.count)
            #expect(facets["withOverdueAssignments"] as? Int == 0)
            #expect(!all.text.contains("Смету засекретить") && !all.text.contains("Смета района"))
            // The others see what is hidden from him: the cards match, they are only not his to see.
            #expect(try await Set(Self.searchIDs(app, clerk, "смета")) == [registered, department, outgoing, restricted])
            #expect(try await Self.searchFacets(app, clerk, "смета")["total"] as? Int == 4)
            #expect(try await Self.searchIDs(app, districtAdmin, "смета") == [district])

            let filtered: [(String, Set<String>)] = [
                ("&kind=outgoing", [outgoing]),
                ("&kind=incoming", [registered, department]),
                ("&kind=incoming&kind=outgoing", [registered, department, outgoing]),
                ("&state=draft", [department, outgoing]),
                ("&organizationId=\(ministryID)", [registered, department, outgoing]),
                ("&organizationId=\(departmentID)", [department]),
                ("&organizationId=\(fixture.district.id.lowercasedString)", []),
                ("&organizationId=\(departmentID)&kind=outgoing", []),
            ]
            for (extra, expected) in filtered {
                let response = try await Self.search(app, minister, "смета", extra: extra)
                #expect(response.status == .ok, "\(extra): \(response.text)")
                #expect(try Set(Self.ids(response)) == expected, "\(extra)")
                #expect(try Self.facets(response)["total"] as? Int == expected.count, "\(extra): total")
            }
            // A filter without a query lists the filtered cards, with facets.
            let byKind = try await app.request(.get, "/api/v1/search?kind=outgoing", token: minister)
            #expect(try Self.ids(byKind) == [outgoing])
            #expect(try Self.facets(byKind)["total"] as? Int == 1)

            // An open assignment past its deadline on the registered card.
            try await Self.insertOverdueAssignment(app, documentID: registered)
            try await SearchTestSupport.indexer(app).runUntilIdle()
            #expect(try await Self.searchFacets(app, minister, "смета")["withOverdueAssignments"] as? Int == 1)
            let overdue = try await Self.search(app, minister, "смета", extra: "&overdue=1")
            #expect(try Self.ids(overdue) == [registered])
            #expect(try Self.facets(overdue)["total"] as? Int == 1)
            #expect(try await Self.searchIDs(app, minister, "смета", extra: "&overdue=1&kind=outgoing").isEmpty)

            // Explicit access opens the ДСП card to him: in the items and in the counts.
            let granted = try await app.request(
                .post, "/api/v1/documents/\(restricted)/access", token: clerk, json: #"{"userId":"\#(fixture.minister.userID)"}"#)
            #expect(granted.status == .noContent, "\(granted.text)")
            let after = try await Self.search(app, minister, "смета")
            #expect(try Set(Self.ids(after)) == [registered, department, outgoing, restricted])
            #expect(try Self.facets(after)["total"] as? Int == 4)
            #expect(Self.counts(try Self.facets(after), "kinds") == ["incoming": 3, "outgoing": 1])
            let restrictedItem = try Self.items(after).first { ($0["id"] as? String)?.lowercased() == restricted }
            #expect(restrictedItem?["accessMark"] as? String == "restricted")
        }
    }

    @Test("files: a TXT is found by its words with a short marked snippet; a corrupt DOCX leaves the card findable with a notice; a PDF by its text or with a notice about pdftotext; status shows nothing queued",
          arguments: TestDatabaseKind.available)
    func files(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let pdfTool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
                .contains { FileManager.default.isExecutableFile(atPath: $0) }

            let textCard = Self.documentID(try await Self.register(app, clerk, title: "Справка о состоянии водоснабжения"))
            let filler = String(repeating: "Бюджетная сводка содержит таблицы расходов и доходов за отчётный период. ", count: 400)
            let text = filler + "Отдельно рассмотрен вопрос о закупке пожарных гидрантов для посёлка. " + filler + filler + filler
                + "Приложение: перечень манометров."
            #expect(text.count > 100_000)
            let txt = try await Self.upload(app, clerk, documentID: textCard, name: "spravka.txt", bytes: Array(text.utf8), contentType: "text/plain")
            #expect(txt.status == .created, "\(txt.text)")

            let docxCard = Self.documentID(try await Self.register(app, clerk, title: "Акт сверки расчётов с подрядчиком"))
            let corrupt: [UInt8] = Array("PK\u{3}\u{4}".utf8) + Array("word/document.xml".utf8) + (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let docx = try await Self.upload(app, clerk, documentID: docxCard, name: "akt.docx", bytes: corrupt)
            #expect(docx.status == .created, "\(docx.text)")

            let pdfCard = Self.documentID(try await Self.register(app, clerk, title: "Скан письма о поставке"))
            let pdf = try await Self.upload(app, clerk, documentID: pdfCard, name: "scan.pdf", bytes: Self.minimalPDF(text: "Zvezdolet"))
            #expect(pdf.status == .created, "\(pdf.text)")
            #expect(try pdf.json()["mimeType"] as? String == "application/pdf")

            #expect(try await Self.searchIDs(app, clerk, "гидрант").isEmpty, "not indexed yet")
            try await SearchTestSupport.indexer(app).runUntilIdle()

            let found = try await Self.search(app, clerk, "гидрант")
            #expect(found.status == .ok, "\(found.text)")
            #expect(try Self.ids(found) == [textCard])
            let item = try #require(try Self.items(found).first)
            let fragments = try #require(item["snippet"] as? [[String: Any]], "\(found.text)")
            let marked = fragments.filter { $0["match"] as? Bool == true }.compactMap { $0["text"] as? String }
            #expect(!marked.isEmpty, "a fragment marked as the match")
            #expect(marked.allSatisfy { $0.lowercased().hasPrefix("гидрант") }, "\(marked)")
            let snippet = fragments.compactMap { $0["text"] as? String }.joined()
            #expect(snippet.contains("закупке пожарных"), "\(snippet)")
            #expect(snippet.count <= 400, "the snippet is short: \(snippet.count) characters")
            #expect(found.text.utf8.count < 8_000, "the answer carries a snippet, not the file's text")
            #expect(item["notice"] as? String == nil)
            #expect(try await Self.searchIDs(app, clerk, "манометр") == [textCard], "the end of a long file is indexed too")
            #expect(try await Self.searchIDs(app, clerk, "гидрантов посёлка") == [textCard])

            let damaged = try await Self.search(app, clerk, "сверка")
            #expect(try Self.ids(damaged) == [docxCard], "the card is still found by its title")
            let notice = try #require(try Self.items(damaged).first?["notice"] as? String, "\(damaged.text)")
            #expect(notice.contains("текст не извлечён"), "\(notice)")
            #expect(notice.contains("akt.docx"), "\(notice)")

            if pdfTool {
                let scanned = try await Self.search(app, clerk, "zvezdolet")
                #expect(try Self.ids(scanned) == [pdfCard], "pdftotext read the PDF: \(scanned.text)")
                #expect(try Self.items(scanned).first?["notice"] as? String == nil)
            } else {
                let scanned = try await Self.search(app, clerk, "скан")
                #expect(try Self.ids(scanned) == [pdfCard], "the PDF's card is found by its title")
                let pdfNotice = try #require(try Self.items(scanned).first?["notice"] as? String, "\(scanned.text)")
                #expect(pdfNotice.contains("pdftotext"), "\(pdfNotice)")
                #expect(try await Self.searchIDs(app, clerk, "zvezdolet").isEmpty)
            }

            // Region-wide figures are for administrators only.
            #expect(try await app.request(.get, "/api/v1/search/status", token: clerk).status == .forbidden)
            let admin = try await app.signIn("minfin.admin")
            let status = try await app.request(.get, "/api/v1/search/status", token: admin)
            #expect(status.status == .ok, "\(status.text)")
            let counts = try status.json()
            #expect(counts["queuedDocuments"] as? Int == 0)
            #expect(counts["indexedDocuments"] as? Int == 3)
            #expect(counts["pendingFiles"] as? Int == 0)
            #expect(counts["failedFiles"] as? Int == 1, "only the corrupt DOCX failed: \(status.text)")
            #expect(counts["filesWaitingForTool"] as? Int == (pdfTool ? 0 : 1))
            #expect(counts["pdfToolInstalled"] as? Bool == pdfTool)
            #expect((counts["extractedTextBytes"] as? Int ?? 0) >= text.utf8.count)
        }
    }

    @Test("suggestions: a number prefix gives the registration number, a name prefix the correspondent; a ДСП number only to those with access",
          arguments: TestDatabaseKind.available)
    func suggestions(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let minister = try await app.signIn("minister")
            let open = try await Self.register(app, clerk, title: "О поставке оборудования")
            _ = try await Self.register(app, clerk, title: "О поставке мебели")
            let secret = try await Self.register(app, clerk, title: "О поставке спецсредств", accessMark: "restricted")
            let number = try #require((open["registration"] as? [String: Any])?["number"] as? String)
            let secretNumber = try #require((secret["registration"] as? [String: Any])?["number"] as? String)
            try await SearchTestSupport.indexer(app).runUntilIdle()

            func suggest(_ text: String, _ token: String) async throws -> [[String: Any]] {
                let response = try await app.request(.get, "/api/v1/search/suggestions?q=\(SearchTestSupport.encoded(text))", token: token)
                #expect(response.status == .ok, "«\(text)»: \(response.text)")
                return try response.jsonArray()
            }

            let prefix = String(number.dropLast())  // «1-вх» → «1-в»
            let numbers = try await suggest(prefix, minister)
            let suggested = try #require(numbers.first { $0["text"] as? String == number }, "«\(prefix)»: \(numbers)")
            #expect(suggested["kind"] as? String == "number")
            #expect((suggested["documentId"] as? String)?.lowercased() == Self.documentID(open))
            #expect(suggested["name"] as? String == number)
            #expect(!numbers.contains { $0["text"] as? String == secretNumber })

            for typed in ["Дорожн", "дорож"] {
                let names = try await suggest(typed, minister)
                let correspondent = try #require(names.first { $0["text"] as? String == "ООО «Дорожник»" }, "«\(typed)»: \(names)")
                #expect(correspondent["kind"] as? String == "correspondent")
            }

            // The ДСП card's number is offered to its creator (who has access), never to the minister.
            let hidden = try await suggest(secretNumber, minister)
            #expect(!hidden.contains { $0["text"] as? String == secretNumber }, "\(hidden)")
            let ownCard = try await suggest(secretNumber, clerk)
            #expect(ownCard.contains { $0["text"] as? String == secretNumber && $0["kind"] as? String == "number" }, "\(ownCard)")
            let oneCharacter = try await suggest("1", minister)
            #expect(oneCharacter.isEmpty, "one character suggests nothing")
            let empty = try await suggest("", minister)
            #expect(empty.isEmpty)
        }
    }

    @Test("the /search page: Russian, the match marked in the result, the title linked; a too long query is a 422 page that keeps what was typed",
          arguments: TestDatabaseKind.available)
    func webPage(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind, configuration: SearchTestSupport.configuration) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let id = Self.documentID(try await Self.register(app, clerk, title: "О ремонте котельной в Заречье"))
            try await SearchTestSupport.indexer(app).runUntilIdle()

            let signedOut = try await Self.page(app, "/search?q=\(SearchTestSupport.encoded("котельную"))", cookie: nil)
            #expect(signedOut.status == .seeOther)

            let response = try await Self.page(app, "/search?q=\(SearchTestSupport.encoded("котельную"))", cookie: clerk)
            #expect(response.status == .ok, "\(response.status.code)")
            let html = response.text
            #expect(html.contains(#"<html lang="ru">"#))
            #expect(html.contains("Поиск документов"))
            #expect(html.contains("<mark>котельной</mark>"), "the match is marked")
            #expect(html.contains(#"href="/documents/\#(id)">О ремонте котельной в Заречье</a>"#), "the result's title links to its card")
            #expect(html.contains("Найдено: 1 документ"))
            #expect(html.contains(#"value="котельную""#), "the box keeps the query")
            #expect(html.contains("search-facets"), "facets to narrow by")

            let nothing = try await Self.page(app, "/search?q=\(SearchTestSupport.encoded("звездолёт"))", cookie: clerk)
            #expect(nothing.status == .ok)
            #expect(nothing.text.contains("Ничего не найдено."))
            #expect(!nothing.text.contains("<mark>"))

            let long = String(repeating: "я", count: 1_001)
            let refused = try await Self.page(app, "/search?q=\(SearchTestSupport.encoded(long))", cookie: clerk)
            #expect(refused.status == .unprocessableContent, "\(refused.status.code)")
            #expect(refused.text.contains(#"<html lang="ru">"#))
            #expect(refused.text.contains("Запрос слишком длинный: не больше 1000 символов"))
            #expect(refused.text.contains(#"value="\#(long)""#), "the typed query stays in the box")
            #expect(!refused.text.contains("search-result__title"))
        }
    }

    // MARK: Helpers

    /// Registers an incoming letter in the ministry's «Входящие» through the API; returns the card.
    static func register(_ app: TestApp, _ token: String, title: String, accessMark: String = "none") async throws -> [String: Any] {
        let response = try await app.request(
            .post, "/api/v1/documents", token: token, json: DocumentAPITests.incoming(app, title: title, accessMark: accessMark))
        guard response.status == .created else { throw UnexpectedResponse(response) }
        return try response.json()
    }

    /// Creates a card from `json` through the API; returns its id.
    static func create(_ app: TestApp, _ token: String, json: String) async throws -> String {
        let response = try await app.request(.post, "/api/v1/documents", token: token, json: json)
        guard response.status == .created else { throw UnexpectedResponse(response) }
        return documentID(try response.json())
    }

    /// An incoming draft (not registered) in `organization`.
    static func incomingDraft(_ app: TestApp, in organization: Organization, title: String) -> String {
        #"{"organizationId":"\#(organization.id)","kind":"incoming","title":"\#(title)","correspondentId":"\#(app.fixture.correspondent.id)","correspondentNumber":"77/1","correspondentDate":"2026-01-15","deliveryMethod":"post","pages":1,"accessMark":"none"}"#
    }

    static func documentID(_ card: [String: Any]) -> String {
        (card["id"] as? String ?? "").lowercased()
    }

    static func search(_ app: TestApp, _ token: String?, _ q: String, limit: Int = 20, extra: String = "") async throws -> TestResponse {
        try await app.request(.get, SearchTestSupport.uri(q, limit: limit, extra: extra), token: token)
    }

    static func searchIDs(_ app: TestApp, _ token: String?, _ q: String, extra: String = "") async throws -> [String] {
        let response = try await search(app, token, q, extra: extra)
        guard response.status == .ok else { throw UnexpectedResponse(response) }
        return try ids(response)
    }

    static func searchFacets(_ app: TestApp, _ token: String?, _ q: String, extra: String = "") async throws -> [String: Any] {
        let response = try await search(app, token, q, extra: extra)
        guard response.status == .ok else { throw UnexpectedResponse(response) }
        return try facets(response)
    }

    static func items(_ response: TestResponse) throws -> [[String: Any]] {
        try response.json()["items"] as? [[String: Any]] ?? []
    }

    static func ids(_ response: TestResponse) throws -> [String] {
        try items(response).compactMap { ($0["id"] as? String)?.lowercased() }
    }

    static func facets(_ response: TestResponse) throws -> [String: Any] {
        try response.json()["facets"] as? [String: Any] ?? [:]
    }

    /// A facet group as value → count.
    static func counts(_ facets: [String: Any], _ group: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in facets[group] as? [[String: Any]] ?? [] {
            if let value = entry["value"] as? String, let count = entry["count"] as? Int { counts[value] = count }
        }
        return counts
    }

    /// Rows of the tables a search must never touch.
    static func tableCounts(_ app: TestApp) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["documents", "search_queue", "search_entries", "extracted_texts", "audit_events"] {
            counts.append(try await app.count(table))
        }
        return counts
    }

    static func upload(
        _ app: TestApp, _ token: String, documentID: String, name: String, bytes: [UInt8],
        contentType: String = "application/octet-stream"
    ) async throws -> TestResponse {
        try await app.client.execute(
            uri: "/api/v1/documents/\(documentID)/files?name=\(SearchTestSupport.encoded(name))", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: contentType], body: ByteBuffer(bytes: bytes))
    }

    static func page(_ app: TestApp, _ uri: String, cookie: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "text/html"]
        if let cookie { headers[.cookie] = "oborot_session=\(cookie)" }
        return try await app.client.execute(uri: uri, method: .get, headers: headers)
    }

    /// A resolution with one open assignment whose deadline passed long ago (the control API refuses past
    /// deadlines, so it is stored directly).
    static func insertOverdueAssignment(_ app: TestApp, documentID: String) async throws {
        let fixture = app.fixture
        let now = Date().unixMilliseconds
        let resolutionID = UUID().lowercasedString
        let assignmentID = UUID().lowercasedString
        try await app.database.write { db in
            try await db.sql.raw(
                """
                INSERT INTO resolutions (id, document_id, author_user_id, organization_id, text, resolution_date,
                    state, controlled, version, created_at)
                VALUES (\(bind: resolutionID), \(bind: documentID), \(bind: fixture.minister.userID.lowercasedString),
                    \(bind: fixture.ministry.id.lowercasedString), 'Рассмотреть и доложить', '1999-12-20', 'active',
                    \(bind: false), 1, \(bind: now))
                """
            ).run()
            try await db.sql.raw(
                """
                INSERT INTO assignments (id, resolution_id, document_id, author_user_id, executor_organization_id,
                    responsible, text, deadline, initial_deadline, state, is_open, issued_at, issued_on, version)
                VALUES (\(bind: assignmentID), \(bind: resolutionID), \(bind: documentID),
                    \(bind: fixture.minister.userID.lowercasedString), \(bind: fixture.ministry.id.lowercasedString),
                    \(bind: true), 'Рассмотреть и доложить', '2000-01-01', '2000-01-01', 'issued', \(bind: true),
                    \(bind: now), '1999-12-20', 1)
                """
            ).run()
        }
    }

    /// A one-page PDF with `text` in Helvetica, written by hand with correct cross-reference offsets.
    static func minimalPDF(text: String) -> [UInt8] {
        let content = "BT /F1 24 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            pdf += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
