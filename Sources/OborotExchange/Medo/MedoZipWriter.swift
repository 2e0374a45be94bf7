import Foundation
import OborotDomain

/// Writes a flat ZIP of stored (uncompressed) entries: all a МЭДО container needs, since PDF, PNG and
/// signatures do not compress, and simple enough to have no failure modes of its own.
struct MedoZipWriter {
    private var output: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0
    /// DOS time and date of every entry.
    private let time: UInt16
    private let date: UInt16

    /// Entries are stamped with `modified` (Moscow time), so the archive is the same every time it is written.
    init(modified: Date) {
        let seconds = Int(modified.timeIntervalSince1970.rounded(.down)) + MedoTime.moscowOffset
        let day = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.dayNumber * 86_400
        time = UInt16(inDay / 3600) << 11 | UInt16(inDay / 60 % 60) << 5 | UInt16(inDay % 60 / 2)
        // DOS dates start in 1980 and end in 2107.
        let year = min(max(day.year, 1980), 2107)
        date = UInt16(year - 1980) << 9 | UInt16(day.month) << 5 | UInt16(day.day)
    }

    mutating func add(_ name: String, _ bytes: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = DocumentText.CRC32.checksum(bytes)
        let offset = UInt32(output.count)
        // Flags (bit 11: the name is UTF-8), method 0 (stored), time, date, CRC, sizes, name and extra lengths.
        var common: [UInt8] = []
        common.le16(0x0800, 0, time, date)
        common.le32(crc, UInt32(bytes.count), UInt32(bytes.count))
        common.le16(UInt16(nameBytes.count), 0)
        output.le32(0x0403_4B50)
        output.le16(20)
        output += common
        output += nameBytes
        output += bytes
        directory.le32(0x0201_4B50)
        directory.le16(20, 20)
        directory += common
        directory.le16(0, 0, 0)  // comment length, disk, internal attributes
        directory.le32(0, offset)  // external attributes, local header offset
        directory += nameBytes
        count += 1
    }

    func finished() -> [UInt8] {
        var archive = output + directory
        archive.le32(0x0605_4B50)
        archive.le16(0, 0, UInt16(count), UInt16(count))
        archive.le32(UInt32(directory.count), UInt32(output.count))
        archive.le16(0)
        return archive
    }

    /// Stored entries and 32-bit offsets: the whole archive must stay under 4 GB and 65,535 entries.
    static func fits(totalBytes: Int, entries: Int) -> Bool {
        totalBytes < 0xF000_0000 && entries < 0xFFFF
    }
}

extension [UInt8] {
    /// Little-endian 16-bit values, as ZIP stores them.
    fileprivate mutating func le16(_ values: UInt16...) {
        for value in values { append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)]) }
    }

    fileprivate mutating func le32(_ values: UInt32...) {
        for value in values {
            append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)])
        }
    }
}
