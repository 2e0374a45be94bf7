public import Foundation
public import OborotDomain
import SQLKit

/// Appeals beside their cards: applicants, questions, extensions and the applicants' keys for repeated appeals.
public struct AppealRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// Stores a new appeal with its parts.
    public func insert(_ appeal: Appeal, organizationID: UUID, explanation: String?) async throws {
        try await db.sql.insert(into: "appeals")
            .rows([AppealRow(appeal, organizationID: organizationID, explanation: explanation, specialCaseDetail: nil, now: db.now)]).run()
        if !appeal.applicants.isEmpty {
            try await db.sql.insert(into: "appeal_applicants")
                .rows(appeal.applicants.enumerated().map { AppealApplicantRow($1, documentID: appeal.documentID, position: $0) }).run()
        }
        let keys = appeal.applicants.reduce(into: Set<String>()) { $0.formUnion(RepeatedAppeals.keys(of: $1)) }
        for key in keys.sorted() {
            try await db.sql.insert(into: "appeal_applicant_keys").columns("applicant_key", "document_id")
                .values(SQLBind(key), SQLBind(appeal.documentID.lowercasedString)).run()
        }
        try await writeParts(appeal, organizationID: organizationID)
    }

    /// Saves a changed appeal (term, questions, extensions, flags) if `expectedVersion` is still current; returns
    /// the new version.
    @discardableResult
    public func update(_ appeal: Appeal, expectedVersion: Int, explanation: String?, specialCaseDetail: String? = nil) async throws -> Int {
        var query = db.sql.update("appeals")
            .set("repeated_of_document_id", to: appeal.repeatedOfDocumentID?.lowercasedString)
            .set("considered_on_site", to: appeal.consideredOnSite)
            .set("registered_on", to: appeal.term?.registeredOn.iso)
            .set("initial_deadline", to: appeal.term?.initialDeadline.iso)
            .set("current_deadline", to: appeal.term?.currentDeadline.iso)
            .set("special_case", to: appeal.specialCase?.rawValue)
            .set("is_closed", to: appeal.isClosed)
            .set("version", to: expectedVersion + 1)
        if let explanation { query = query.set("deadline_explanation", to: explanation) }
        if let specialCaseDetail { query = query.set("special_case_detail", to: specialCaseDetail) }
        let updated = try await query
            .where("document_id", .equal, appeal.documentID.lowercasedString).where("version", .equal, expectedVersion)
            .returning("organization_id").all()
        guard let organizationID = try updated.first.map({ try UUID.stored($0.decode(column: "organization_id", as: String.self)) }) else {
            let current = try await find(appeal.documentID)?.appeal.version ?? 0
            throw OborotError.staleVersion(.appeal, expected: expectedVersion, actual: current)
        }
        try await db.sql.delete(from: "appeal_questions").where("document_id", .equal, appeal.documentID.lowercasedString).run()
        try await db.sql.delete(from: "appeal_extensions").where("document_id", .equal, appeal.documentID.lowercasedString).run()
        try await writeParts(appeal, organizationID: organizationID)
        return expectedVersion + 1
    }

    private func writeParts(_ appeal: Appeal, organizationID: UUID) async throws {
        if !appeal.questions.isEmpty {
            try await db.sql.insert(into: "appeal_questions")
                .rows(appeal.questions.map { AppealQuestionRow($0, of: appeal, organizationID: organizationID) }).run()
        }
        if let extensions = appeal.term?.extensions, !extensions.isEmpty {
            try await db.sql.insert(into: "appeal_extensions").rows(extensions.map { AppealExtensionRow($0, documentID: appeal.documentID) }).run()
        }
    }

    /// An appeal with everything it holds, and what is stored only beside it.
    public struct Stored: Sendable {
        public var appeal: Appeal
        public var organizationID: UUID
        public var deadlineExplanation: String?
        public var specialCaseDetail: String?
        /// The outgoing document prepared as the answer to the applicant.
        public var answerDocumentID: UUID?
    }

    public func find(_ documentID: UUID) async throws -> Stored? {
        try await findMany([documentID])[documentID]
    }

    /// Many appeals at once (reports): four statements per 500 appeals instead of four per appeal.
    public func findMany(_ ids: [UUID]) async throws -> [UUID: Stored] {
        var result: [UUID: Stored] = [:]
        for chunk in ids.chunked(into: 500) {
            let keys = chunk.map(\.lowercasedString)
            let rows = try await db.sql.select().column("*").from("appeals").where("document_id", .in, keys).rows(AppealRow.self)
            let applicants = Dictionary(grouping: try await db.sql.select().column("*").from("appeal_applicants").where("document_id", .in, keys)
                .orderBy("position").rows(AppealApplicantRow.self), by: \.documentId)
            let questions = Dictionary(grouping: try await db.sql.select().column("*").from("appeal_questions").where("document_id", .in, keys)
                .orderBy("number").rows(AppealQuestionRow.self), by: \.documentId)
            let extensions = Dictionary(grouping: try await db.sql.select().column("*").from("appeal_extensions").where("document_id", .in, keys)
                .orderBy("number").rows(AppealExtensionRow.self), by: \.documentId)
            for row in rows {
                let appeal = try row.appeal(
                    applicants: (applicants[row.documentId] ?? []).map(\.applicant),
                    questions: try (questions[row.documentId] ?? []).map { try $0.question() },
                    extensions: try (extensions[row.documentId] ?? []).map { try $0.extensionRow() })
                result[appeal.documentID] = Stored(
                    appeal: appeal, organizationID: try UUID.stored(row.organizationId), deadlineExplanation: row.deadlineExplanation,
                    specialCaseDetail: row.specialCaseDetail, answerDocumentID: try row.answerDocumentId.map(UUID.stored))
            }
        }
        return result
    }

    /// Records the outgoing document prepared as the answer (the appeal's version is not a part of it: the answer is
    /// a document of its own, and preparing it changes nothing the appeal's editors hold).
    public func setAnswer(_ documentID: UUID, answer: UUID) async throws {
        try await db.sql.update("appeals").set("answer_document_id", to: answer.lowercasedString)
            .where("document_id", .equal, documentID.lowercasedString).run()
    }

    /// Earlier appeals in the organisation's tree that share an applicant key, for the repeated-appeal check.
    public func earlier(sharingKeys keys: Set<String>, excluding documentID: UUID, limit: Int = 50) async throws -> [RepeatedAppeals.Earlier] {
        guard !keys.isEmpty else { return [] }
        let rows = try await db.sql.select().column(SQLColumn("document_id", table: "k")).column(SQLColumn("applicant_key", table: "k"))
            .from(SQLAlias(SQLIdentifier("appeal_applicant_keys"), as: SQLIdentifier("k")))
            .where(SQLColumn("applicant_key", table: "k"), .in, SQLGroupExpression(keys.sorted().map { SQLBind($0) }))
            .where(SQLColumn("document_id", table: "k"), .notEqual, SQLBind(documentID.lowercasedString))
            .limit(limit * 4).all()
        var keysByDocument: [UUID: Set<String>] = [:]
        for row in rows {
            keysByDocument[try UUID.stored(row.decode(column: "document_id", as: String.self)), default: []]
                .insert(try row.decode(column: "applicant_key", as: String.self))
        }
        var earlier: [RepeatedAppeals.Earlier] = []
        for (id, shared) in keysByDocument.prefix(limit) {
            let title = try await db.sql.select().column("title").from("documents").where("id", .equal, id.lowercasedString)
                .first()?.decode(column: "title", as: String.self) ?? ""
            let questions = try await db.sql.select().column("topic_code").column("question_text").from("appeal_questions")
                .where("document_id", .equal, id.lowercasedString).all()
            let codes = try Set(questions.compactMap { TopicCode(try $0.decode(column: "topic_code", as: String.self)) })
            let texts = try questions.compactMap { try $0.decode(column: "question_text", as: String?.self) }
            earlier.append(
                RepeatedAppeals.Earlier(
                    documentID: id, applicantKeys: shared, topicCodes: codes, text: ([title] + texts).joined(separator: " ")))
        }
        return earlier
    }

    /// The appeal an applicant follows by the code from the receipt.
    public func documentID(trackingCode: String) async throws -> UUID? {
        try await db.sql.select().column("document_id").from("appeals").where("tracking_code", .equal, trackingCode).first()
            .map { try UUID.stored($0.decode(column: "document_id", as: String.self)) }
    }
}

