public import Foundation

/// Generates registered documents for the demo region and for load tests: realistic Russian titles, spread over
/// the region's bodies and their journals, numbered without gaps. Pure and deterministic for a given seed.
public struct DemoDocuments: Sendable {
    /// Where documents may be registered: an organisation, its journals and people.
    public struct Office: Sendable {
        public var organization: Organization
        public var journals: [Journal]
        public var employeeIDs: [UUID]
        public var registrarUserID: UUID

        public init(organization: Organization, journals: [Journal], employeeIDs: [UUID], registrarUserID: UUID) {
            self.organization = organization
            self.journals = journals
            self.employeeIDs = employeeIDs
            self.registrarUserID = registrarUserID
        }
    }

    private var random: SeededRandom
    private let offices: [Office]
    private let correspondents: [UUID]
    /// The last sequence handed out per journal, so consecutive batches continue the numbering.
    public private(set) var counters: [UUID: Int] = [:]
    private var instant: Date

    public init(offices: [Office], correspondents: [UUID], start: Date, seed: UInt64 = 7) {
        self.random = SeededRandom(seed: seed)
        self.offices = offices.filter { !$0.journals.isEmpty && !$0.employeeIDs.isEmpty }
        self.correspondents = correspondents
        self.instant = start
    }

    static let subjects = [
        "О ремонте автомобильной дороги", "О выделении субсидии", "О подготовке к отопительному сезону",
        "Об исполнении бюджета", "О проведении проверки", "О предоставлении информации", "О капитальном ремонте школы",
        "О благоустройстве территории", "О мерах социальной поддержки", "О строительстве детского сада",
        "О согласовании проекта", "О переселении из аварийного жилья", "О водоснабжении населённого пункта",
        "О работе общественного транспорта", "О цифровой трансформации", "О проведении публичных слушаний",
        "О кадровом резерве", "О закупке медицинского оборудования", "О подготовке паводкоопасного периода",
        "О земельном участке", "Об обращении граждан", "О предоставлении отчёта", "О мониторинге цен",
        "О вакцинации населения", "О ремонте моста",
    ]
    static let places = [
        "в х. Весёлом", "в ст. Багаевской", "в г. Азове", "в с. Покровском", "в пос. Глубоком", "на ул. Ленина",
        "в сл. Большая Мартыновка", "в Аксайском районе", "в г. Шахты", "в Сальском районе", "",
    ]

    /// The next `count` documents (fewer when there is nowhere to register them).
    public mutating func next(_ count: Int) -> [Document] {
        guard !offices.isEmpty else { return [] }
        var documents: [Document] = []
        documents.reserveCapacity(count)
        for _ in 0..<count {
            let office = offices[Int.random(in: 0..<offices.count, using: &random)]
            let journal = office.journals[Int.random(in: 0..<office.journals.count, using: &random)]
            guard let kind = journal.kinds.sorted(by: { $0.rawValue < $1.rawValue }).first else { continue }
            let sequence = (counters[journal.id] ?? 0) + 1
            counters[journal.id] = sequence
            instant = instant.addingTimeInterval(Double(Int.random(in: 1...30, using: &random)))
            let date = office.organization.date(at: instant)
            let subject = Self.subjects[Int.random(in: 0..<Self.subjects.count, using: &random)]
            let place = Self.places[Int.random(in: 0..<Self.places.count, using: &random)]
            let employee = office.employeeIDs[Int.random(in: 0..<office.employeeIDs.count, using: &random)]
            var requisites = DocumentRequisites(
                title: place.isEmpty ? subject : "\(subject) \(place)", pages: Int.random(in: 1...12, using: &random),
                accessMark: Int.random(in: 0..<50, using: &random) == 0 ? .restricted : .none)
            switch kind {
            case .incoming, .appeal:
                requisites.correspondentID = correspondents.isEmpty ? nil : correspondents[Int.random(in: 0..<correspondents.count, using: &random)]
                requisites.correspondentNumber = "\(Int.random(in: 1...9999, using: &random))/\(Int.random(in: 1...99, using: &random))"
                requisites.correspondentDate = date.adding(days: -Int.random(in: 1...10, using: &random))
                requisites.deliveryMethod = [.post, .email, .medo, .courier][Int.random(in: 0..<4, using: &random)]
                requisites.executorEmployeeID = employee
            default:
                requisites.signerEmployeeID = office.employeeIDs[0]
                requisites.executorEmployeeID = employee
            }
            let states: [DocumentState] = [.registered, .inWork, .executed, .filed]
            documents.append(
                Document(
                    id: TimeOrderedID.make(at: instant, using: &random), organizationID: office.organization.id, kind: kind,
                    directiveForm: kind == .directive ? .order : nil, state: states[Int.random(in: 0..<states.count, using: &random)],
                    requisites: requisites, signedAt: kind.numberedAfterSigning ? instant : nil,
                    registration: Document.Registration(
                        journalID: journal.id, numberingYear: journal.numberingYear(for: date), sequence: sequence,
                        number: journal.number(sequence: sequence, date: date, caseIndex: nil), date: date,
                        registeredByUserID: office.registrarUserID),
                    caseFileID: nil, cancellationReason: nil, createdByUserID: office.registrarUserID, createdAt: instant,
                    updatedAt: instant, version: 2))
        }
        return documents
    }
}
