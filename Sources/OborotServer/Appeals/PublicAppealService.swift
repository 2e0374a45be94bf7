import Foundation
import OborotDomain
import OborotStore
import Synchronization

/// The public side of appeals: the form residents fill in without signing in, and the status page by tracking code.
/// With no identity provider configured a submission is a *message* (`appeal_messages`) that a registrar accepts as
/// an appeal (`AppealService.create` with `messageID`); the tracking code follows it.
///
/// | action | policy |
/// |---|---|
/// | submit, read a status | anyone (rate-limited per address) |
/// | see waiting messages | registrars of the addressed organisation |
final class PublicAppealService: Sendable {
    let database: any Database
    let blobs: BlobStore
    private let limiter = AddressRateLimiter()
    private let organizationCache = Mutex<(list: [Organization], takenAt: Date)?>(nil)

    init(database: any Database, blobs: BlobStore) {
        self.database = database
        self.blobs = blobs
    }

    struct Upload: Sendable {
        var fileName: String
        var bytes: [UInt8]
    }

    /// The bodies a resident may write to: the region's bodies and municipalities, cached for a minute (the form is
    /// the most visited page of the system).
    func organizations() async throws -> [Organization] {
        if let cached = organizationCache.withLock({ $0 }), Date().timeIntervalSince(cached.takenAt) < 60 { return cached.list }
        let kinds: [OrganizationKind] = [.regionalGovernment, .executiveBody, .municipalDistrict, .urbanOkrug, .urbanSettlement, .ruralSettlement]
        let list = try await database.read { db in try await OrganizationRepository(db).all(kinds: kinds) }
            .sorted { ($0.path.depth, $0.shortName) < ($1.path.depth, $1.shortName) }
        organizationCache.withLock { $0 = (list, Date()) }
        return list
    }

    /// Takes a submission: every problem of the fields and the files at once; files are kept only when everything
    /// is right. Returns the tracking code.
    /// With a verified `identity` (spent by this submission, once) the message is a 59-ФЗ appeal from the day it came.
    func submit(_ typed: PublicSubmission, files: [Upload], clientAddress: String?, identity: IdentitySignIn? = nil) async throws -> AppealMessage {
        let now = Date()
        let verified = identity?.identity
        // The provider's names, whatever the form posted: they are checked as the form's would be.
        var submission = typed
        if let verified {
            submission.surname = verified.surname
            submission.name = verified.name
            submission.patronymic = verified.patronymic ?? ""
        }
        try limiter.admit(clientAddress, now: now)
        var problems = PublicSubmissionRules.problems(of: submission, now: now)
        let known = try await organizations()
        if let id = submission.organizationID, !known.contains(where: { $0.id == id }) {
            problems.append(FieldProblem(field: "organizationId", code: "unknown", message: PublicSubmissionRules.unknownOrganization))
        }
        var total = 0
        var typed: [(Upload, FileType)] = []
        for (index, file) in files.enumerated() {
            total += file.bytes.count
            let type = FileType.detect(Array(file.bytes.prefix(FileType.sniffLength)))
            if let problem = PublicSubmissionRules.problem(
                ofFile: file.fileName, size: file.bytes.count, detectedType: type.mimeType, index: index, totalBytes: total)
            {
                problems.append(problem)
            }
            typed.append((file, type))
        }
        try OborotError.throwIfInvalid(problems)
        // Blobs first: a failure after this leaves orphans for the sweeper, never a message without its files.
        var stored: [AppealMessage.File] = []
        for (file, type) in typed {
            let ingested = try await blobs.ingest(bytes: file.bytes)
            stored.append(.init(name: String(file.fileName.prefix(200)), sha256: ingested.sha256, size: ingested.size, mimeType: type.mimeType))
        }
        let message = AppealMessage(
            id: UUID(), organizationID: submission.organizationID!, trackingCode: TrackingCode.make(),
            applicant: verified.map { AppealRules.cleaned($0.applicant(typed: submission.applicant)) } ?? submission.applicant,
            text: submission.text.trimmed, files: stored, clientAddress: clientAddress, createdAt: now, convertedDocumentID: nil,
            identity: verified)
        try await database.write { db in
            if let identity, !(try await IdentitySignInRepository(db).use(identity.id)) { throw OborotError.identityAlreadyUsed }
            for file in stored {
                try await AttachmentRepository(db).recordBlob(sha256: file.sha256, size: file.size, mimeType: file.mimeType)
            }
            try await AppealMessageRepository(db).insert(message)
            try await AuditLog(db).append(
                AuditRecord(
                    actorUserID: nil, actingForUserID: nil, action: "appeal.public_message", objectType: ObjectKind.appeal.rawValue,
                    objectID: message.id.lowercasedString,
                    summary: (verified.map { "Обращение с официального сайта, личность подтверждена (\($0.providerName))" } ?? "Сообщение с официального сайта")
                        + ", код \(message.trackingCode), файлов: \(stored.count)",
                    clientAddress: clientAddress))
        }
        return message
    }

