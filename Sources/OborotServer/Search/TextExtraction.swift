import Foundation
import OborotDomain
import OborotExchange
import OborotStore

/// Which files have text to extract, and extracting it from a stored blob.
enum TextExtraction {
    enum Format { case office(DocumentText.Format), pdf }

    static func format(fileName: String, mimeType: String) -> Format? {
        if let format = DocumentText.format(fileName: fileName, mimeType: mimeType) { return .office(format) }
        let isPDF = fileName.lowercased().hasSuffix(".pdf") || mimeType.lowercased().hasPrefix("application/pdf")
        return isPDF ? .pdf : nil
    }

    static var pdfToolInstalled: Bool { PDFText.toolPath != nil }

    /// The state a blob starts in when the indexer first sees it.
    static func initialState(fileName: String, mimeType: String) -> ExtractedTextState {
        format(fileName: fileName, mimeType: mimeType) == nil ? .skipped : .pending
    }

    struct Outcome: Sendable, Equatable {
        var state: ExtractedTextState
        var text: String?
        var reason: String?
    }

    /// Reads the text of the blob at `path`. Blocks: call it through `onWorkerThread`.
    static func extract(_ file: PendingText, path: String) -> Outcome {
        switch format(fileName: file.fileName, mimeType: file.mimeType) {
        case nil:
            return Outcome(state: .skipped)
        case .pdf:
            switch PDFText.extract(fileAt: path) {
            case .text(let text): return Outcome(state: .done, text: storable(text))
            case .toolMissing: return Outcome(state: .unavailable, reason: SearchTexts.pdfToolMissing)
            case .failed(let reason): return Outcome(state: .failed, reason: reason)
            }
        case .office(let format):
            do {
                return Outcome(state: .done, text: storable(try DocumentText.extract(fileAt: path, format: format)))
            } catch {
                return Outcome(state: .failed, reason: error.reason)
            }
        }
    }

    /// PostgreSQL text cannot hold NUL characters, and they mean nothing to search.
    static func storable(_ text: String) -> String {
        text.contains("\u{0}") ? text.replacingOccurrences(of: "\u{0}", with: " ") : text
    }
}

/// Runs blocking work (file parsing, an external tool) off the cooperative thread pool, so a slow PDF never stalls
/// request handling.
func onWorkerThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
    }
}
