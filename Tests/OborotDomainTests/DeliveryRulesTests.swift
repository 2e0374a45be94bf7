import Foundation
import OborotDomain
import Testing

@Suite("Внутренняя доставка: правила")
struct DeliveryRulesTests {
    static let sender = UUID()
    static let (a, b, c) = (UUID(), UUID(), UUID())

    static func letter(
        kind: DocumentKind = .outgoing, state: DocumentState = .registered, addressees: [Addressee]
    ) -> Document {
        let registration = state == .draft ? nil : Document.Registration(
            journalID: UUID(), numberingYear: 2026, sequence: 7, number: "7-исх", date: CalendarDate(year: 2026, month: 12, day: 1)!,
            registeredByUserID: UUID())
        return Document(
            id: UUID(), organizationID: sender, kind: kind, directiveForm: nil, state: state,
            requisites: DocumentRequisites(title: "О сроках", addressees: addressees, pages: 3, annexCount: 1, accessMark: .restricted),
            signedAt: Date(), registration: registration, caseFileID: nil, cancellationReason: nil, createdByUserID: UUID(),
            createdAt: Date(), updatedAt: Date(), version: 3)
    }

    @Test("recipients: our organisations among the addressees, in order, once each, without the sender and those already served")
    func recipients() throws {
        let document = Self.letter(addressees: [
            .organization(Self.b), .correspondent(UUID()), .organization(Self.a), .organization(Self.b),
            .organization(Self.sender), .employee(UUID()), .organization(Self.c),
        ])
        #expect(try DeliveryRules.recipients(of: document, alreadyDelivered: []).get().organizations == [Self.b, Self.a, Self.c])
        #expect(try DeliveryRules.recipients(of: document, alreadyDelivered: [Self.a]).get().organizations == [Self.b, Self.c])
        #expect(DeliveryRules.recipients(of: document, alreadyDelivered: [Self.a, Self.b, Self.c]).failure?.code == "already_delivered")
    }

