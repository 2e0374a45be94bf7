public import Foundation

/// How copies leave the body when they do not go electronically: the register (реестр отправки) is kept per day and
/// per channel, for the post office or the courier and for e-mail.
public enum DispatchChannel: String, Sendable, CaseIterable, Codable {
    case paper
    case email

    public var methods: Set<DeliveryMethod> {
        switch self {
        case .paper: [.post, .courier, .specialCourier]
        case .email: [.email]
        }
    }

    public var russianName: String {
        switch self {
        case .paper: "Почта и курьер"
        case .email: "Электронная почта"
        }
    }
}

/// One copy in the register: which letter, to whom, where.
public struct DispatchLine: Sendable, Equatable {
    public var documentID: UUID
    public var number: String
    public var date: CalendarDate
    public var title: String
    public var addressee: String
    /// The postal address for paper, the e-mail address for e-mail; nil when the directory has none.
    public var destination: String?
    public var pages: Int?
    public var annexCount: Int?

    public init(
        documentID: UUID, number: String, date: CalendarDate, title: String, addressee: String, destination: String?,
        pages: Int?, annexCount: Int?
    ) {
        self.documentID = documentID
        self.number = number
        self.date = date
        self.title = title
        self.addressee = addressee
        self.destination = destination
        self.pages = pages
        self.annexCount = annexCount
    }
}

public enum DispatchRegister {
    /// The register's lines for `channel`: every outside correspondent a registered letter sent that way is
    /// addressed to, in registration order. Our own organisations get their copy by delivery, and the correspondents
    /// a МЭДО packet of that letter went to (`sentByMedo`, by document) theirs electronically, so neither appears.
    public static func lines(
        _ documents: [Document], correspondents: [UUID: Correspondent], channel: DispatchChannel, sentByMedo: [UUID: Set<UUID>]
    ) -> [DispatchLine] {
        documents
            .filter { document in
                DeliveryRules.sendableKinds.contains(document.kind) && document.state != .cancelled
                    && document.registration != nil && document.requisites.deliveryMethod.map(channel.methods.contains) == true
            }
            .sorted { ($0.registration!.numberingYear, $0.registration!.sequence) < ($1.registration!.numberingYear, $1.registration!.sequence) }
            .flatMap { document -> [DispatchLine] in
                let registration = document.registration!
                return document.requisites.addressees.compactMap { addressee -> DispatchLine? in
                    guard case .correspondent(let id) = addressee, sentByMedo[document.id]?.contains(id) != true,
                        let correspondent = correspondents[id]
                    else {
                        return nil
                    }
                    let destination = channel == .paper ? correspondent.address : correspondent.email
                    return DispatchLine(
                        documentID: document.id, number: registration.number, date: registration.date, title: document.requisites.title,
                        addressee: correspondent.name, destination: destination.nonBlank, pages: document.requisites.pages,
                        annexCount: document.requisites.annexCount)
                }
            }
    }
}
