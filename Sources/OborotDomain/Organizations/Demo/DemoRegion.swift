public import Foundation

/// Builds the demo region: Ростовская область with its government, executive bodies, 463 municipalities, their
/// institutions, staff and accounts. Pure and deterministic: the same options give the same data, ids included.
public struct DemoRegion: Sendable {
    /// Everything the demo loads, ready to be inserted in this order.
    public struct Data: Sendable {
        public var organizations: [Organization] = []
        public var positions: [(position: Position, rank: Int)] = []
        public var employees: [Employee] = []
        public var users: [User] = []
        public var grants: [RoleGrant] = []
        public var delegations: [Delegation] = []
        public var journals: [Journal] = []
        public var correspondents: [Correspondent] = []
        public var caseFiles: [CaseFile] = []
        /// The officials' personal reception schedules (59-ФЗ ст. 13).
        public var receptionSchedules: [ReceptionSchedule] = []
        /// Accounts worth printing at start: login and who it is.
        public var namedAccounts: [(login: String, description: String)] = []
    }

    public static let regionName = "Ростовская область"
    public static let demoPassword = "demo"

    /// Loads at least `users` people (the region's minimal staff when fewer are asked for).
    public static func generate(users requestedUsers: Int = 0, now: Date) -> Data {
        var builder = DemoRegionBuilder(now: now)
        builder.buildStructure()
        builder.addExtraStaff(upTo: requestedUsers)
        builder.addRegistries()
        return builder.data
    }
}

/// The mutable state of one generation run.
struct DemoRegionBuilder {
    var data = DemoRegion.Data()
    var random = SeededRandom(seed: 61)
    let now: Date
    private var usedLogins: Set<String> = []
    /// Organisations that receive extra specialists when more users are asked for.
    private var growable: [Organization] = []
    private var specialistPosition: [UUID: UUID] = [:]

    init(now: Date) { self.now = now }

    // MARK: Structure

    mutating func buildStructure() {
        let government = addOrganization(
            .regionalGovernment, parent: nil, short: "Правительство РО", full: "Правительство Ростовской области")
        staffGovernment(government)
        for body in DemoNames.executiveBodies {
            let organization = addOrganization(.executiveBody, parent: government, short: body.short, full: body.full)
            staffBody(organization, headTitle: DemoTexts.headTitle(forBody: body.full), code: code(body.short))
            growable.append(organization)
            addDepartments(of: organization, code: code(body.short))
        }
        for city in DemoNames.urbanOkrugs {
            let okrug = addOrganization(
                .urbanOkrug, parent: government, short: "г. \(city)", full: "Городской округ «Город \(city)»")
            staffBody(okrug, headTitle: "Глава администрации города", code: code("г. \(city)"))
            growable.append(okrug)
            addInstitutions(of: okrug, place: "г. \(city)", schools: 3, kindergartens: 2, hospitals: 1)
        }
        var districts: [Organization] = []
        for district in DemoNames.municipalDistricts {
            let organization = addOrganization(
                .municipalDistrict, parent: government, short: "\(district.adjective) район",
                full: "Администрация \(DemoTexts.genitive(ofAdjective: district.adjective)) района")
            staffBody(organization, headTitle: "Глава администрации района", code: code("\(district.adjective) район"))
            growable.append(organization)
            addInstitutions(
                of: organization, place: "\(district.adjective) район", schools: 2, kindergartens: 1, hospitals: 1,
                hospitalName: "Центральная районная больница \(DemoTexts.genitive(ofAdjective: district.adjective)) района")
            districts.append(organization)
        }
        for settlement in DemoNames.urbanSettlements {
            addSettlement(.urbanSettlement, name: settlement.name, district: districts[settlement.districtIndex])
        }
        for (index, name) in DemoNames.ruralSettlementNames.prefix(390).enumerated() {
            addSettlement(.ruralSettlement, name: name, district: districts[index % districts.count])
        }
    }

