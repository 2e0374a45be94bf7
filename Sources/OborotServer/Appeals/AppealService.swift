import Foundation
import OborotDomain
import OborotStore

/// Citizen appeals under 59-ФЗ: the card with applicants and questions, the legal term from registration, results per
/// question, the one extension, repeated appeals. Forwarding and the special cases: `AppealService+Closing`;
/// lists, statistics, the ССТУ export and the classifier: `AppealService+Reports`.
///
/// | action | policy |
/// |---|---|
/// | open an appeal in X | `DocumentAccess.createsDrafts(X)`; registered at once: `registers(X)` |
/// | see it | `DocumentAccess.canView`; address, phone, e-mail only with `AppealAccess.handles` (each such view audited) |
/// | record a question's result | `AppealAccess.handles` |
/// | extend the term | `AppealAccess.decides` (the head) |
/// | forward, close as a special case, confirm a repeated link | `AppealAccess.administers`; stopping correspondence: `decides` |
/// | statistics, ССТУ export | `AppealAccess.reports(X)` |
/// | load the classifier | `administersARoot` |
struct AppealService: Sendable {
    let database: any Database
    let documents: DocumentService
    let calendar: CalendarService

    struct NewAppeal: Sendable {
        var organizationID: UUID
        /// The substance goes to the card's title; pages, access mark, notes, executor as on any card.
        var requisites: DocumentRequisites
        var draft: AppealDraft
        var registerIn: UUID?
        /// The public-form message this appeal is accepted from: its files and tracking code come along.
        var messageID: UUID? = nil
        /// What else is written in the card's transaction (the reception card an appeal comes from).
        var alongside: (@Sendable (Document, DatabaseHandle) async throws -> Void)? = nil
    }

    /// An appeal as its card shows it, with the personal data masked unless the caller handles it.
    struct View: Sendable {
        var appeal: Appeal
        var document: Document
        var facts: DocumentAccess.Facts
        var organization: Organization
        var deadlineExplanation: String?
        var specialCaseDetail: String?
        var standing: AppealStanding
        var personalDataShown: Bool
        var topicNames: [TopicCode: String]
        var canHandle: Bool
        var canAdminister: Bool
        var canDecide: Bool
        /// The body's letters «в ответ на» the appeal the caller may see: the answer and the notices.
        var letters: [Letter]
        var answerDocumentID: UUID?
        var resolutions: [Resolution]
    }

    struct Letter: Sendable {
        var document: Document
        var isAnswer: Bool
    }

    /// Opens an appeal: the card and its appeal rows in one transaction; with `registerIn` it is registered at once
    /// and its term starts. Every problem of the card and of the appeal is reported together.
    func create(_ caller: Caller, _ input: NewAppeal) async throws -> (view: View, repeatCandidates: [RepeatedAppeals.Match]) {
        let (organization, topics) = try await database.read { db in
            let organization = try await OrganizationRepository(db).get(input.organizationID)
            let codes = Set(input.draft.questions.compactMap { TopicCode($0.topicCode) })
            return (organization, try await TopicRepository(db).find(codes))
        }
        let today = organization.date(at: Date())
        var problems = AppealRules.problems(of: input.draft, today: today, topic: { topics[$0] })
        if case .failure(let error) = RequisiteRules.validate(
            input.requisites, kind: .appeal, directiveForm: nil, today: today, stage: input.registerIn == nil ? .draft : .registration)
        {
            problems = error.fieldProblems + problems
        }
        try OborotError.throwIfInvalid(problems)
        let calendar = try await calendar.current()
        let draft = input.draft
        let details = try await documents.create(
            caller,
            DocumentService.NewDocument(
                organizationID: input.organizationID, kind: .appeal, directiveForm: nil, requisites: input.requisites,
                registerIn: input.registerIn, caseFileID: nil),
            alongside: { [messageID = input.messageID, alongside = input.alongside] document, db in
                var appeal = draft.appeal(documentID: document.id)
                if let messageID {
                    let message = try await Self.accept(messageID, as: document, caller: caller, db: db)
                    appeal.trackingCode = message.trackingCode
                    if let identity = message.identity { appeal = Self.identified(appeal, by: identity, receivedAt: message.createdAt, timeZone: organization.timeZone) }
                }
                var explanation: String?
                if let registration = document.registration {
                    let started = AppealRules.registered(appeal, on: registration.date, lastDay: calendar.overlay.lastDayRule, calendar: calendar)
                    appeal = started.appeal
                    explanation = started.deadline.explanation
                }
                try await AppealRepository(db).insert(appeal, organizationID: document.organizationID, explanation: explanation)
                try await AuditLog(db).append(caller.audit("appeal.create", .appeal, document.id, AppealServiceTexts.created(appeal)))
                try await alongside?(document, db)
            })
        // The registrar just typed the personal data in: showing it back is not a view to audit.
        let view = try await database.read { db in try await Self.view(caller.actor, id: details.document.id, db: db) }
        return (view, try await candidates(caller, view: view))
    }

