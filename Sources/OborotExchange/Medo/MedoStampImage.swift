/// PNG images of stamps for outgoing packets: a framed rectangle, transparent inside, as the registration and
/// signature stamps are drawn over the PDF by the recipient's viewer.
///
/// A minimal encoder of our own (RGBA, zlib stored blocks): stamps are small, so compression is not worth a
/// dependency, and every byte of the output is predictable.
public enum MedoStampImage {
    /// The PNG of a `width`×`height` rectangle with a `border`-pixel frame in `red`, `green`, `blue`.
    public static func framedRectangle(width: Int, height: Int, border: Int = 3,
                                       red: UInt8 = 0x1F, green: UInt8 = 0x3A, blue: UInt8 = 0x93) -> [UInt8] {
        let width = min(max(width, 1), 4096)
        let height = min(max(height, 1), 4096)
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 4 + 1) * height)
        for y in 0..<height {
            raw.append(0)  // filter type None
            for x in 0..<width {
                let onFrame = x < border || y < border || x >= width - border || y >= height - border
                raw += onFrame ? [red, green, blue, 0xFF] : [0xFF, 0xFF, 0xFF, 0x00]
            }
        }
        var header = be32(UInt32(width))
        header += be32(UInt32(height))
        header += [8, 6, 0, 0, 0]  // 8-bit RGBA, deflate, no filter beyond None, no interlace
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", header)
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    /// A zlib stream of stored deflate blocks (at most 65,535 bytes each) with its Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 0xFFFF, data.count)
            let length = UInt16(end - start)
            output.append(end == data.count ? 1 : 0)  // BFINAL, BTYPE 00
            output += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            output += data[start..<end]
            start = end
        } while start < data.count
        return output + be32(adler32(data))
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return be32(UInt32(data.count)) + typed + be32(DocumentText.CRC32.checksum(typed))
    }

    private static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
