public import Foundation

/// A named set of addressees (список рассылки) an organisation reuses: «Главам муниципальных районов», «Органам
/// исполнительной власти». Applying it to a letter adds its addressees.
public struct DistributionList: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var name: String
    /// Our organisations and outside correspondents; never employees (a list is for letters between bodies).
    public var addressees: [Addressee]

    public init(id: UUID, organizationID: UUID, name: String, addressees: [Addressee]) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.addressees = addressees
    }
}

public enum DistributionListRules {
    public static let maxNameLength = 200
    /// The region's bodies and municipalities fit with room to spare.
    public static let maxAddressees = 2000

    /// The list's name trimmed and its addressees in order without repeats; every problem at once.
    public static func validate(name: String?, addressees: [Addressee]) -> Result<(name: String, addressees: [Addressee]), OborotError> {
        var problems: [FieldProblem] = []
        let name = name.nonBlank ?? ""
        if name.isEmpty {
            problems.append(FieldProblem(field: "name", code: "required", message: "Укажите название списка рассылки."))
        } else if name.count > maxNameLength {
            problems.append(FieldProblem(field: "name", code: "too_long", message: "Название — не длиннее \(maxNameLength) символов."))
        }
        if addressees.contains(where: { if case .employee = $0 { return true } else { return false } }) {
            problems.append(
                FieldProblem(field: "addressees", code: "employee_not_allowed", message: "В список рассылки входят организации и корреспонденты, не сотрудники."))
        }
        var seen = Set<Addressee>()
        let unique = addressees.filter { seen.insert($0).inserted }
        if unique.isEmpty {
            problems.append(FieldProblem(field: "addressees", code: "required", message: "Добавьте в список хотя бы одного адресата."))
        } else if unique.count > maxAddressees {
            problems.append(FieldProblem(field: "addressees", code: "too_many", message: "В списке не больше \(maxAddressees) адресатов."))
        }
        if !problems.isEmpty { return .failure(.validation(problems)) }
        return .success((name, unique))
    }

    /// A letter's addressees with the list's added after them, each once.
    public static func apply(_ list: DistributionList, to addressees: [Addressee]) -> [Addressee] {
        var seen = Set(addressees)
        return addressees + list.addressees.filter { seen.insert($0).inserted }
    }
}

extension OborotError {
    public static func distributionListExists(_ name: String) -> OborotError {
        OborotError(
            .conflict, code: "distribution_list_exists", title: "Такой список уже есть",
            detail: "Список рассылки «\(name)» в этой организации уже есть.")
    }
}
