/// The categories of citizens with the right to a personal reception in first-priority order (59-ФЗ ст. 13 ч. 7:
/// «в случаях, предусмотренных законодательством Российской Федерации»); federal laws name some, regional laws add
/// more, hence `other` with the category written out. Raw values are API codes.
///
/// A priority visitor may book any free slot, including the slots a schedule holds back (`heldBackSlots`); an ordinary
/// visitor may not take those. A full day is never overbooked: a priority visitor who finds no free slot is received
/// without booking (a walk-in `ReceptionCard`), which is how first-priority reception works in the offices.
public enum ReceptionPriority: String, Sendable, CaseIterable, Codable {
    case heroOfSovietUnionOrRussia
    case heroOfLabour
    case greatPatrioticWarVeteran
    case combatVeteran
    case specialMilitaryOperation
    case disabledGroupOneOrTwo
    case parentOfDisabledChild
    case largeFamily
    /// A category of the region's own law; the booking names it in `priorityNote`.
    case other

    public var russianName: String {
        switch self {
        case .heroOfSovietUnionOrRussia: "Герой Советского Союза, Герой Российской Федерации, полный кавалер ордена Славы"
        case .heroOfLabour: "Герой Социалистического Труда, Герой Труда Российской Федерации, полный кавалер ордена Трудовой Славы"
        case .greatPatrioticWarVeteran: "Инвалид или участник Великой Отечественной войны"
        case .combatVeteran: "Ветеран боевых действий"
        case .specialMilitaryOperation: "Участник специальной военной операции или член его семьи"
        case .disabledGroupOneOrTwo: "Инвалид I или II группы"
        case .parentOfDisabledChild: "Родитель (законный представитель) ребёнка-инвалида"
        case .largeFamily: "Родитель в многодетной семье"
        case .other: "Иная категория, установленная законом"
        }
    }

    /// The legal basis shown next to the mark on the booking and the card.
    public static let article = "ст. 13 ч. 7 59-ФЗ"
}
