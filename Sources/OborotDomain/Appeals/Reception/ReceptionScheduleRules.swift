/// What a reception schedule must hold before it is published and booked against.
public enum ReceptionScheduleRules {
    public static let minimumSlotMinutes = 5
    public static let minutesPerDay = 24 * 60
    public static let maxPlaceLength = 500

    /// Every problem of a schedule at once, in field order, so the form can mark them all.
    public static func problems(of schedule: ReceptionSchedule) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        problems += TextRules.required(schedule.officialName.trimmed, field: "officialName", maxLength: AppealRules.maxNameLength, label: "Должностное лицо")
        problems += TextRules.required(schedule.officialPosition.trimmed, field: "officialPosition", maxLength: AppealRules.maxNameLength, label: "Должность")
        problems += TextRules.required(schedule.place.trimmed, field: "place", maxLength: maxPlaceLength, label: "Место приёма")
        problems += self.problems(of: schedule.recurrence)
        problems += hoursProblems(schedule)
        if let validTo = schedule.validTo, validTo < schedule.validFrom {
            problems.append(FieldProblem(
                field: "validTo", code: "before_valid_from",
                message: ReceptionTexts.validToBeforeValidFrom(validTo, schedule.validFrom)))
        }
        return problems
    }

    private static func problems(of recurrence: ReceptionRecurrence) -> [FieldProblem] {
        switch recurrence {
        case .weekly(let weekdays):
            if weekdays.isEmpty {
                return [FieldProblem(field: "recurrence.weekdays", code: "required", message: ReceptionTexts.weekdaysRequired)]
            }
            return weekdays.sorted().flatMap { weekdayProblems($0, field: "recurrence.weekdays") }
        case .monthly(let weeks, let weekday):
            var problems: [FieldProblem] = []
            if weeks.isEmpty {
                problems.append(FieldProblem(field: "recurrence.weeks", code: "required", message: ReceptionTexts.weeksRequired))
            }
            return problems + weekdayProblems(weekday, field: "recurrence.weekday")
        }
    }

    /// Slots exist only on working days of the production calendar, so a Saturday or Sunday rule would publish a
    /// reception that never takes place; it is refused here rather than yielding no slots in silence.
    private static func weekdayProblems(_ weekday: Int, field: String) -> [FieldProblem] {
        if !(1...7).contains(weekday) {
            return [FieldProblem(field: field, code: "out_of_range", message: ReceptionTexts.weekdayOutOfRange(weekday))]
        }
        if weekday >= 6 {
            return [FieldProblem(field: field, code: "weekend", message: ReceptionTexts.weekendWeekday(weekday))]
        }
        return []
    }

    private static func hoursProblems(_ schedule: ReceptionSchedule) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let startValid = (0..<minutesPerDay).contains(schedule.startMinute)
        let endValid = (1...minutesPerDay).contains(schedule.endMinute)
        if !startValid {
            problems.append(FieldProblem(field: "startMinute", code: "out_of_range", message: ReceptionTexts.startOutOfRange))
        }
        if !endValid {
            problems.append(FieldProblem(field: "endMinute", code: "out_of_range", message: ReceptionTexts.endOutOfRange))
        }
        let hoursValid = startValid && endValid && schedule.endMinute > schedule.startMinute
        if startValid && endValid && !hoursValid {
            problems.append(FieldProblem(
                field: "endMinute", code: "not_after_start",
                message: ReceptionTexts.endNotAfterStart(schedule.startMinute, schedule.endMinute)))
        }
        let duration = schedule.endMinute - schedule.startMinute
        if schedule.slotMinutes < minimumSlotMinutes {
            problems.append(FieldProblem(field: "slotMinutes", code: "too_short", message: ReceptionTexts.slotTooShort(schedule.slotMinutes)))
        } else if hoursValid && schedule.slotMinutes > duration {
            problems.append(FieldProblem(field: "slotMinutes", code: "too_long", message: ReceptionTexts.slotLongerThanReception(schedule.slotMinutes, duration)))
        } else if hoursValid && duration % schedule.slotMinutes != 0 {
            // A trailing partial slot would promise a citizen less time than everyone else, or run past the hours.
            problems.append(FieldProblem(
                field: "slotMinutes", code: "not_divisible",
                message: ReceptionTexts.slotNotDividing(schedule.slotMinutes, start: schedule.startMinute, end: schedule.endMinute)))
        }
        if schedule.heldBackSlots < 0 {
            problems.append(FieldProblem(field: "heldBackSlots", code: "out_of_range", message: ReceptionTexts.heldBackNegative))
        } else if schedule.heldBackSlots > 0, schedule.slotsPerDay > 0, schedule.heldBackSlots >= schedule.slotsPerDay {
            problems.append(FieldProblem(
                field: "heldBackSlots", code: "too_many", message: ReceptionTexts.heldBackTooMany(schedule.slotsPerDay)))
        }
        return problems
    }
}
