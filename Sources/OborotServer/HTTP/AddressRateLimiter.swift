import Foundation
import OborotDomain
import Synchronization

/// The per-address limit of the public pages that write (`SubmissionRateLimit`: 10 a minute), kept in memory: a
/// robot on one address is stopped without a captcha. The table forgets quiet addresses once it grows large.
final class AddressRateLimiter: Sendable {
    private let recent = Mutex<[String: [Date]]>([:])

    /// Counts one action of `clientAddress`; throws the `429` error when the address is over the limit.
    func admit(_ clientAddress: String?, now: Date = Date()) throws {
        let key = clientAddress ?? "unknown"
        try recent.withLock { recent in
            switch SubmissionRateLimit.admit(recent[key] ?? [], now: now) {
            case .success(let kept):
                if recent.count > 100_000 { recent = recent.filter { $0.value.contains { now.timeIntervalSince($0) < SubmissionRateLimit.window } } }
                recent[key] = kept
            case .failure(let error): throw error
            }
        }
    }
}
