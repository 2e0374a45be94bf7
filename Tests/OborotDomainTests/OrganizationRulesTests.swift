import Foundation
import OborotDomain
import Testing

@Suite("Правила организаций")
struct OrganizationRulesTests {
    static func organization(_ kind: OrganizationKind, parent: Organization? = nil, zone: String = "Europe/Moscow") -> Organization {
        let id = UUID()
        return Organization(
            id: id, parentID: parent?.id, path: parent?.path.child(id) ?? .root(id), kind: kind, shortName: "X",
            fullName: "X", inn: nil, ogrn: nil, timeZone: zone, version: 1, createdAt: Date(), updatedAt: Date())
    }

    func problems(_ result: Result<OrganizationDraft, OborotError>) -> [String] {
        switch result {
        case .success: []
        case .failure(let error): error.fieldProblems.map { "\($0.field):\($0.code)" }
        }
    }

    @Test("a valid draft is cleaned: names trimmed, blanks become nil, time zone from the parent")
    func cleaning() throws {
        let parent = Self.organization(.regionalGovernment, zone: "Asia/Yekaterinburg")
        let draft = OrganizationDraft(
            parentID: parent.id, kind: .executiveBody, shortName: "  Минфин  ", fullName: "Министерство финансов\n",
            inn: "  ", ogrn: nil, timeZone: nil)
        let cleaned = try OrganizationRules.validate(draft, parent: parent).get()
        #expect(cleaned.shortName == "Минфин")
        #expect(cleaned.fullName == "Министерство финансов")
        #expect(cleaned.inn == nil)
        #expect(cleaned.timeZone == "Asia/Yekaterinburg")
    }

    @Test("every problem is reported at once, in Russian")
    func allProblems() {
        let parent = Self.organization(.regionalGovernment)
        let draft = OrganizationDraft(
            parentID: parent.id, kind: .executiveBody, shortName: "", fullName: " ", inn: "1234567890",
            ogrn: "123", timeZone: "Mars/Olympus")
        let result = OrganizationRules.validate(draft, parent: parent)
        #expect(
            Set(problems(result)) == [
                "shortName:required", "fullName:required", "inn:invalid_inn", "ogrn:invalid_ogrn",
                "timeZone:unknown_time_zone",
            ])
        if case .failure(let error) = result {
            #expect(error.kind == .unprocessable)
            #expect(error.detail.contains("ИНН указан неверно"))
        }
    }

    @Test("too long names are refused")
    func tooLong() {
        let parent = Self.organization(.regionalGovernment)
        let draft = OrganizationDraft(
            parentID: parent.id, kind: .executiveBody, shortName: String(repeating: "я", count: 201), fullName: "Ок")
        #expect(problems(OrganizationRules.validate(draft, parent: parent)) == ["shortName:too_long"])
    }

    /// Which kind may sit under which: the whole matrix, so a changed rule shows up here.
    @Test("placement rules between kinds", arguments: OrganizationKind.allCases)
    func placement(child: OrganizationKind) {
        for parentKind in OrganizationKind.allCases {
            let parent = Self.organization(parentKind)
            let draft = OrganizationDraft(parentID: parent.id, kind: child, shortName: "A", fullName: "A")
            let allowed = (try? OrganizationRules.validate(draft, parent: parent).get()) != nil
            #expect(allowed == child.allowedParentKinds.contains(parentKind), "\(child) under \(parentKind)")
        }
        let root = OrganizationDraft(parentID: nil, kind: child, shortName: "A", fullName: "A")
        #expect(((try? OrganizationRules.validate(root, parent: nil).get()) != nil) == child.mayBeRoot)
    }

    @Test("settlements belong to municipal districts only")
    func settlements() {
        #expect(OrganizationKind.ruralSettlement.allowedParentKinds == [.municipalDistrict])
        #expect(OrganizationKind.urbanSettlement.allowedParentKinds == [.municipalDistrict])
        #expect(!OrganizationKind.municipalDistrict.mayBeRoot)
    }

    @Test("an organisation cannot move under itself or its own subordinate")
    func cycles() {
        let root = Self.organization(.regionalGovernment)
        let ministry = Self.organization(.executiveBody, parent: root)
        let department = Self.organization(.executiveBody, parent: ministry)
        let draft = OrganizationDraft(parentID: department.id, kind: .executiveBody, shortName: "M", fullName: "M")
        #expect(problems(OrganizationRules.validate(draft, parent: department, existing: ministry)) == ["parentId:cycle"])
        let selfDraft = OrganizationDraft(parentID: ministry.id, kind: .executiveBody, shortName: "M", fullName: "M")
        #expect(problems(OrganizationRules.validate(selfDraft, parent: ministry, existing: ministry)) == ["parentId:cycle"])
        let sideways = OrganizationDraft(parentID: root.id, kind: .executiveBody, shortName: "D", fullName: "D")
        #expect(problems(OrganizationRules.validate(sideways, parent: root, existing: department)).isEmpty)
    }

    @Test("government levels for monitoring")
    func levels() {
        #expect(OrganizationKind.executiveBody.level == .regional)
        #expect(OrganizationKind.urbanOkrug.level == .district)
        #expect(OrganizationKind.ruralSettlement.level == .settlement)
        #expect(OrganizationKind.institution.level == nil)
    }
}