    private mutating func addSettlement(_ kind: OrganizationKind, name: String, district: Organization) {
        let typeGenitive = kind == .urbanSettlement ? "городского поселения" : "сельского поселения"
        let settlement = addOrganization(
            kind, parent: district, short: "\(name) \(kind == .urbanSettlement ? "г/п" : "с/п")",
            full: "Администрация \(DemoTexts.genitive(ofAdjective: name)) \(typeGenitive)")
        let head = addPosition(settlement, title: "Глава администрации поселения", isHead: true, rank: 0)
        let specialist = addPosition(settlement, title: "Ведущий специалист", isHead: false, rank: 1)
        addPerson(settlement, position: head, roles: [.head])
        addPerson(settlement, position: specialist, roles: [.registrar, .executor])
        addPerson(settlement, position: specialist, roles: [.executor])
        addInstitution(
            .school, parent: settlement,
            name: "МБОУ «\(DemoTexts.feminine(ofNeuterAdjective: name)) средняя общеобразовательная школа»")
    }

    private mutating func addInstitutions(
        of municipality: Organization, place: String, schools: Int, kindergartens: Int, hospitals: Int,
        hospitalName: String? = nil
    ) {
        for number in 0..<schools {
            addInstitution(.school, parent: municipality, name: "МБОУ «Средняя школа № \(number * 7 + 1)» (\(place))")
        }
        for number in 0..<kindergartens {
            addInstitution(.kindergarten, parent: municipality, name: "МБДОУ «Детский сад № \(number * 11 + 3)» (\(place))")
        }
        for _ in 0..<hospitals {
            addInstitution(
                .hospital, parent: municipality,
                name: "МБУЗ «\(hospitalName ?? "Городская больница № 1 (\(place))")»")
        }
    }

    enum InstitutionType { case school, kindergarten, hospital }

    private mutating func addInstitution(_ type: InstitutionType, parent: Organization, name: String) {
        let institution = addOrganization(.institution, parent: parent, short: name, full: name)
        let title = switch type {
        case .school: "Директор"
        case .kindergarten: "Заведующий"
        case .hospital: "Главный врач"
        }
        let head = addPosition(institution, title: title, isHead: true, rank: 0)
        addPerson(institution, position: head, roles: [.head])
    }

    // MARK: Staff

    private mutating func staffGovernment(_ government: Organization) {
        let governor = addPosition(government, title: "Губернатор Ростовской области", isHead: true, rank: 0)
        let assistantPost = addPosition(government, title: "Помощник Губернатора", isHead: false, rank: 1)
        let registrarPost = addPosition(government, title: "Начальник общего отдела", isHead: false, rank: 2)
        let controlPost = addPosition(government, title: "Начальник отдела контроля", isHead: false, rank: 3)
        let analystPost = addPosition(government, title: "Консультант управления цифрового развития", isHead: false, rank: 4)
        let receptionPost = addPosition(government, title: "Специалист общественной приёмной", isHead: false, rank: 5)
        let adminPost = addPosition(government, title: "Администратор системы", isHead: false, rank: 6)
        let specialist = addPosition(government, title: "Главный специалист", isHead: false, rank: 7)
        specialistPosition[government.id] = specialist

        let head = addPerson(government, position: governor, roles: [.head], login: "governor", about: "Губернатор")
        if let official = data.employees.last {
            data.receptionSchedules.append(
                ReceptionSchedule(
                    id: nextID(), organizationID: government.id, officialEmployeeID: official.id, officialName: official.name.full,
                    officialPosition: "Губернатор Ростовской области",
                    place: "г. Ростов-на-Дону, ул. Социалистическая, д. 112, приёмная Правительства",
                    recurrence: .weekly(weekdays: [4]), startMinute: 10 * 60, endMinute: 13 * 60, heldBackSlots: 2,
                    validFrom: CalendarDate(now, in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)))
        }
        let assistant = addPerson(
            government, position: assistantPost, roles: [.executor], login: "assistant",
            about: "помощник Губернатора, действует от его имени")
        addPerson(government, position: registrarPost, roles: [.registrar], login: "registrar", about: "делопроизводитель аппарата")
        addPerson(government, position: controlPost, roles: [.controlOfficer], login: "control", about: "контролёр")
        addPerson(government, position: analystPost, roles: [.analyst], login: "analyst", about: "аналитик мониторинга")
        addPerson(government, position: receptionPost, roles: [.receptionOperator], login: "reception", about: "оператор приёмной")
        addPerson(government, position: adminPost, roles: [.admin], login: "admin", about: "администратор региона")
        for _ in 0..<10 { addPerson(government, position: specialist, roles: [.executor]) }
        data.delegations.append(
            Delegation(
                id: nextID(), principalUserID: head, assistantUserID: assistant, validFrom: now, validUntil: nil,
                revokedAt: nil))
    }

