import Foundation

extension ProductionCalendarFile {
    /// The calendar that ships with Oborot (2025–2027, `Resources/production-calendar.txt`); an admin loads later years.
    public static func shipped() throws -> ProductionCalendarFile {
        guard let url = Bundle.module.url(forResource: "production-calendar", withExtension: "txt", subdirectory: "Resources")
        else {
            throw OborotError(
                .internalFailure, code: "calendar_missing", title: "Нет производственного календаря",
                detail: "В поставке не найден файл Resources/production-calendar.txt.")
        }
        return try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }
}

extension WorkCalendar {
    /// The shipped years with no regional overlay.
    public static func shipped() throws -> WorkCalendar {
        WorkCalendar(years: try ProductionCalendarFile.shipped().years)
    }
}
