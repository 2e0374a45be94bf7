import Foundation
import OborotDomain

/// Date-times in МЭДО messages: `2026-03-30T10:41:12`, optionally with fractions and a zone (`Z`, `+03:00`).
///
/// Senders mostly omit the zone and mean Moscow time, the exchange's reference; so do we when one is missing.
/// Written by hand rather than with a formatter: it is strict, allocation-free and safe to call from any thread.
enum MedoTime {
    static let moscowOffset = 3 * 3600

    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
              let second = number(bytes[17..<19]), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > start, index - start <= 9,
                  let value = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self)) else { return nil }
            fraction = value
        }
        var offset = moscowOffset
        if index < bytes.count {
            let rest = bytes[index...]
            if rest.elementsEqual([UInt8(ascii: "Z")]) {
                offset = 0
            } else if rest.count == 6, rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-"),
                      rest[index + 3] == UInt8(ascii: ":"),
                      let hours = number(rest[(index + 1)..<(index + 3)]),
                      let minutes = number(rest[(index + 4)..<(index + 6)]), hours <= 14, minutes < 60 {
                offset = (hours * 3600 + minutes * 60) * (rest.first == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `2026-03-30T10:41:12+03:00`: Moscow time, whole seconds, with the zone written out.
    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + moscowOffset
        let day = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.dayNumber * 86_400
        return day.iso + "T" + String(format: "%02d:%02d:%02d", inDay / 3600, inDay / 60 % 60, inDay % 60) + "+03:00"
    }

    /// The calendar day of a date element; a time part some senders add (`2026-03-28T00:00:00`) is ignored.
    static func calendarDate(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(iso: text) { return date }
        guard text.count > 10, text.utf8.dropFirst(10).first == UInt8(ascii: "T") else { return nil }
        return CalendarDate(iso: String(text.prefix(10)))
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
