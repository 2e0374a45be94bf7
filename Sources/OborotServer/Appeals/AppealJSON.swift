import Foundation
import OborotDomain
import OborotStore

/// An appeal as the API gives it.
struct AppealJSON: Encodable {
    var documentId: String
    var organizationId: String
    var organizationName: String
    var number: String?
    var registeredOn: String?
    var state: String
    var title: String
    var type: String
    var typeName: String
    var channel: String
    var channelName: String
    var form: String
    var receivedOn: String
    var collective: Bool
    var anonymous: Bool
    var repeatedOfDocumentId: String?
    var migrationMatterToHead: Bool
    var forwardedFrom: ForwardedFrom?
    var applicants: [ApplicantJSON]
    var personalDataShown: Bool
    var questions: [Question]
    var initialDeadline: String?
    var currentDeadline: String?
    var deadlineExplanation: String?
    var extensions: [Extension]
    var standing: String
    var standingName: String
    var specialCase: String?
    var specialCaseName: String?
    var specialCaseDetail: String?
    var version: Int
    var trackingCode: String?
    var repeatCandidates: [Candidate]?
    var answerDocumentId: String?
    var letters: [Letter]
    var resolutions: [ResolutionLine]
    /// Set when the appeal came with the citizen identified by the identity provider.
    var identity: Identity?

    struct Identity: Encodable {
        var provider: String
        var verifiedAt: Date
        /// The provider's stable id of the person: personal data, shown only to those handling the appeal.
        var subject: String?

        init(_ identity: VerifiedIdentity, personalDataShown: Bool) {
            provider = identity.providerName
            verifiedAt = identity.verifiedAt
            subject = personalDataShown ? identity.subject : nil
        }
    }

    /// A letter of the body «в ответ на» the appeal (the answer or a notice).
    struct Letter: Encodable {
        var documentId: String
        var title: String
        var state: String
        var stateName: String
        var number: String?
        var registeredOn: String?
        var isAnswer: Bool
    }

    struct ResolutionLine: Encodable {
        var id: String
        var text: String
        var date: String
        var state: String
        var controlled: Bool
    }

    struct ApplicantJSON: Encodable {
        var kind: String
        var displayName: String
        var surname: String?
        var name: String?
        var patronymic: String?
        var organizationName: String?
        var postalAddress: String?
        var email: String?
        var phone: String?
    }

    struct Question: Encodable {
        var id: String
        var number: Int
        var topicCode: String
        var topicName: String?
        var text: String?
        var status: String
        var statusName: String
        var measuresTaken: Bool
        var resolvedOn: String?
        var forwardedTo: String?
        var forwardedDocumentId: String?
    }

    struct Extension: Encodable {
        var number: Int
        var days: Int
        var reason: String
        var previousDeadline: String
        var newDeadline: String
        var decidedOn: String
        var noticeDocumentId: String?
    }

    struct Candidate: Encodable {
        var documentId: String
        var sameTopic: Bool
        var textSimilarity: Double
        var reason: String

        init(_ match: RepeatedAppeals.Match) {
            documentId = match.documentID.lowercasedString
            sameTopic = match.sameTopic
            textSimilarity = (match.textSimilarity * 100).rounded() / 100
            reason = match.reason
        }
    }