    /// An appeal from an identified submission: the names are the identity provider's (the registrar cannot retype
    /// them), it came through the site, and it was received the day it was sent — the 3 days of registration count
    /// from then, not from when the registrar got to it.
    static func identified(_ appeal: Appeal, by identity: VerifiedIdentity, receivedAt: Date, timeZone: String) -> Appeal {
        var appeal = appeal
        appeal.identity = identity
        appeal.channel = .site
        appeal.receivedOn = CalendarDate(receivedAt, in: TimeZone(identifier: timeZone) ?? .current)
        if appeal.applicants.isEmpty { appeal.applicants = [Applicant()] }
        appeal.applicants[0] = AppealRules.cleaned(identity.applicant(typed: appeal.applicants[0]))
        return appeal
    }

    /// Takes over a public-form message: marks it accepted (once), copies its files to the card, returns it.
    private static func accept(_ messageID: UUID, as document: Document, caller: Caller, db: DatabaseHandle) async throws -> AppealMessage {
        guard let message = try await AppealMessageRepository(db).find(messageID), message.organizationID == document.organizationID else {
            throw OborotError.notFound(.appeal)
        }
        guard try await AppealMessageRepository(db).markConverted(messageID, documentID: document.id, by: caller.actor.principal.userID) else {
            throw OborotError.messageAlreadyAccepted
        }
        for file in message.files {
            try await AttachmentRepository(db).create(
                documentID: document.id, name: file.name,
                version: AttachmentVersion(
                    id: UUID(), attachmentID: UUID(), number: 1, sha256: file.sha256, size: file.size, mimeType: file.mimeType,
                    fileName: file.name, authorUserID: caller.actor.principal.userID, createdAt: db.now))
        }
        return message
    }

    /// The registration hook: the term starts on the registration date and every question goes to work.
    static func registered(_ document: Document, calendar: WorkCalendar, db: DatabaseHandle) async throws {
        guard let registration = document.registration, let stored = try await AppealRepository(db).find(document.id),
            stored.appeal.term == nil
        else { return }
        let started = AppealRules.registered(stored.appeal, on: registration.date, lastDay: calendar.overlay.lastDayRule, calendar: calendar)
        try await AppealRepository(db).update(started.appeal, expectedVersion: stored.appeal.version, explanation: started.deadline.explanation)
    }

    /// The appeal as the caller may see it; a view with the personal data shown is audited.
    func view(_ caller: Caller, id: UUID) async throws -> View {
        let view = try await database.read { db in try await Self.view(caller.actor, id: id, db: db) }
        if view.personalDataShown && view.appeal.applicants.contains(where: { $0.postalAddress != nil || $0.email != nil || $0.phone != nil }) {
            try await database.write { db in
                try await AuditLog(db).append(caller.audit("appeal.personal_data_view", .appeal, id, AppealServiceTexts.personalDataViewed(view.appeal)))
            }
        }
        return view
    }