extension AppealRepository {
    /// Many appeals with their applicants and questions through the bulk loader (demo and load tests; no keys for
    /// repeats, no audit).
    public func insertBulk(_ appeals: [Appeal], organizations: [UUID: UUID]) async throws {
        func bool(_ value: Bool) -> BulkValue { .integer(value ? 1 : 0) }
        let now = db.now.unixMilliseconds
        try await db.bulk.copy(
            into: "appeals",
            columns: [
                "document_id", "organization_id", "appeal_type", "channel", "collective", "received_on", "repeated_of_document_id",
                "migration_matter", "considered_on_site", "registered_on", "initial_deadline", "current_deadline", "special_case",
                "applicant_name", "is_closed", "version", "created_at",
            ],
            rows: appeals.map { appeal in
                [
                    .text(appeal.documentID.lowercasedString), .text((organizations[appeal.documentID] ?? appeal.documentID).lowercasedString),
                    .text(appeal.type.rawValue), .text(appeal.channel.rawValue), bool(appeal.isCollective), .text(appeal.receivedOn.iso),
                    .of(appeal.repeatedOfDocumentID?.lowercasedString), bool(appeal.migrationMatterToHead), bool(appeal.consideredOnSite),
                    .of(appeal.term?.registeredOn.iso), .of(appeal.term?.initialDeadline.iso), .of(appeal.term?.currentDeadline.iso),
                    .of(appeal.specialCase?.rawValue), .text(appeal.applicants.first?.displayName ?? ""), bool(appeal.isClosed),
                    .integer(Int64(appeal.version)), .integer(now),
                ]
            })
        try await db.bulk.copy(
            into: "appeal_applicants",
            columns: ["document_id", "position", "kind", "surname", "given_name", "patronymic", "organization_name", "postal_address", "email", "phone"],
            rows: appeals.flatMap { appeal in
                appeal.applicants.enumerated().map { position, applicant in
                    [
                        .text(appeal.documentID.lowercasedString), .integer(Int64(position)), .text(applicant.kind.rawValue), .of(applicant.surname),
                        .of(applicant.name), .of(applicant.patronymic), .of(applicant.organizationName), .of(applicant.postalAddress),
                        .of(applicant.email), .of(applicant.phone),
                    ]
                }
            })
        try await db.bulk.copy(
            into: "appeal_questions",
            columns: [
                "id", "document_id", "number", "topic_code", "question_text", "status", "measures_taken", "resolved_on",
                "organization_id", "registered_on", "on_site", "closed_late",
            ],
            rows: appeals.flatMap { appeal in
                appeal.questions.map { question in
                    [
                        .text(question.id.lowercasedString), .text(appeal.documentID.lowercasedString), .integer(Int64(question.number)),
                        .text(question.topicCode.description), .of(question.text), .text(question.status.rawValue), bool(question.measuresTaken),
                        .of(question.resolvedOn?.iso),
                        .text((organizations[appeal.documentID] ?? appeal.documentID).lowercasedString), .of(appeal.term?.registeredOn.iso),
                        bool(appeal.consideredOnSite), bool(appeal.closedLate),
                    ]
                }
            })
    }
}