    init(_ view: AppealService.View, candidates: [RepeatedAppeals.Match]? = nil) {
        let appeal = view.appeal
        documentId = appeal.documentID.lowercasedString
        organizationId = view.organization.id.lowercasedString
        organizationName = view.organization.shortName
        number = view.document.registration?.number
        registeredOn = view.document.registration?.date.iso
        state = view.document.state.rawValue
        title = view.document.requisites.title
        type = appeal.type.rawValue
        typeName = appeal.type.russianName
        channel = appeal.channel.rawValue
        channelName = appeal.channel.russianName
        form = appeal.channel.form.rawValue
        receivedOn = appeal.receivedOn.iso
        collective = appeal.isCollective
        anonymous = appeal.isAnonymous
        repeatedOfDocumentId = appeal.repeatedOfDocumentID?.lowercasedString
        migrationMatterToHead = appeal.migrationMatterToHead
        forwardedFrom = appeal.forwardedFrom
        applicants = appeal.applicants.map {
            ApplicantJSON(
                kind: $0.kind.rawValue, displayName: $0.displayName, surname: $0.surname, name: $0.name, patronymic: $0.patronymic,
                organizationName: $0.organizationName, postalAddress: $0.postalAddress, email: $0.email, phone: $0.phone)
        }
        personalDataShown = view.personalDataShown
        questions = appeal.questions.map {
            Question(
                id: $0.id.lowercasedString, number: $0.number, topicCode: $0.topicCode.description, topicName: view.topicNames[$0.topicCode],
                text: $0.text, status: $0.status.rawValue, statusName: $0.status.russianName, measuresTaken: $0.measuresTaken,
                resolvedOn: $0.resolvedOn?.iso, forwardedTo: $0.forwardedTo?.bodyName,
                forwardedDocumentId: $0.forwardedTo?.documentID?.lowercasedString)
        }
        initialDeadline = appeal.term?.initialDeadline.iso
        currentDeadline = appeal.term?.currentDeadline.iso
        deadlineExplanation = view.deadlineExplanation
        extensions = (appeal.term?.extensions ?? []).map {
            Extension(
                number: $0.number, days: $0.days, reason: $0.reason, previousDeadline: $0.previousDeadline.iso,
                newDeadline: $0.newDeadline.iso, decidedOn: $0.decidedOn.iso, noticeDocumentId: $0.noticeDocumentID?.lowercasedString)
        }
        standing = view.standing.rawValue
        standingName = view.standing.russianName
        specialCase = appeal.specialCase?.rawValue
        specialCaseName = appeal.specialCase?.russianName
        specialCaseDetail = view.specialCaseDetail
        version = appeal.version
        trackingCode = view.personalDataShown ? appeal.trackingCode : nil
        identity = appeal.identity.map { Identity($0, personalDataShown: view.personalDataShown) }
        repeatCandidates = candidates.map { $0.map(Candidate.init) }
        answerDocumentId = view.answerDocumentID?.lowercasedString
        letters = view.letters.map {
            Letter(
                documentId: $0.document.id.lowercasedString, title: $0.document.requisites.title, state: $0.document.state.rawValue,
                stateName: $0.document.state.russianName, number: $0.document.registration?.number,
                registeredOn: $0.document.registration?.date.iso, isAnswer: $0.isAnswer)
        }
        resolutions = view.resolutions.map {
            ResolutionLine(id: $0.id.lowercasedString, text: $0.text, date: $0.date.iso, state: $0.state.rawValue, controlled: $0.controlled)
        }
    }

    struct ListItem: Encodable {
        var documentId: String
        var organizationName: String
        var number: String?
        var registeredOn: String?
        var receivedOn: String
        var applicantName: String
        var title: String
        var type: String
        var channel: String
        var currentDeadline: String?
        var closed: Bool

        init(_ item: AppealListItem) {
            documentId = item.documentID.lowercasedString
            organizationName = item.organizationName
            number = item.number
            registeredOn = item.registeredOn?.iso
            receivedOn = item.receivedOn.iso
            applicantName = item.applicantName
            title = item.title
            type = item.type.rawValue
            channel = item.channel.rawValue
            currentDeadline = item.currentDeadline?.iso
            closed = item.isClosed
        }
    }

    struct Message: Encodable {
        var id: String
        var organizationId: String
        var trackingCode: String
        /// A verified identity came with it: a 59-ФЗ appeal from the day it was sent.
        var identified: Bool
        var identityProvider: String?
        var applicantName: String
        var email: String?
        var postalAddress: String?
        var text: String
        var files: [String]
        var createdAt: Date

        init(_ message: AppealMessage) {
            id = message.id.lowercasedString
            organizationId = message.organizationID.lowercasedString
            trackingCode = message.trackingCode
            identified = message.isIdentified
            identityProvider = message.identity?.providerName
            applicantName = message.applicant.displayName
            email = message.applicant.email
            postalAddress = message.applicant.postalAddress
            text = message.text
            files = message.files.map(\.name)
            createdAt = message.createdAt
        }
    }

    struct PublicStatus: Encodable {
        var code: String
        var organizationName: String
        var receivedOn: String
        var stage: String
        var registration: String?
        var deadline: String?
        var questions: [String]

        init(_ status: PublicAppealService.Status) {
            code = status.code
            organizationName = status.organizationName
            receivedOn = status.receivedOn
            stage = status.stage
            registration = status.number
            deadline = status.deadline
            questions = status.questions
        }
    }

    struct Topic: Encodable {
        var code: String
        var name: String
        var level: Int
        var obsolete: Bool

        init(_ node: TopicNode) {
            code = node.code.description
            name = node.name
            level = node.code.level
            obsolete = node.obsolete
        }
    }

    struct Report: Encodable {
        struct Row: Encodable {
            var group: String
            var label: String
            var value: Int
        }
        var organizationId: String
        var organizationName: String
        var from: String
        var to: String
        var appeals: Int
        var questions: Int
        var rows: [Row]