    private mutating func staffBody(_ body: Organization, headTitle: String, code: String) {
        let head = addPosition(body, title: headTitle, isHead: true, rank: 0)
        let deputy = addPosition(body, title: "Заместитель руководителя", isHead: false, rank: 1)
        let registrar = addPosition(body, title: "Специалист по делопроизводству", isHead: false, rank: 2)
        let admin = addPosition(body, title: "Ведущий специалист по информационным технологиям", isHead: false, rank: 3)
        var postsByTitle: [String: UUID] = [:]
        for (offset, title) in DemoNames.positionTitles.filter({ !$0.isHead }).enumerated() {
            postsByTitle[title.title] = addPosition(body, title: title.title, isHead: false, rank: 4 + offset)
        }
        let executorPosts = ["Начальник отдела", "Главный специалист"].compactMap { postsByTitle[$0] }
        specialistPosition[body.id] = postsByTitle["Ведущий специалист"] ?? executorPosts.last
        addPerson(body, position: head, roles: [.head], login: "\(code).head", about: "\(headTitle), \(body.shortName)")
        addPerson(body, position: deputy, roles: [.head, .controlOfficer])
        addPerson(body, position: registrar, roles: [.registrar], login: "\(code).registrar", about: "делопроизводитель, \(body.shortName)")
        addPerson(body, position: admin, roles: [.admin], login: "\(code).admin", about: "администратор, \(body.shortName)")
        for post in executorPosts {
            addPerson(body, position: post, roles: [.executor])
        }
    }

    /// Two departments in each executive body, each with a head and two specialists, so assignments can cascade
    /// body → department → specialist. Logins: `<body>.dep1.head`, `<body>.dep1.specialist`.
    private mutating func addDepartments(of body: Organization, code: String) {
        for (index, name) in DemoNames.departments.enumerated() {
            let department = addOrganization(
                .department, parent: body, short: "\(name.short) (\(body.shortName))", full: "\(name.full), \(body.fullName)")
            let head = addPosition(department, title: "Начальник отдела", isHead: true, rank: 0)
            let specialist = addPosition(department, title: "Главный специалист", isHead: false, rank: 1)
            let prefix = "\(code).dep\(index + 1)"
            addPerson(department, position: head, roles: [.head], login: "\(prefix).head")
            addPerson(department, position: specialist, roles: [.executor], login: "\(prefix).specialist")
            addPerson(department, position: specialist, roles: [.executor])
        }
    }

    /// Adds specialists to bodies and municipalities in turn until the region has `target` people.
    mutating func addExtraStaff(upTo target: Int) {
        var index = 0
        while data.users.count < target, !growable.isEmpty {
            let organization = growable[index % growable.count]
            if let position = specialistPosition[organization.id] {
                addPerson(organization, position: position, roles: [.executor])
            }
            index += 1
        }
    }

    // MARK: Registries

    /// Standard journals for every organisation, a nomenclature for the government and its bodies, and the outside
    /// correspondents letters come from.
    mutating func addRegistries() {
        let year = CalendarDate(now, in: TimeZone(identifier: OrganizationRules.defaultTimeZone)!).year
        for organization in data.organizations {
            data.journals += Journal.standardSet(for: organization.id, newID: { nextID() })
            guard organization.kind == .regionalGovernment || organization.kind == .executiveBody else { continue }
            for (index, item) in DemoTexts.nomenclature.enumerated() {
                data.caseFiles.append(
                    CaseFile(
                        id: nextID(), organizationID: organization.id, year: year, index: String(format: "01-%02d", index + 1),
                        title: item.title, retention: item.retention, version: 1))
            }
        }
        for (name, address) in DemoTexts.correspondents {
            let inn = TaxIdentifiers.completeINN10("61" + digits(7))
            data.correspondents.append(
                Correspondent(
                    id: nextID(), kind: .organization, name: name, inn: inn, address: address, email: nil, phone: nil,
                    organizationID: nil, version: 1))
        }
    }

    // MARK: Primitives

