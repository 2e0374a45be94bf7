import Foundation
import OborotDomain

/// The stored shapes of an appeal and its parts.
struct AppealRow: Codable, Sendable {
    var documentId: String
    var organizationId: String
    var appealType: String
    var channel: String
    var collective: Bool
    var receivedOn: String
    var forwardedFromBody: String?
    var forwardedFromNumber: String?
    var forwardedFromDate: String?
    var repeatedOfDocumentId: String?
    var migrationMatter: Bool
    var consideredOnSite: Bool
    var registeredOn: String?
    var initialDeadline: String?
    var currentDeadline: String?
    var deadlineExplanation: String?
    var specialCase: String?
    var specialCaseDetail: String?
    var trackingCode: String?
    var applicantName: String
    var isClosed: Bool
    var version: Int
    var createdAt: Int64
    /// Set only by `AppealRepository.setAnswer`.
    var answerDocumentId: String?
    /// `VerifiedIdentity` as JSON.
    var identity: String?

    init(_ appeal: Appeal, organizationID: UUID, explanation: String?, specialCaseDetail: String?, now: Date) {
        documentId = appeal.documentID.lowercasedString
        organizationId = organizationID.lowercasedString
        appealType = appeal.type.rawValue
        channel = appeal.channel.rawValue
        collective = appeal.isCollective  // stored as counted: flagged or signed by several (the report counts it in SQL)
        receivedOn = appeal.receivedOn.iso
        forwardedFromBody = appeal.forwardedFrom?.bodyName
        forwardedFromNumber = appeal.forwardedFrom?.number
        forwardedFromDate = appeal.forwardedFrom?.date.iso
        repeatedOfDocumentId = appeal.repeatedOfDocumentID?.lowercasedString
        migrationMatter = appeal.migrationMatterToHead
        consideredOnSite = appeal.consideredOnSite
        registeredOn = appeal.term?.registeredOn.iso
        initialDeadline = appeal.term?.initialDeadline.iso
        currentDeadline = appeal.term?.currentDeadline.iso
        deadlineExplanation = explanation
        specialCase = appeal.specialCase?.rawValue
        self.specialCaseDetail = specialCaseDetail
        trackingCode = appeal.trackingCode
        applicantName = appeal.applicants.first?.displayName ?? ""
        isClosed = appeal.isClosed
        version = appeal.version
        createdAt = now.unixMilliseconds
        identity = appeal.identity.flatMap { try? JSONColumn.text($0) }
    }

    func appeal(applicants: [Applicant], questions: [AppealQuestion], extensions: [AppealExtension]) throws -> Appeal {
        var forwarded: ForwardedFrom?
        if let forwardedFromBody, let forwardedFromNumber, let forwardedFromDate {
            forwarded = ForwardedFrom(bodyName: forwardedFromBody, number: forwardedFromNumber, date: try CalendarDate.stored(forwardedFromDate))
        }
        var term: AppealTerm?
        if let registeredOn, let initialDeadline {
            term = AppealTerm(
                registeredOn: try CalendarDate.stored(registeredOn), initialDeadline: try CalendarDate.stored(initialDeadline),
                extensions: extensions)
        }
        guard let type = AppealType(rawValue: appealType), let channel = AppealChannel(rawValue: channel) else {
            throw CorruptRowError(detail: "appeal \(documentId): type \(appealType), channel \(self.channel)")
        }
        return Appeal(
            documentID: try UUID.stored(documentId), type: type, channel: channel, applicants: applicants,
            collective: collective, receivedOn: try CalendarDate.stored(receivedOn), forwardedFrom: forwarded,
            repeatedOfDocumentID: try repeatedOfDocumentId.map(UUID.stored), migrationMatterToHead: migrationMatter,
            consideredOnSite: consideredOnSite, questions: questions, term: term,
            specialCase: specialCase.flatMap(AppealSpecialCase.init(rawValue:)), trackingCode: trackingCode,
            identity: try identity.map { try JSONColumn.value(VerifiedIdentity.self, $0, "appeal \(documentId)") }, version: version)
    }
}

struct AppealApplicantRow: Codable, Sendable {
    var documentId: String
    var position: Int
    var kind: String
    var surname: String?
    var givenName: String?
    var patronymic: String?
    var organizationName: String?
    var postalAddress: String?
    var email: String?
    var phone: String?

