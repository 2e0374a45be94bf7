import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The appeals pages: the list, the registrar's form. The card and the report: `WebPages+AppealCard`.
extension WebPages {
    struct AppealListModel {
        struct Row {
            var id: String
            var number: String
            var received: String
            var applicant: String
            var title: String
            var organization: String
            var deadline: String
            var closed: Bool
            var overdue: Bool
        }
        struct Filter {
            var value: String
            var name: String
            var selected: Bool
        }
        struct Message {
            var id: String
            var code: String
            var received: String
            var applicant: String
            var excerpt: String
            var files: Int
            /// Came with a verified identity: an appeal to register within 3 days, not a message.
            var identified: Bool
            var registerBy: String?
        }
        var rows: [Row]
        var hasRows: Bool
        var filters: [Filter]
        var canRegister: Bool
        var messages: [Message]
        var hasMessages: Bool
    }

    struct AppealFormValues: Decodable {
        var organizationId: String?
        var receivedOn: String?
        var type: String?
        var channel: String?
        var forwardedBody: String?
        var forwardedNumber: String?
        var forwardedDate: String?
        var applicantKind: String?
        var surname: String?
        var name: String?
        var patronymic: String?
        var organizationName: String?
        var postalAddress: String?
        var email: String?
        var phone: String?
        var collective: String?
        var migration: String?
        var title: String?
        var pages: String?
        var topic1: String?
        var text1: String?
        var topic2: String?
        var text2: String?
        var topic3: String?
        var text3: String?
        var registerNow: String?
        /// The public-form message being accepted as this appeal.
        var messageId: String?
    }

    struct AppealFormModel {
        struct Option {
            var value: String
            var name: String
            var selected: Bool
        }
        struct TopicGroup {
            var name: String
            var topics: [Option]
        }
        struct QuestionRow {
            var index: Int
            var groups: [TopicGroup]
            var text: String
        }
        var organizations: [Option]
        var types: [Option]
        var channels: [Option]
        var questions: [QuestionRow]
        var values: AppealFormValues
        var today: String
        var error: String?
        var problems: [String]
        var hasProblems: Bool
        var isOrganization: Bool
        var registerChecked: Bool
        var messageText: String?
        var messageCode: String?
        /// For a message with a verified identity: whose, by whom, when (its names replace what the form says).
        var messageIdentity: String?
    }