        init(_ organization: Organization, from: CalendarDate, to: CalendarDate, _ report: AppealReport) {
            organizationId = organization.id.lowercasedString
            organizationName = organization.shortName
            self.from = from.iso
            self.to = to.iso
            appeals = report.appeals
            questions = report.questions
            rows = report.rows.map { Row(group: $0.group, label: $0.label, value: $0.value) }
        }
    }

    /// The body of `POST /api/v1/appeals`.
    struct NewBody: Decodable {
        struct ApplicantBody: Decodable {
            var kind: String?
            var surname: String?
            var name: String?
            var patronymic: String?
            var organizationName: String?
            var postalAddress: String?
            var email: String?
            var phone: String?
        }
        struct QuestionBody: Decodable {
            var topicCode: String
            var text: String?
        }
        var organizationId: String
        var title: String?
        var pages: Int?
        var accessMark: String?
        var notes: String?
        var executorEmployeeId: String?
        var registerInJournalId: String?
        var type: String
        var channel: String
        var receivedOn: String
        var collective: Bool?
        var migrationMatterToHead: Bool?
        var forwardedFrom: ForwardedFrom?
        var applicants: [ApplicantBody]?
        var questions: [QuestionBody]?
        /// Accept a public-form message as this appeal (its files and tracking code come along).
        var messageId: String?

        func input() throws -> AppealService.NewAppeal {
            var problems: [FieldProblem] = []
            let appealType = AppealType(rawValue: type)
            if appealType == nil { problems.append(FieldProblem(field: "type", code: "invalid", message: AppealJSONTexts.type)) }
            let appealChannel = AppealChannel(rawValue: channel)
            if appealChannel == nil { problems.append(FieldProblem(field: "channel", code: "invalid", message: AppealJSONTexts.channel)) }
            let received = CalendarDate(iso: receivedOn)
            if received == nil { problems.append(FieldProblem(field: "receivedOn", code: "invalid_date", message: AppealJSONTexts.date)) }
            let mark = accessMark.map { AccessMark(rawValue: $0) } ?? AccessMark.none
            if mark == nil { problems.append(FieldProblem(field: "accessMark", code: "invalid", message: AppealJSONTexts.accessMark)) }
            var applicantList: [Applicant] = []
            for (index, body) in (applicants ?? []).enumerated() {
                let kind = body.kind.map { Applicant.Kind(rawValue: $0) } ?? .person
                if kind == nil { problems.append(FieldProblem(field: "applicants[\(index)].kind", code: "invalid", message: AppealJSONTexts.applicantKind)) }
                applicantList.append(
                    Applicant(
                        kind: kind ?? .person, surname: body.surname, name: body.name, patronymic: body.patronymic,
                        organizationName: body.organizationName, postalAddress: body.postalAddress, email: body.email, phone: body.phone))
            }
            try OborotError.throwIfInvalid(problems)
            guard let appealType, let appealChannel, let received, let mark else { throw OborotError.validation(problems) }
            return AppealService.NewAppeal(
                organizationID: try RequestValues.bodyID(organizationId, field: "organizationId"),
                requisites: DocumentRequisites(
                    title: (title ?? "").trimmed, executorEmployeeID: try executorEmployeeId.map { try RequestValues.bodyID($0, field: "executorEmployeeId") },
                    pages: pages, accessMark: mark, deliveryMethod: appealChannel.deliveryMethod, notes: notes?.trimmed.nilIfEmpty),
                draft: AppealDraft(
                    type: appealType, channel: appealChannel, applicants: applicantList, collective: collective ?? false,
                    receivedOn: received, forwardedFrom: forwardedFrom, migrationMatterToHead: migrationMatterToHead ?? false,
                    questions: (questions ?? []).map { AppealDraft.QuestionDraft(topicCode: $0.topicCode, text: $0.text) }),
                registerIn: try registerInJournalId.map { try RequestValues.bodyID($0, field: "registerInJournalId") },
                messageID: try messageId.map { try RequestValues.bodyID($0, field: "messageId") })
        }
    }
}

enum AppealJSONTexts {
    static let type = "Вид обращения: statement (заявление), proposal (предложение) или complaint (жалоба)."
    static let channel = "Источник: post, personalReception, site, gosuslugi, medo, contactCentre или forwarded."
    static let date = "Дата поступления в формате ГГГГ-ММ-ДД."
    static let accessMark = "Гриф: none или restricted."
    static let applicantKind = "Заявитель: person или organization."
}

extension AppealChannel {
    /// How the card records its arrival.
    var deliveryMethod: DeliveryMethod {
        switch self {
        case .post: .post
        case .personalReception: .personalReception
        case .site: .website
        case .gosuslugi: .gosuslugi
        case .medo: .medo
        case .contactCentre: .phone
        case .forwarded: .internalDelivery
        }
    }
}
