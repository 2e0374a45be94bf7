import Foundation
import Hummingbird
import Mustache
import OborotDomain
import OborotStore

extension WebPages {
    struct CardModel {
        struct Action {
            var documentId: String
            var event: String
            var version: Int
            var title: String
            var primary: Bool
            var danger: Bool
            var needsJournal: Bool
            var needsCaseFile: Bool
            var needsReason: Bool
            var journals: [FormModel.Named]
            var caseFiles: [CaseOption]
        }

        struct CaseOption {
            var id: String
            var label: String
        }

        struct AttachmentRow {
            var documentId: String
            var id: String
            var name: String
            var currentVersion: Int
            var size: String
            var hasOlder: Bool
            var canUpload: Bool
            /// Two or more versions of a text format: «Сравнить версии».
            var canCompare: Bool
            /// Why search cannot read the file's text (or that it is being read).
            var textNotice: String?
            var versions: [VersionRow]
        }

        struct VersionRow {
            var documentId: String
            var attachmentId: String
            var number: Int
            var fileName: String
            var size: String
            var createdAt: String
        }

        struct LinkRow {
            var label: String
            var otherId: String
            var otherLabel: String?
        }

        struct HistoryRow {
            var when: String
            var summary: String
        }

        var print: PrintModel
        var id: String
        var kind: String
        var state: String
        var restricted: Bool
        var registeredNotice: Bool
        var error: String?
        var organizationId: String
        var journalId: String?
        var attachments: [AttachmentRow]
        var hasAttachments: Bool
        var canUpload: Bool
        var maxUploadMB: Int
        var links: [LinkRow]
        var hasLinks: Bool
        var history: [HistoryRow]
        var actions: [Action]
        var hasActions: Bool
        var grants: [String]
        var hasGrants: Bool
        var signedAt: String?
        var resolutions: [ResolutionSummary]
        var hasResolutions: Bool
        var canIssueResolution: Bool
        var resolutionNotice: String?
        var approval: ApprovalPanel
        var delivery: DeliveryPanel?
    }

    /// A resolution on the card: its text, control mark and the tree of assignments.
    struct ResolutionSummary {
        var id: String
        var text: String
        var authorName: String
        var date: String
        var isDraft: Bool
        var canApprove: Bool
        var preparedBy: String?
        var controlMark: String?
        var nodes: [AssignmentTreeNode]
    }

    func resolutionSummaries(_ caller: Caller, documentID: UUID) async throws -> [ResolutionSummary] {
        try await services.control.resolutions(caller, documentID: documentID).map { tree in
            let resolution = tree.resolution
            let mark: String? =
                resolution.state == .closed ? "Снята с контроля: \(resolution.controlResult ?? "")"
                : resolution.controlled ? (resolution.controlCategory?.russianName ?? "На контроле") : nil
            return ResolutionSummary(
                id: resolution.id.lowercasedString, text: resolution.text,
                authorName: tree.people[resolution.authorUserID] ?? "", date: resolution.date.russian,
                isDraft: resolution.state == .draft,
                canApprove: resolution.state == .draft && AccessPolicy.isAuthorInPerson(resolution.authorUserID).allows(caller.actor),
                preparedBy: resolution.preparedByUserID.flatMap { tree.people[$0] }, controlMark: mark,
                nodes: AssignmentTreeNode.nodes(of: tree))
        }
    }

    func documentCard(
        _ caller: Caller, id: UUID, registeredNotice: Bool = false, error: String? = nil, status: HTTPResponse.Status = .ok,
        resolutionNotice: String? = nil
    ) async throws -> Response {
        let details = try await services.documents.details(caller, id: id)
        try await services.documents.recordRestrictedView(caller, details: details)
        let history = try await services.documents.history(caller, id: id)
        let document = details.document
        let zone = details.organization.timeZone
        let documentID = document.id.lowercasedString
        var actions: [CardModel.Action] = []
        if !details.allowedEvents.isEmpty {
            let journals = try await services.registry.journals(caller, organizationID: document.organizationID)
                .map(\.0).filter { $0.kinds.contains(document.kind) && $0.active }
            let year = document.registration?.date.year ?? CalendarDate(Date(), in: TimeZone(identifier: zone) ?? .current).year
            let cases = try await services.registry.caseFiles(caller, organizationID: document.organizationID, year: year).map(\.0)
            for event in details.allowedEvents {
                if event == .file && cases.isEmpty { continue }
                actions.append(
                    CardModel.Action(
                        documentId: documentID, event: event.rawValue, version: document.version, title: event.russianName,
                        primary: event == .register || event == .sign, danger: event == .cancel,
                        needsJournal: event == .register, needsCaseFile: event == .file, needsReason: event == .cancel,
                        journals: journals.map { .init(id: $0.id.lowercasedString, name: $0.name, selected: false) },
                        caseFiles: cases.map { .init(id: $0.id.lowercasedString, label: "\($0.index) — \($0.title)") }))
            }
        }
        let resolutions = try await resolutionSummaries(caller, documentID: id)
        let canUpload = details.canEdit && document.state != .cancelled && document.state != .filed
        let model = CardModel(
            print: PrintModel(details, assetVersion: assets.version), id: documentID, kind: document.kind.rawValue,
            state: document.state.rawValue, restricted: document.requisites.accessMark == .restricted,
            // The notice greets whoever just registered the card; a shared link with ?registered=1 shows nothing.
            registeredNotice: registeredNotice
                && [caller.actor.principal.userID, caller.actor.performer?.userID].contains(document.registration?.registeredByUserID),
            error: error,
            organizationId: document.organizationID.lowercasedString,
            journalId: document.registration?.journalID.lowercasedString,
            attachments: details.attachments.map { attachment in
                CardModel.AttachmentRow(
                    documentId: documentID, id: attachment.id.lowercasedString, name: attachment.name,
                    currentVersion: attachment.currentVersion,
                    size: WebTexts.byteCount(attachment.versions.first?.size ?? 0), hasOlder: attachment.versions.count > 1,
                    canUpload: canUpload,
                    canCompare: attachment.versions.count > 1 && attachment.versions.prefix(2).allSatisfy { VersionComparison.isComparable($0) },
                    textNotice: details.textNotices[attachment.id],
                    versions: attachment.versions.map {
                        CardModel.VersionRow(
                            documentId: documentID, attachmentId: attachment.id.lowercasedString, number: $0.number,
                            fileName: $0.fileName, size: WebTexts.byteCount($0.size), createdAt: WebTexts.dateTime($0.createdAt, timeZone: zone))
                    })
            },
            hasAttachments: !details.attachments.isEmpty, canUpload: canUpload,
            maxUploadMB: configuration.maxUploadMegabytes,
            links: details.links.map { .init(label: $0.label, otherId: $0.otherDocumentID.lowercasedString, otherLabel: $0.otherLabel) },
            hasLinks: !details.links.isEmpty,
            history: history.map { .init(when: WebTexts.dateTime($0.occurredAt, timeZone: zone), summary: $0.summary) },
            actions: actions, hasActions: !actions.isEmpty, grants: details.grantedUsers.map(\.displayName),
            hasGrants: !details.grantedUsers.isEmpty,
            signedAt: document.signedAt.map { WebTexts.dateTime($0, timeZone: zone) },
            resolutions: resolutions, hasResolutions: !resolutions.isEmpty,
            canIssueResolution: document.state != .cancelled && caller.actor.holds(.head, over: details.organization.path),
            resolutionNotice: resolutionNotice.flatMap(Self.resolutionNoticeText),
            approval: try await approvalPanel(caller, details: details, canEdit: details.canEdit),
            delivery: try await deliveryPanel(caller, details: details))
        return page("document", title: model.print.label, model: model, caller: caller, path: "/documents", status: status)
    }

