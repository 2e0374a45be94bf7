public import Foundation

/// What may be sent inside the region, to whom, and what the addressee receives.
public enum DeliveryRules {
    /// Kinds a body sends to other bodies: letters and its organisational and legal acts.
    public static let sendableKinds: Set<DocumentKind> = [.outgoing, .directive, .legalAct]

    public static let maxRefusalReasonLength = 2000

    /// Who still has to receive a sent document: our organisations (a card in one step) and outside bodies on
    /// the МЭДО network (a packet each).
    public struct Recipients: Sendable, Equatable {
        public var organizations: [UUID]
        /// Correspondents that are МЭДО participants.
        public var medoCorrespondents: [UUID]

        public init(organizations: [UUID], medoCorrespondents: [UUID]) {
            self.organizations = organizations
            self.medoCorrespondents = medoCorrespondents
        }

        public var count: Int { organizations.count + medoCorrespondents.count }
    }

    /// The addressees still to receive `document`, in their order, once each: our organisations without the sender
    /// and those already served, and correspondents on the МЭДО network (`medoParticipants`) not yet sent to.
    /// Refuses what cannot be sent at all.
    public static func recipients(
        of document: Document, alreadyDelivered: Set<UUID>, medoParticipants: Set<UUID> = [], alreadySentByMedo: Set<UUID> = []
    ) -> Result<Recipients, OborotError> {
        guard sendableKinds.contains(document.kind) else { return .failure(.kindNotSendable(document.kind)) }
        guard document.registration != nil, document.state != .draft, document.state != .cancelled else {
            return .failure(.notRegisteredForDelivery(document.state))
        }
        var seen = Set<UUID>()
        var organizations: [UUID] = []
        var medo: [UUID] = []
        for addressee in document.requisites.addressees {
            switch addressee {
            case .organization(let id) where id != document.organizationID && seen.insert(id).inserted: organizations.append(id)
            case .correspondent(let id) where medoParticipants.contains(id) && seen.insert(id).inserted: medo.append(id)
            default: continue
            }
        }
        guard !organizations.isEmpty || !medo.isEmpty else { return .failure(.noInternalAddressees) }
        let pending = Recipients(
            organizations: organizations.filter { !alreadyDelivered.contains($0) },
            medoCorrespondents: medo.filter { !alreadySentByMedo.contains($0) })
        guard pending.count > 0 else { return .failure(.alreadyDelivered) }
        return .success(pending)
    }

    /// The requisites of the incoming card an addressee receives: the sender as correspondent with the sender's
    /// number and date, the same title, pages, appendices and access mark. The recipient's registrar adds the rest.
    public static func incomingRequisites(of sent: Document, senderCorrespondentID: UUID) -> DocumentRequisites {
        DocumentRequisites(
            title: sent.requisites.title, correspondentID: senderCorrespondentID,
            correspondentNumber: sent.registration?.number, correspondentDate: sent.registration?.date,
            pages: sent.requisites.pages, annexCount: sent.requisites.annexCount, accessMark: sent.requisites.accessMark,
            deliveryMethod: .internalDelivery)
    }

    /// A refusal needs a reason the sender can act on.
    public static func refusalReason(_ text: String?) -> Result<String, OborotError> {
        guard let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            return .failure(.refusalReasonRequired)
        }
        guard reason.count <= maxRefusalReasonLength else { return .failure(.refusalReasonTooLong) }
        return .success(reason)
    }

    /// Only a copy still waiting for registration can be refused; a registered one is worked or answered instead.
    public static func checkRefusable(_ delivery: Delivery, incomingState: DocumentState) -> Result<Void, OborotError> {
        if delivery.refusal != nil { return .failure(.deliveryAlreadyRefused) }
        guard incomingState == .draft else { return .failure(.deliveryAlreadyRegistered(incomingState)) }
        return .success(())
    }
}

extension OborotError {
    public static func kindNotSendable(_ kind: DocumentKind) -> OborotError {
        OborotError(
            .conflict, code: "kind_not_sendable", title: "Документ не отправляется",
            detail: "Документ вида «\(kind.russianName)» не отправляется адресатам: отправляются исходящие письма, распорядительные документы и правовые акты.")
    }

    public static func notRegisteredForDelivery(_ state: DocumentState) -> OborotError {
        OborotError(
            .conflict, code: "not_registered", title: "Документ не зарегистрирован",
            detail: "Отправить можно только зарегистрированный документ; сейчас он в состоянии «\(state.russianName)».")
    }

    public static let noInternalAddressees = OborotError(
        .conflict, code: "no_internal_addressees", title: "Нет адресатов в регионе",
        detail: "Среди адресатов документа нет организаций региона и участников МЭДО: отправить его некому — отправьте почтой или добавьте корреспондента в справочник участников МЭДО.")

    public static let alreadyDelivered = OborotError(
        .conflict, code: "already_delivered", title: "Документ уже доставлен",
        detail: "Документ уже отправлен всем адресатам — организациям региона и участникам МЭДО.")

    public static let refusalReasonRequired = OborotError(
        .unprocessable, code: "refusal_reason_required", title: "Не указана причина отказа",
        detail: "Укажите причину отказа в регистрации: отправитель увидит её.",
        fieldProblems: [FieldProblem(field: "reason", code: "required", message: "Укажите причину отказа.")])

    public static let refusalReasonTooLong = OborotError(
        .unprocessable, code: "refusal_reason_too_long", title: "Слишком длинная причина отказа",
        detail: "Причина отказа не должна быть длиннее \(DeliveryRules.maxRefusalReasonLength) символов.",
        fieldProblems: [FieldProblem(field: "reason", code: "too_long", message: "Не длиннее \(DeliveryRules.maxRefusalReasonLength) символов.")])

    public static let deliveryAlreadyRefused = OborotError(
        .conflict, code: "delivery_already_refused", title: "В регистрации уже отказано",
        detail: "В регистрации этого документа уже отказано.")

    public static func deliveryAlreadyRegistered(_ state: DocumentState) -> OborotError {
        OborotError(
            .conflict, code: "delivery_already_registered", title: "Документ уже принят",
            detail: "Отказать в регистрации нельзя: карточка в состоянии «\(state.russianName)».")
    }
}
