public import Foundation
public import OborotDomain
import SQLKit

/// A message from the public form and the files that came with it (content-addressed blobs).
public struct AppealMessage: Sendable, Equatable {
    public struct File: Sendable, Equatable, Codable {
        public var name: String
        public var sha256: String
        public var size: Int64
        public var mimeType: String

        public init(name: String, sha256: String, size: Int64, mimeType: String) {
            self.name = name
            self.sha256 = sha256
            self.size = size
            self.mimeType = mimeType
        }
    }

    public var id: UUID
    public var organizationID: UUID
    public var trackingCode: String
    public var applicant: Applicant
    public var text: String
    public var files: [File]
    public var clientAddress: String?
    public var createdAt: Date
    public var convertedDocumentID: UUID?
    /// With a verified identity the submission is a 59-ФЗ appeal from the day it came, not a message.
    public var identity: VerifiedIdentity?

    public init(
        id: UUID, organizationID: UUID, trackingCode: String, applicant: Applicant, text: String, files: [File],
        clientAddress: String?, createdAt: Date, convertedDocumentID: UUID?, identity: VerifiedIdentity? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.trackingCode = trackingCode
        self.applicant = applicant
        self.text = text
        self.files = files
        self.clientAddress = clientAddress
        self.createdAt = createdAt
        self.convertedDocumentID = convertedDocumentID
        self.identity = identity
    }

    public var isIdentified: Bool { identity != nil }
}

public struct AppealMessageRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var organizationId: String
        var trackingCode: String
        var surname: String
        var givenName: String
        var patronymic: String?
        var postalAddress: String?
        var email: String?
        var phone: String?
        var body: String
        var files: String
        var clientAddress: String?
        var createdAt: Int64
        var convertedDocumentId: String?
        var convertedAt: Int64?
        var convertedByUserId: String?
        var identity: String?

        func message() throws -> AppealMessage {
            AppealMessage(
                id: try UUID.stored(id), organizationID: try UUID.stored(organizationId), trackingCode: trackingCode,
                applicant: Applicant(surname: surname, name: givenName, patronymic: patronymic, postalAddress: postalAddress, email: email, phone: phone),
                text: body, files: (try? JSONDecoder().decode([AppealMessage.File].self, from: Data(files.utf8))) ?? [],
                clientAddress: clientAddress, createdAt: Date(unixMilliseconds: createdAt),
                convertedDocumentID: try convertedDocumentId.map(UUID.stored),
                identity: try identity.map { try JSONColumn.value(VerifiedIdentity.self, $0, "appeal message \(id)") })
        }
    }

    public func insert(_ message: AppealMessage) async throws {
        let files = String(decoding: try JSONEncoder().encode(message.files), as: UTF8.self)
        try await db.sql.insert(into: "appeal_messages").rows([
            Row(
                id: message.id.lowercasedString, organizationId: message.organizationID.lowercasedString, trackingCode: message.trackingCode,
                surname: message.applicant.surname ?? "", givenName: message.applicant.name ?? "", patronymic: message.applicant.patronymic,
                postalAddress: message.applicant.postalAddress, email: message.applicant.email, phone: message.applicant.phone,
                body: message.text, files: files, clientAddress: message.clientAddress, createdAt: message.createdAt.unixMilliseconds,
                convertedDocumentId: nil, convertedAt: nil, convertedByUserId: nil,
                identity: try message.identity.map(JSONColumn.text))
        ]).run()
    }

    public func find(_ id: UUID) async throws -> AppealMessage? {
        try await db.sql.select().column("*").from("appeal_messages").where("id", .equal, id.lowercasedString).row(Row.self)?.message()
    }

    public func find(trackingCode: String) async throws -> AppealMessage? {
        try await db.sql.select().column("*").from("appeal_messages").where("tracking_code", .equal, trackingCode).row(Row.self)?.message()
    }

    /// Messages waiting for a registrar of these organisations, oldest first.
    public func waiting(organizationIDs: [UUID], limit: Int) async throws -> [AppealMessage] {
        guard !organizationIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("appeal_messages")
            .where("organization_id", .in, organizationIDs.map(\.lowercasedString)).where("converted_at", .is, SQLLiteral.null)
            .orderBy("created_at").limit(limit).rows(Row.self).map { try $0.message() }
    }

    /// Marks a message accepted as an appeal; false when someone accepted it first.
    public func markConverted(_ id: UUID, documentID: UUID, by userID: UUID) async throws -> Bool {
        !(try await db.sql.update("appeal_messages")
            .set("converted_document_id", to: documentID.lowercasedString).set("converted_at", to: db.now.unixMilliseconds)
            .set("converted_by_user_id", to: userID.lowercasedString)
            .where("id", .equal, id.lowercasedString).where("converted_at", .is, SQLLiteral.null)
            .returning("id").all()).isEmpty
    }
}