    init(_ applicant: Applicant, documentID: UUID, position: Int) {
        documentId = documentID.lowercasedString
        self.position = position
        kind = applicant.kind.rawValue
        surname = applicant.surname
        givenName = applicant.name
        patronymic = applicant.patronymic
        organizationName = applicant.organizationName
        postalAddress = applicant.postalAddress
        email = applicant.email
        phone = applicant.phone
    }

    var applicant: Applicant {
        Applicant(
            kind: Applicant.Kind(rawValue: kind) ?? .person, surname: surname, name: givenName, patronymic: patronymic,
            organizationName: organizationName, postalAddress: postalAddress, email: email, phone: phone)
    }
}

struct AppealQuestionRow: Codable, Sendable {
    var id: String
    var documentId: String
    var number: Int
    var topicCode: String
    var questionText: String?
    var status: String
    var measuresTaken: Bool
    var resolvedOn: String?
    var forwardedBody: String?
    var forwardedOrganizationId: String?
    var forwardedDocumentId: String?
    var forwardedOn: String?
    // Copies of the appeal's report facts (see migration 13), rewritten with the questions.
    var organizationId: String
    var registeredOn: String?
    var onSite: Bool
    var closedLate: Bool

    init(_ question: AppealQuestion, of appeal: Appeal, organizationID: UUID) {
        id = question.id.lowercasedString
        documentId = appeal.documentID.lowercasedString
        number = question.number
        topicCode = question.topicCode.description
        questionText = question.text
        status = question.status.rawValue
        measuresTaken = question.measuresTaken
        resolvedOn = question.resolvedOn?.iso
        forwardedBody = question.forwardedTo?.bodyName
        forwardedOrganizationId = question.forwardedTo?.organizationID?.lowercasedString
        forwardedDocumentId = question.forwardedTo?.documentID?.lowercasedString
        forwardedOn = question.forwardedTo?.forwardedOn.iso
        organizationId = organizationID.lowercasedString
        registeredOn = appeal.term?.registeredOn.iso
        onSite = appeal.consideredOnSite
        closedLate = appeal.closedLate
    }

    func question() throws -> AppealQuestion {
        guard let code = TopicCode(topicCode), let status = QuestionStatus(rawValue: status) else {
            throw CorruptRowError(detail: "appeal question \(id): \(topicCode) \(self.status)")
        }
        var forwarding: Forwarding?
        if let forwardedBody, let forwardedOn {
            forwarding = Forwarding(
                bodyName: forwardedBody, organizationID: try forwardedOrganizationId.map(UUID.stored),
                documentID: try forwardedDocumentId.map(UUID.stored), forwardedOn: try CalendarDate.stored(forwardedOn))
        }
        return AppealQuestion(
            id: try UUID.stored(id), number: number, topicCode: code, text: questionText, status: status,
            measuresTaken: measuresTaken, resolvedOn: try resolvedOn.map(CalendarDate.stored), forwardedTo: forwarding)
    }
}

struct AppealExtensionRow: Codable, Sendable {
    var documentId: String
    var number: Int
    var reason: String
    var days: Int
    var previousDeadline: String
    var newDeadline: String
    var decidedByEmployeeId: String
    var decidedOn: String
    var noticeDocumentId: String?

    init(_ row: AppealExtension, documentID: UUID) {
        documentId = documentID.lowercasedString
        number = row.number
        reason = row.reason
        days = row.days
        previousDeadline = row.previousDeadline.iso
        newDeadline = row.newDeadline.iso
        decidedByEmployeeId = row.decidedByEmployeeID.lowercasedString
        decidedOn = row.decidedOn.iso
        noticeDocumentId = row.noticeDocumentID?.lowercasedString
    }

    func extensionRow() throws -> AppealExtension {
        AppealExtension(
            number: number, reason: reason, days: days, previousDeadline: try CalendarDate.stored(previousDeadline),
            newDeadline: try CalendarDate.stored(newDeadline), decidedByEmployeeID: try UUID.stored(decidedByEmployeeId),
            decidedOn: try CalendarDate.stored(decidedOn), noticeDocumentID: try noticeDocumentId.map(UUID.stored))
    }
}