    /// What a resident sees by the code: no personal data, only where the submission stands.
    struct Status: Sendable {
        var code: String
        var organizationName: String
        var receivedOn: String
        var stage: String
        var number: String?
        var deadline: String?
        var questions: [String]
    }

    func status(code text: String) async throws -> Status {
        guard let code = TrackingCode.normalized(text) else { throw OborotError.trackingCodeUnknown }
        return try await database.read { db in
            let message = try await AppealMessageRepository(db).find(trackingCode: code)
            var documentID = message?.convertedDocumentID
            if documentID == nil { documentID = try await AppealRepository(db).documentID(trackingCode: code) }
            guard message != nil || documentID != nil else { throw OborotError.trackingCodeUnknown }
            if let documentID, let stored = try await AppealRepository(db).find(documentID), let document = try await DocumentRepository(db).find(documentID) {
                let organization = try await OrganizationRepository(db).get(document.organizationID)
                let appeal = stored.appeal
                let standing = AppealRules.standing(of: appeal, today: organization.date(at: Date()))
                return Status(
                    code: code, organizationName: organization.shortName, receivedOn: appeal.receivedOn.russian,
                    stage: PublicStatusTexts.stage(standing, appeal: appeal), number: document.registration.map { "№ \($0.number) от \($0.date.russian)" },
                    deadline: appeal.term?.currentDeadline.russian,
                    questions: appeal.questions.map { "Вопрос \($0.number): \($0.status.russianName)" })
            }
            let organization = try await OrganizationRepository(db).get(message!.organizationID)
            return Status(
                code: code, organizationName: organization.shortName,
                receivedOn: CalendarDate(message!.createdAt, in: TimeZone(identifier: organization.timeZone) ?? .current).russian,
                stage: message!.isIdentified ? PublicStatusTexts.waitingIdentified : PublicStatusTexts.waiting, number: nil, deadline: nil,
                questions: [])
        }
    }

    /// Messages waiting for the caller's organisations.
    func waiting(_ caller: Caller, limit: Int = 100) async throws -> [AppealMessage] {
        let organizations = caller.actor.scopes(for: .registrar).compactMap { $0.ids.last }
        return try await database.read { db in try await AppealMessageRepository(db).waiting(organizationIDs: organizations, limit: limit) }
    }

    func message(_ caller: Caller, id: UUID) async throws -> AppealMessage {
        let (message, path) = try await database.read { db -> (AppealMessage?, OrganizationPath?) in
            guard let message = try await AppealMessageRepository(db).find(id) else { return (nil, nil) }
            return (message, try await OrganizationRepository(db).get(message.organizationID).path)
        }
        guard let message, let path, caller.actor.holds(.registrar, over: path) else { throw OborotError.notFound(.appeal) }
        return message
    }
}

enum PublicStatusTexts {
    static let waiting = "Получено. Ожидает регистрации: электронное обращение без подтверждения личности через ЕСИА регистрирует специалист органа."
    static let waitingIdentified = "Получено как обращение (личность подтверждена). Регистрируется в течение 3 дней со дня поступления (ст. 8 ч. 2 59-ФЗ)."

    static func stage(_ standing: AppealStanding, appeal: Appeal) -> String {
        switch standing {
        case .notRegistered: return "Принято, готовится к регистрации."
        case .inWork: return "Зарегистрировано, рассматривается."
        case .extended: return "Срок рассмотрения продлён."
        case .overdue: return "Рассматривается; срок истёк — вы вправе обратиться к руководителю органа."
        case .closed, .closedLate:
            if appeal.questions.contains(where: { $0.status == .transferred }) && !appeal.questions.contains(where: \.status.isAnswered) {
                return "Направлено по компетенции в другой орган."
            }
            return appeal.questions.contains(where: \.status.isAnswered) ? "Рассмотрено. Дан ответ." : "Рассмотрено."
        }
    }
}

extension OborotError {
    static let trackingCodeUnknown = OborotError(
        .notFound, code: "tracking_code_unknown", title: "Код не найден",
        detail: "Обращения с таким кодом нет. Проверьте код в квитанции: 12 знаков, например 7K3M-9QXR-2BHD.")
}