    static func view(_ actor: Actor, id: UUID, db: DatabaseHandle) async throws -> View {
        let loaded = try await DocumentRepository(db).visible(id, to: actor)
        guard let stored = try await AppealRepository(db).find(id) else { throw OborotError.notFound(.appeal) }
        let organization = try await OrganizationRepository(db).get(loaded.document.organizationID)
        let handles = AppealAccess.handles(loaded.facts).allows(actor)
        var appeal = stored.appeal
        if !handles { appeal.applicants = appeal.applicants.map(PersonalData.masked) }
        var codes = Set(appeal.questions.map(\.topicCode))
        codes.formUnion(appeal.questions.compactMap(\.topicCode.parent))
        let names = try await TopicRepository(db).find(codes).mapValues(\.name)
        var letters: [Letter] = []
        for link in try await DocumentLinkRepository(db).links(of: id) where link.kind == .inReplyTo && link.toDocumentID == id {
            do {
                let letter = try await DocumentRepository(db).visible(link.fromDocumentID, to: actor)
                letters.append(Letter(document: letter.document, isAnswer: letter.document.id == stored.answerDocumentID))
            } catch let error as OborotError where error.kind == .notFound {
                continue  // a letter the caller may not see is left out, as on the document card
            }
        }
        return View(
            appeal: appeal, document: loaded.document, facts: loaded.facts, organization: organization,
            deadlineExplanation: stored.deadlineExplanation, specialCaseDetail: stored.specialCaseDetail,
            standing: AppealRules.standing(of: stored.appeal, today: organization.date(at: Date())), personalDataShown: handles,
            topicNames: names, canHandle: handles, canAdminister: AppealAccess.administers(loaded.facts).allows(actor),
            canDecide: AppealAccess.decides(loaded.facts).allows(actor), letters: letters, answerDocumentID: stored.answerDocumentID,
            resolutions: try await ControlRepository(db).resolutions(documentID: id).filter { $0.state != .cancelled })
    }

    // MARK: Changes

    /// Loads the appeal for a change in the write transaction, checks the policy and the version, applies
    /// `change`, stores it and writes the audit event.
    func change(
        _ caller: Caller, id: UUID, expectedVersion: Int?, policy: (DocumentAccess.Facts) -> AccessPolicy,
        action: String, _ change: @Sendable (inout Appeal, ChangeContext) async throws -> ChangeOutcome
    ) async throws -> View {
        let calendar = try await calendar.current()
        try await database.write { db in
            let loaded = try await DocumentRepository(db).visible(id, to: caller.actor, lockingRow: true)
            try caller.actor.require(policy(loaded.facts))
            guard let stored = try await AppealRepository(db).find(id) else { throw OborotError.notFound(.appeal) }
            if let expectedVersion, expectedVersion != stored.appeal.version {
                throw OborotError.staleVersion(.appeal, expected: expectedVersion, actual: stored.appeal.version)
            }
            var appeal = stored.appeal
            let context = try await ChangeContext.opening(loaded.document, by: caller, calendar: calendar, db: db)
            let outcome = try await change(&appeal, context)
            try await AppealRepository(db).update(
                appeal, expectedVersion: stored.appeal.version, explanation: outcome.explanation,
                specialCaseDetail: outcome.specialCaseDetail)
            try await AuditLog(db).append(caller.audit(action, .appeal, id, outcome.summary))
        }
        return try await view(caller, id: id)
    }

    /// What a change sees.
    struct ChangeContext {
        let caller: Caller
        let document: Document
        let organization: Organization
        let today: CalendarDate
        let calendar: WorkCalendar
        let db: DatabaseHandle

        var lastDay: LastDayRule { calendar.overlay.lastDayRule }

        /// The context of a change to `document`'s appeal, in the write transaction `db`.
        static func opening(_ document: Document, by caller: Caller, calendar: WorkCalendar, db: DatabaseHandle) async throws -> ChangeContext {
            let organization = try await OrganizationRepository(db).get(document.organizationID)
            return ChangeContext(
                caller: caller, document: document, organization: organization, today: organization.date(at: db.now), calendar: calendar,
                db: db)
        }
    }