    func addAppealRoutes(to router: Router<AppRequestContext>) {
        router.get("/appeals") { request, _ in
            let caller = try signedIn(request)
            let standing = request.uri.queryParameters["standing"].flatMap { AppealFilter.Standing(rawValue: String($0)) } ?? .open
            let items = try await services.appeals.list(caller, organizationID: nil, standing: standing, from: nil, to: nil, limit: 300)
            // Identified submissions are appeals with a running registration term: they come first.
            let messages = try await services.publicAppeals.waiting(caller).sorted { $0.isIdentified && !$1.isIdentified }
            let workCalendar = try await services.calendar.current()
            let today = CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
            let names: [(AppealFilter.Standing, String)] = [(.open, "На рассмотрении"), (.overdue, "Просроченные"), (.closed, "Рассмотренные"), (.all, "Все")]
            let model = AppealListModel(
                rows: items.map { item in
                    AppealListModel.Row(
                        id: item.documentID.lowercasedString, number: item.number ?? "не зарегистрировано", received: item.receivedOn.russian,
                        applicant: item.applicantName.isEmpty ? "аноним" : item.applicantName, title: item.title, organization: item.organizationName,
                        deadline: item.currentDeadline?.russian ?? "—", closed: item.isClosed,
                        overdue: !item.isClosed && (item.currentDeadline.map { $0 < today } ?? false))
                },
                hasRows: !items.isEmpty,
                filters: names.map { AppealListModel.Filter(value: $0.0.rawValue, name: $0.1, selected: $0.0 == standing) },
                canRegister: !caller.actor.scopes(for: .registrar).isEmpty,
                messages: messages.map { message in
                    AppealListModel.Message(
                        id: message.id.lowercasedString, code: message.trackingCode,
                        received: WebTexts.dateTime(message.createdAt, timeZone: OrganizationRules.defaultTimeZone),
                        applicant: message.applicant.displayName, excerpt: String(message.text.prefix(200)), files: message.files.count,
                        identified: message.isIdentified,
                        registerBy: message.isIdentified
                            ? AppealDeadlines.registration(
                                receivedOn: CalendarDate(message.createdAt, in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current),
                                lastDay: workCalendar.overlay.lastDayRule, calendar: workCalendar
                            ).date.russian : nil)
                },
                hasMessages: !messages.isEmpty)
            return page("appeals", title: "Обращения граждан", model: model, caller: caller, path: "/appeals")
        }
        router.get("/appeals/new") { request, _ in
            let caller = try signedIn(request)
            guard let messageID = request.uri.queryParameters["message"].flatMap({ UUID(uuidString: String($0)) }) else {
                return try await appealForm(caller, values: AppealFormValues(registerNow: "on"), error: nil)
            }
            // Accepting a message from the site: its applicant and text prefill the form; the registrar adds the
            // classifier's questions and the summary.
            let message = try await services.publicAppeals.message(caller, id: messageID)
            let applicant = message.applicant
            let values = AppealFormValues(
                organizationId: message.organizationID.lowercasedString,
                receivedOn: CalendarDate(message.createdAt, in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current).iso,
                type: "statement", channel: AppealChannel.site.rawValue, surname: applicant.surname, name: applicant.name,
                patronymic: applicant.patronymic, postalAddress: applicant.postalAddress, email: applicant.email, phone: applicant.phone,
                title: String(message.text.prefix(300)), registerNow: "on", messageId: message.id.lowercasedString)
            return try await appealForm(caller, values: values, error: nil, message: message)
        }
        router.post("/appeals/new") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(AppealFormValues.self, from: request)
            do {
                let created = try await services.appeals.create(caller, try Self.newAppeal(form, caller: caller, services: services))
                return WebRedirect(location: "/appeals/\(created.view.appeal.documentID.lowercasedString)?created=1").response
            } catch let error as OborotError where error.kind == .unprocessable || error.kind == .badRequest || error.kind == .conflict {
                return try await appealForm(caller, values: form, error: error)
            }
        }
        addAppealCardRoutes(to: router)
        addReceptionRoutes(to: router)
    }

    /// The form's fields as the service's input; the organisation's appeals journal when registering at once.
    static func newAppeal(_ form: AppealFormValues, caller: Caller, services: AppServices) async throws -> AppealService.NewAppeal {
        func clean(_ text: String?) -> String? { text?.trimmed.nilIfEmpty }
        guard let organizationID = clean(form.organizationId).flatMap(UUID.init(uuidString:)) ?? Optional(caller.actor.principal.organizationID) else {
            throw OborotError.notFound(.organization)
        }
        var problems: [FieldProblem] = []
        let received = clean(form.receivedOn).flatMap { CalendarDate(iso: $0) }
        if received == nil { problems.append(FieldProblem(field: "receivedOn", code: "invalid_date", message: AppealJSONTexts.date)) }
        let channel = AppealChannel(rawValue: form.channel ?? "") ?? .post
        var forwarded: ForwardedFrom?
        if channel == .forwarded {
            let date = clean(form.forwardedDate).flatMap { CalendarDate(iso: $0) }
            if let date { forwarded = ForwardedFrom(bodyName: clean(form.forwardedBody) ?? "", number: clean(form.forwardedNumber) ?? "", date: date) }
        }
        try OborotError.throwIfInvalid(problems)
        let kind: Applicant.Kind = form.applicantKind == "organization" ? .organization : .person
        let applicant = Applicant(
            kind: kind, surname: clean(form.surname), name: clean(form.name), patronymic: clean(form.patronymic),
            organizationName: clean(form.organizationName), postalAddress: clean(form.postalAddress), email: clean(form.email), phone: clean(form.phone))
        let hasApplicant = [applicant.surname, applicant.name, applicant.organizationName, applicant.postalAddress, applicant.email, applicant.phone].contains { $0 != nil }
        let questions = [(form.topic1, form.text1), (form.topic2, form.text2), (form.topic3, form.text3)].compactMap { topic, text -> AppealDraft.QuestionDraft? in
            guard let code = clean(topic) else { return nil }
            return AppealDraft.QuestionDraft(topicCode: code, text: clean(text))
        }
        var journal: UUID?
        if form.registerNow == "on" {
            journal = try await services.registry.journals(caller, organizationID: organizationID).map(\.0).first { $0.kinds.contains(.appeal) }?.id
            if journal == nil { throw OborotError.noAppealJournal }
        }
        return AppealService.NewAppeal(
            organizationID: organizationID,
            requisites: DocumentRequisites(
                title: clean(form.title) ?? "", pages: clean(form.pages).flatMap { Int($0) }, deliveryMethod: channel.deliveryMethod),
            draft: AppealDraft(
                type: AppealType(rawValue: form.type ?? "") ?? .statement, channel: channel, applicants: hasApplicant ? [applicant] : [],
                collective: form.collective == "on", receivedOn: received!, forwardedFrom: forwarded, migrationMatterToHead: form.migration == "on",
                questions: questions),
            registerIn: journal, messageID: clean(form.messageId).flatMap(UUID.init(uuidString:)))
    }

    func appealForm(_ caller: Caller, values: AppealFormValues, error: OborotError?, message: AppealMessage? = nil) async throws -> Response {
        var message = message
        if message == nil, let id = values.messageId.flatMap(UUID.init(uuidString:)) { message = try? await services.publicAppeals.message(caller, id: id) }
        let organizationIDs = Self.organizationIDs(of: caller.actor, holding: [.registrar, .head])
        let organizations = try await services.database.read { try await OrganizationRepository($0).findMany(organizationIDs) }
        let topics = try await services.appeals.topics(caller, query: nil, includeObsolete: false, limit: 5000)
        let names = Dictionary(topics.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        func groups(selected: String?) -> [AppealFormModel.TopicGroup] {
            let questions = topics.filter(\.code.isQuestion)
            return Dictionary(grouping: questions, by: { $0.code.section }).sorted { $0.key < $1.key }.map { section, nodes in
                AppealFormModel.TopicGroup(
                    name: "\(section) \(names[section] ?? "")",
                    topics: nodes.map { node in
                        let theme = node.code.parent.flatMap { names[$0] } ?? ""
                        return AppealFormModel.Option(value: node.code.description, name: "\(node.code) \(theme) → \(node.name)", selected: node.code.description == selected)
                    })
            }
        }
        let chosenOrganization = values.organizationId ?? organizationIDs[0].lowercasedString
        let today = organizations.first.map { $0.date(at: Date()) }?.iso ?? ""
        let model = AppealFormModel(
            organizations: organizations.map { .init(value: $0.id.lowercasedString, name: $0.shortName, selected: $0.id.lowercasedString == chosenOrganization) },
            types: AppealType.allCases.map { .init(value: $0.rawValue, name: $0.russianName, selected: $0.rawValue == (values.type ?? "statement")) },
            channels: AppealChannel.allCases.map { .init(value: $0.rawValue, name: $0.russianName, selected: $0.rawValue == (values.channel ?? "post")) },
            questions: [(values.topic1, values.text1), (values.topic2, values.text2), (values.topic3, values.text3)].enumerated().map { index, pair in
                AppealFormModel.QuestionRow(index: index + 1, groups: groups(selected: pair.0), text: pair.1 ?? "")
            },
            values: values, today: values.receivedOn ?? today, error: error.map { $0.title }, problems: error.map { $0.fieldProblems.map(\.message) } ?? [],
            hasProblems: !(error?.fieldProblems.isEmpty ?? true), isOrganization: values.applicantKind == "organization",
            registerChecked: values.registerNow == "on", messageText: message?.text, messageCode: message?.trackingCode,
            messageIdentity: message?.identity.map { "\($0.fullName) — личность подтверждена (\($0.providerName)) \(WebTexts.dateTime($0.verifiedAt, timeZone: OrganizationRules.defaultTimeZone))" })
        return page("appeal-new", title: "Регистрация обращения", model: model, caller: caller, path: "/appeals", status: error == nil ? .ok : .unprocessableContent)
    }
}

extension OborotError {
    static let noAppealJournal = OborotError(
        .conflict, code: "no_appeal_journal", title: "Нет журнала обращений",
        detail: "В организации нет журнала, принимающего обращения граждан: добавьте его (например, «Обращения граждан», шаблон {seq}-ОГ).")
}
