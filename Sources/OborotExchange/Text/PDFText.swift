import Foundation

/// Text of PDF files through poppler's `pdftotext`, which Oborot does not reimplement. A missing tool is an expected
/// state of an installation (search then works on cards only), not an error.
public enum PDFText {
    public enum Outcome: Sendable, Equatable {
        case text(String)
        /// `pdftotext` is not installed.
        case toolMissing
        /// The tool refused the file (damaged, encrypted) or ran out of time.
        case failed(String)
    }

    /// Where the tool is looked for, in order.
    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    public static var toolPath: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// The text of the PDF at `path`: at most `maxTextBytes` (the rest is dropped: the start of a long document is
    /// what people search for), and the tool is stopped after `timeoutSeconds`. Blocks the calling thread.
    public static func extract(fileAt path: String, maxTextBytes: Int = 8 << 20, timeoutSeconds: Double = 60) -> Outcome {
        guard let tool = toolPath else { return .toolMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .toolMissing
        }
        let timedOut = TimeoutFlag()
        let timer = DispatchWorkItem {
            timedOut.set()
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: timer)
        var bytes = Data()
        let reader = output.fileHandleForReading
        while let chunk = try? reader.read(upToCount: 1 << 16), !chunk.isEmpty {
            if bytes.count < maxTextBytes { bytes.append(chunk.prefix(maxTextBytes - bytes.count)) }
            if bytes.count >= maxTextBytes {
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        timer.cancel()
        if timedOut.isSet { return .failed("извлечение текста заняло больше \(Int(timeoutSeconds)) с") }
        let truncated = bytes.count >= maxTextBytes
        guard truncated || (process.terminationReason == .exit && process.terminationStatus == 0) else {
            return .failed("PDF повреждён или защищён паролем")
        }
        // A cut may split a multi-byte character; decoding repairs it with a replacement character at the end.
        return .text(String(decoding: bytes, as: UTF8.self))
    }
}

/// Set once by the timer, read once after the process ends.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