    /// What a change leaves: the audit summary, and what is stored only beside the appeal (nil keeps it).
    struct ChangeOutcome {
        var summary: String
        var explanation: String? = nil
        var specialCaseDetail: String? = nil
    }

    func recordResult(
        _ caller: Caller, id: UUID, questionID: UUID, result: QuestionStatus, measuresTaken: Bool, expectedVersion: Int?
    ) async throws -> View {
        try await change(caller, id: id, expectedVersion: expectedVersion, policy: AppealAccess.handles, action: "appeal.result") { appeal, context in
            appeal = try AppealRules.recording(result, measuresTaken: measuresTaken, questionID: questionID, in: appeal, on: context.today).get()
            let question = appeal.questions.first { $0.id == questionID }!
            return ChangeOutcome(summary: AppealServiceTexts.resultRecorded(question))
        }
    }

    /// Extends the term once and drafts the notice to the applicant.
    func extend(_ caller: Caller, id: UUID, days: Int, reason: String?, expectedVersion: Int?) async throws -> View {
        try await change(caller, id: id, expectedVersion: expectedVersion, policy: AppealAccess.decides, action: "appeal.extend") { appeal, context in
            let extended = try AppealRules.extending(
                appeal, days: days, reason: reason, decidedBy: context.caller.actor.principal.employeeID, today: context.today,
                lastDay: context.lastDay, calendar: context.calendar
            ).get()
            appeal = extended.appeal
            let row = appeal.term!.extensions.last!
            let notice = try await AppealNotices.draft(
                AppealServiceTexts.extensionNoticeTitle(context.document),
                text: AppealServiceTexts.extensionNoticeText(row, document: context.document),
                to: appeal, about: context.document, context: context)
            appeal.term!.extensions[appeal.term!.extensions.count - 1].noticeDocumentID = notice
            return ChangeOutcome(summary: AppealServiceTexts.extended(row), explanation: extended.deadline.explanation)
        }
    }

    /// Earlier appeals of the same applicant on a similar question, for the registrar to confirm.
    func candidates(_ caller: Caller, view: View) async throws -> [RepeatedAppeals.Match] {
        guard view.canAdminister, view.appeal.repeatedOfDocumentID == nil else { return [] }
        let keys = view.appeal.applicants.reduce(into: Set<String>()) { $0.formUnion(RepeatedAppeals.keys(of: $1)) }
        return try await database.read { db in
            let earlier = try await AppealRepository(db).earlier(sharingKeys: keys, excluding: view.appeal.documentID)
            var visible: [RepeatedAppeals.Earlier] = []
            for candidate in earlier where (try? await DocumentRepository(db).visible(candidate.documentID, to: caller.actor)) != nil {
                visible.append(candidate)
            }
            let text = ([view.document.requisites.title] + view.appeal.questions.compactMap(\.text)).joined(separator: " ")
            return RepeatedAppeals.matches(
                applicants: view.appeal.applicants, topicCodes: Set(view.appeal.questions.map(\.topicCode)), text: text, among: visible)
        }
    }

    /// The registrar confirms that the appeal repeats an earlier one: the flag and a «Повторный к» link.
    func confirmRepeated(_ caller: Caller, id: UUID, earlierID: UUID) async throws -> View {
        try await change(caller, id: id, expectedVersion: nil, policy: AppealAccess.administers, action: "appeal.repeated") { appeal, context in
            guard earlierID != id else { throw OborotError.repeatedOfItself }
            let earlier = try await DocumentRepository(context.db).visible(earlierID, to: context.caller.actor)
            guard earlier.document.kind == .appeal else { throw OborotError.repeatedOfNotAppeal }
            appeal.repeatedOfDocumentID = earlierID
            try await DocumentLinkRepository(context.db).insert(
                DocumentLink(id: UUID(), fromDocumentID: id, toDocumentID: earlierID, kind: .repeated), createdBy: context.caller.actor.principal.userID)
            return ChangeOutcome(summary: AppealServiceTexts.repeated(of: earlier.document))
        }
    }
}
