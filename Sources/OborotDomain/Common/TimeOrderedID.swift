public import Foundation

/// Ids that sort by creation time (UUID version 7, RFC 9562): new rows land at the end of the primary-key index
/// instead of at random places, which keeps inserts into large tables fast on both databases.
public enum TimeOrderedID {
    /// A new id for `instant` with 74 random bits.
    public static func make(at instant: Date = Date()) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return make(at: instant, using: &generator)
    }

    /// A new id for `instant` drawing randomness from `generator` (deterministic generators give repeatable ids).
    public static func make(at instant: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, instant.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        for index in 6..<16 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
