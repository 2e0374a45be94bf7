public import Foundation

/// An official's regular personal reception of citizens (59-ФЗ ст. 13 ч. 1): who receives, where, on which days and
/// hours, cut into slots a citizen can book. The days and hours are published, so they are data, not free text.
public struct ReceptionSchedule: Sendable, Equatable, Identifiable {
    public static let defaultSlotMinutes = 15

    public var id: UUID
    public var organizationID: UUID
    /// The head of the body or a deputy who receives.
    public var officialEmployeeID: UUID
    /// «Иванов Иван Иванович», kept as printed in the published schedule.
    public var officialName: String
    /// «Губернатор Ростовской области», «заместитель главы администрации».
    public var officialPosition: String
    /// Address and room: «г. Ростов-на-Дону, ул. Социалистическая, д. 112, каб. 101».
    public var place: String
    public var recurrence: ReceptionRecurrence
    /// Minutes from midnight in the organisation's time zone: 600 is 10:00.
    public var startMinute: Int
    /// Minutes from midnight; 1440 is midnight at the end of the day.
    public var endMinute: Int
    public var slotMinutes: Int
    /// The last slots of each reception day held back for citizens with the right to a first-priority reception
    /// (ст. 13 ч. 7); 0 holds none.
    public var heldBackSlots: Int
    public var validFrom: CalendarDate
    /// nil while the schedule runs until replaced.
    public var validTo: CalendarDate?
    public var active: Bool

    public init(
        id: UUID, organizationID: UUID, officialEmployeeID: UUID, officialName: String, officialPosition: String,
        place: String, recurrence: ReceptionRecurrence, startMinute: Int, endMinute: Int,
        slotMinutes: Int = ReceptionSchedule.defaultSlotMinutes, heldBackSlots: Int = 0, validFrom: CalendarDate,
        validTo: CalendarDate? = nil, active: Bool = true
    ) {
        self.id = id
        self.organizationID = organizationID
        self.officialEmployeeID = officialEmployeeID
        self.officialName = officialName
        self.officialPosition = officialPosition
        self.place = place
        self.recurrence = recurrence
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.slotMinutes = slotMinutes
        self.heldBackSlots = heldBackSlots
        self.validFrom = validFrom
        self.validTo = validTo
        self.active = active
    }

    /// Slots in one reception day; 0 when the hours or the slot length are invalid.
    public var slotsPerDay: Int {
        guard slotMinutes > 0, endMinute > startMinute else { return 0 }
        return (endMinute - startMinute) / slotMinutes
    }

    /// Whether the schedule is in effect on `date` (the working-day check is the calendar's, see `ReceptionSlots`).
    public func isInEffect(on date: CalendarDate) -> Bool {
        date >= validFrom && (validTo.map { date <= $0 } ?? true)
    }

    /// The published line: «по вторникам и четвергам, 10:00–13:00» or «в первый вторник месяца, 10:00–12:00».
    public var russianDescription: String {
        "\(recurrence.russianDescription), \(ReceptionTexts.time(startMinute))–\(ReceptionTexts.time(endMinute))"
    }
}