    @Test("outside bodies on the МЭДО network are recipients too, once each, until a packet has gone to them")
    func medoRecipients() throws {
        let federal = UUID(), postal = UUID()
        let document = Self.letter(addressees: [.correspondent(federal), .correspondent(postal), .correspondent(federal), .organization(Self.a)])
        let both = try DeliveryRules.recipients(of: document, alreadyDelivered: [], medoParticipants: [federal]).get()
        #expect(both.organizations == [Self.a] && both.medoCorrespondents == [federal] && both.count == 2)
        let medoOnly = try DeliveryRules.recipients(of: document, alreadyDelivered: [Self.a], medoParticipants: [federal]).get()
        #expect(medoOnly.organizations.isEmpty && medoOnly.medoCorrespondents == [federal])
        #expect(DeliveryRules.recipients(
            of: document, alreadyDelivered: [Self.a], medoParticipants: [federal], alreadySentByMedo: [federal]).failure?.code == "already_delivered")
        let federalOnly = Self.letter(addressees: [.correspondent(federal)])
        #expect((try? DeliveryRules.recipients(of: federalOnly, alreadyDelivered: [], medoParticipants: [federal]).get().medoCorrespondents) == [federal])
        #expect(DeliveryRules.recipients(of: federalOnly, alreadyDelivered: []).failure?.code == "no_internal_addressees")
    }

    @Test("what cannot be sent, each with its own code")
    func refusals() {
        let addressees: [Addressee] = [.organization(Self.a)]
        #expect(DeliveryRules.recipients(of: Self.letter(state: .draft, addressees: addressees), alreadyDelivered: []).failure?.code == "not_registered")
        #expect(DeliveryRules.recipients(of: Self.letter(state: .cancelled, addressees: addressees), alreadyDelivered: []).failure?.code == "not_registered")
        for kind in DocumentKind.allCases where !DeliveryRules.sendableKinds.contains(kind) {
            #expect(DeliveryRules.recipients(of: Self.letter(kind: kind, addressees: addressees), alreadyDelivered: []).failure?.code == "kind_not_sendable")
        }
        for kind in DeliveryRules.sendableKinds {
            #expect((try? DeliveryRules.recipients(of: Self.letter(kind: kind, addressees: addressees), alreadyDelivered: []).get().organizations) == [Self.a])
        }
        let outsideOnly = Self.letter(addressees: [.correspondent(UUID()), .organization(Self.sender)])
        #expect(DeliveryRules.recipients(of: outsideOnly, alreadyDelivered: []).failure?.code == "no_internal_addressees")
    }

    @Test("the addressee's card: the sender as correspondent with the sender's number and date, the same title, pages and access mark")
    func incomingCard() {
        let sent = Self.letter(addressees: [.organization(Self.a)])
        let correspondent = UUID()
        let requisites = DeliveryRules.incomingRequisites(of: sent, senderCorrespondentID: correspondent)
        #expect(requisites.correspondentID == correspondent)
        #expect(requisites.correspondentNumber == "7-исх")
        #expect(requisites.correspondentDate == CalendarDate(year: 2026, month: 12, day: 1))
        #expect(requisites.title == "О сроках" && requisites.pages == 3 && requisites.annexCount == 1)
        #expect(requisites.accessMark == .restricted)
        #expect(requisites.deliveryMethod == .internalDelivery)
        #expect(requisites.addressees.isEmpty && requisites.signerEmployeeID == nil)
        // What the registrar must still fill in before registering an incoming card is nothing.
        #expect(RequisiteRules.validate(requisites, kind: .incoming, directiveForm: nil, today: CalendarDate(year: 2026, month: 12, day: 1)!, stage: .registration).failure == nil)
    }

    @Test("a refusal needs a reason of at most 2,000 characters and only a waiting card can be refused")
    func refusal() {
        #expect(DeliveryRules.refusalReason(nil).failure?.code == "refusal_reason_required")
        #expect(DeliveryRules.refusalReason(" \n ").failure?.code == "refusal_reason_required")
        #expect(DeliveryRules.refusalReason(String(repeating: "я", count: 2001)).failure?.code == "refusal_reason_too_long")
        #expect((try? DeliveryRules.refusalReason("  Не по адресу ").get()) == "Не по адресу")
        let delivery = Delivery(
            id: UUID(), sentDocumentID: UUID(), senderOrganizationID: Self.sender, recipientOrganizationID: Self.a,
            incomingDocumentID: UUID(), sentByUserID: UUID(), sentAt: Date())
        #expect(DeliveryRules.checkRefusable(delivery, incomingState: .draft).failure == nil)
        for state in DocumentState.allCases where state != .draft {
            #expect(DeliveryRules.checkRefusable(delivery, incomingState: state).failure?.code == "delivery_already_registered")
        }
        var refused = delivery
        refused.refusal = Delivery.Refusal(reason: "Нет", byUserID: UUID(), at: Date())
        #expect(DeliveryRules.checkRefusable(refused, incomingState: .cancelled).failure?.code == "delivery_already_refused")
    }

    @Test("the dispatch register: outside correspondents of letters sent by the channel's methods, in number order, never МЭДО participants or our bodies")
    func dispatchRegister() {
        let post = UUID(), medo = UUID(), unknown = UUID()
        let correspondents = [
            post: Correspondent(id: post, kind: .organization, name: "ООО «Дорожник»", inn: nil, address: " г. Ростов ", email: "info@example.ru", phone: nil, organizationID: nil, version: 1),
            medo: Correspondent(id: medo, kind: .organization, name: "Минтранс России", inn: nil, address: "Москва", email: nil, phone: nil, organizationID: nil, version: 1),
        ]
        func letter(_ sequence: Int, _ method: DeliveryMethod?, state: DocumentState = .registered) -> Document {
            var document = Self.letter(state: state, addressees: [.correspondent(post), .correspondent(medo), .correspondent(unknown), .organization(Self.a)])
            document.registration?.sequence = sequence
            document.registration?.number = "\(sequence)-исх"
            document.requisites.deliveryMethod = method
            return document
        }
        let documents = [letter(9, .post), letter(3, .courier), letter(5, .email), letter(7, .post, state: .cancelled), letter(8, nil)]
        let sent = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, Set([medo])) })
        let paper = DispatchRegister.lines(documents, correspondents: correspondents, channel: .paper, sentByMedo: sent)
        #expect(paper.map(\.number) == ["3-исх", "9-исх"])
        #expect(paper.allSatisfy { $0.addressee == "ООО «Дорожник»" && $0.destination == "г. Ростов" })
        let email = DispatchRegister.lines(documents, correspondents: correspondents, channel: .email, sentByMedo: sent)
        #expect(email.map(\.number) == ["5-исх"] && email.first?.destination == "info@example.ru")
        // A letter no МЭДО packet went out for (e.g. no signed PDF) goes on paper to the federal body too.
        #expect(DispatchRegister.lines(documents, correspondents: correspondents, channel: .paper, sentByMedo: [:]).count == 4)
    }

    @Test("the status is the furthest step reached")
    func status() {
        func of(refused: Bool = false, state: DocumentState = .draft, number: String? = nil, assignments: Bool = false, answered: Bool = false) -> DeliveryStatus {
            DeliveryStatus.of(.init(refused: refused, incomingState: state, registeredNumber: number, hasAssignments: assignments, answered: answered))
        }
        #expect(of() == .delivered)
        #expect(of(state: .registered, number: "12") == .registered)
        #expect(of(state: .inWork, number: "12", assignments: true) == .assignmentCreated)
        #expect(of(state: .executed, number: "12", assignments: true, answered: true) == .answered)
        #expect(of(refused: true, state: .cancelled) == .refused)
        #expect(Set(DeliveryStatus.allCases.map(\.russianName)).count == DeliveryStatus.allCases.count)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