    static func resolutionNoticeText(_ code: String) -> String? {
        switch code {
        case "issued": "Резолюция вынесена, поручения направлены исполнителям."
        case "draft": "Проект резолюции подготовлен и ждёт утверждения руководителем."
        case "approved": "Резолюция утверждена, поручения направлены исполнителям."
        default: nil
        }
    }

    /// Uploads a file from the card's form and returns to the card (or to `?back=`, a local page such as the
    /// assignment card an executor attached a report file from).
    func webUpload(_ request: Request, _ context: AppRequestContext, attachmentID: UUID?) async throws -> Response {
        let caller = try signedIn(request)
        let id = try documentID(context)
        let back = request.uri.queryParameters["back"].map { WebRedirect.safeNext(String($0)) }
        do {
            try await services.files.checkCanUpload(caller, documentID: id, attachmentID: attachmentID)
            guard let boundary = MultipartFileReader.boundary(fromContentType: request.headers[.contentType] ?? "") else {
                throw OborotError.fileNameRequired
            }
            _ = try await FileRoutes.uploadMultipart(
                request, boundary: boundary, caller: caller, documentID: id, attachmentID: attachmentID, files: services.files)
            return WebRedirect(location: back ?? "/documents/\(id.lowercasedString)").response
        } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
            return try await documentCard(caller, id: id, error: error.detail, status: error.kind.status)
        } catch is MultipartFileReader.Failure {
            return try await documentCard(caller, id: id, error: OborotError.fileNameRequired.detail, status: .badRequest)
        }
    }
}

/// The fields of a card as printed: on the card page, the printable card and the registration stamp.
struct PrintModel {
    var assetVersion: String
    var label: String
    var organizationName: String
    var kindName: String
    var directiveFormName: String?
    var number: String?
    var date: String?
    var prefix: String
    var journalName: String?
    var correspondentName: String?
    var correspondentNumber: String?
    var correspondentDate: String?
    var addressees: [String]
    var hasAddressees: Bool
    var title: String
    var signerName: String?
    var executorName: String?
    var pages: Int?
    var annexCount: Int?
    var accessMarkName: String
    var deliveryName: String?
    var stateName: String
    var caseFileLabel: String?
    var notes: String?
    var cancellationReason: String?

    init(_ details: DocumentDetails, assetVersion: String) {
        let document = details.document
        let requisites = document.requisites
        self.assetVersion = assetVersion
        label = DocumentTexts.label(document)
        organizationName = details.organization.shortName
        kindName = document.kind.russianName
        directiveFormName = document.directiveForm?.russianName
        number = document.registration?.number
        date = document.registration?.date.russian
        prefix = document.kind == .incoming || document.kind == .appeal ? "Вх." : "Рег."
        journalName = details.journal?.name
        correspondentName = details.correspondent?.name
        correspondentNumber = requisites.correspondentNumber
        correspondentDate = requisites.correspondentDate?.russian
        addressees = details.addressees.map(\.name)
        hasAddressees = !details.addressees.isEmpty
        title = requisites.title
        signerName = details.signerName
        executorName = details.executorName
        pages = requisites.pages
        annexCount = requisites.annexCount
        accessMarkName = requisites.accessMark.russianName
        deliveryName = requisites.deliveryMethod?.russianName
        stateName = document.state.russianName
        caseFileLabel = details.caseFile.map { "\($0.index) «\($0.title)»" }
        notes = requisites.notes
        cancellationReason = document.cancellationReason
    }
}