    private mutating func nextID() -> UUID {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    private mutating func digits(_ count: Int) -> String {
        (0..<count).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
    }

    @discardableResult
    private mutating func addOrganization(
        _ kind: OrganizationKind, parent: Organization?, short: String, full: String
    ) -> Organization {
        let id = nextID()
        let inn = TaxIdentifiers.completeINN10("61" + digits(7))
        let ogrn = TaxIdentifiers.completeOGRN("10261" + digits(7))
        let organization = Organization(
            id: id, parentID: parent?.id, path: parent.map { $0.path.child(id) } ?? .root(id), kind: kind,
            shortName: short, fullName: full, inn: inn, ogrn: ogrn, timeZone: OrganizationRules.defaultTimeZone,
            version: 1, createdAt: now, updatedAt: now)
        data.organizations.append(organization)
        return organization
    }

    private mutating func addPosition(_ organization: Organization, title: String, isHead: Bool, rank: Int) -> UUID {
        let position = Position(id: nextID(), organizationID: organization.id, title: title, isHead: isHead, version: 1)
        data.positions.append((position, rank))
        return position.id
    }

    /// Adds an employee with an account; returns the account's id.
    @discardableResult
    private mutating func addPerson(
        _ organization: Organization, position: UUID, roles: [Role], login: String? = nil, about: String? = nil
    ) -> UUID {
        let name = randomName()
        let employee = Employee(
            id: nextID(), organizationID: organization.id, positionID: position, name: name, email: nil,
            phone: "+7 (863) \(digits(3))-\(digits(2))-\(digits(2))", active: true, version: 1)
        let chosenLogin = uniqueLogin(login ?? Transliteration.latin("\(name.surname) \(name.givenName.prefix(1))\(name.patronymic?.prefix(1) ?? "")", separator: "."))
        var withEmail = employee
        withEmail.email = "\(chosenLogin)@demo.oborot.local"
        data.employees.append(withEmail)
        let user = User(id: nextID(), login: chosenLogin, employeeID: employee.id, active: true, version: 1, createdAt: now)
        data.users.append(user)
        for role in roles {
            data.grants.append(
                RoleGrant(
                    id: nextID(), userID: user.id, organizationID: organization.id,
                    organizationPath: organization.path, role: role))
        }
        if let about { data.namedAccounts.append((chosenLogin, about)) }
        return user.id
    }

    private mutating func uniqueLogin(_ base: String) -> String {
        var candidate = base
        var suffix = 2
        while usedLogins.contains(candidate) {
            candidate = "\(base)\(suffix)"
            suffix += 1
        }
        usedLogins.insert(candidate)
        return candidate
    }

    private mutating func randomName() -> PersonName {
        let female = Bool.random(using: &random)
        let surname = DemoNames.surnames.randomElement(using: &random)!
        let patronymic = DemoNames.patronymics.randomElement(using: &random)!
        return PersonName(
            surname: female ? surname.female : surname.male,
            givenName: (female ? DemoNames.femaleGivenNames : DemoNames.maleGivenNames).randomElement(using: &random)!,
            patronymic: female ? patronymic.female : patronymic.male)
    }

    private func code(_ shortName: String) -> String {
        Transliteration.latin(shortName)
    }
}

extension DemoRegion {
    /// The accounts worth trying first, for the login page and the start-up message.
    public static var featuredAccounts: [(login: String, description: String)] {
        let body = DemoNames.executiveBodies[0]
        let district = DemoNames.municipalDistricts[0].adjective + " район"
        return [
            ("admin", "администратор региона"),
            ("governor", "Губернатор"),
            ("assistant", "помощник Губернатора (действует от его имени)"),
            ("registrar", "делопроизводитель аппарата Правительства"),
            ("control", "контролёр"),
            ("analyst", "аналитик"),
            ("reception", "оператор приёмной"),
            ("\(Transliteration.latin(body.short)).head", "руководитель, \(body.short)"),
            ("\(Transliteration.latin(body.short)).dep1.head", "начальник отдела, \(body.short)"),
            ("\(Transliteration.latin(body.short)).dep1.specialist", "специалист отдела, \(body.short)"),
            ("\(Transliteration.latin(district)).admin", "администратор, \(district)"),
        ]
    }
}
