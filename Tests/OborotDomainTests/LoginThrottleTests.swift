import Foundation
import OborotDomain
import Testing

@Suite("Ограничение попыток входа")
struct LoginThrottleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("four failures within the window still allow another try")
    func underLimit() {
        let failures = (1...4).map { now.addingTimeInterval(-Double($0) * 60) }
        #expect(LoginThrottle.retryAfter(failures: failures, now: now) == nil)
    }

    @Test("the fifth failure locks the login until the oldest counted failure leaves the window")
    func locked() {
        let failures = [10, 8, 6, 4, 2].map { now.addingTimeInterval(-Double($0) * 60) }
        #expect(LoginThrottle.retryAfter(failures: failures, now: now) == 5 * 60)
    }

    @Test("failures older than 15 minutes do not count")
    func window() {
        let old = (16...20).map { now.addingTimeInterval(-Double($0) * 60) }
        #expect(LoginThrottle.retryAfter(failures: old, now: now) == nil)
        let mixed = old + [now.addingTimeInterval(-30)]
        #expect(LoginThrottle.retryAfter(failures: mixed, now: now) == nil)
    }

    @Test("with more than five failures the lock lasts until the fifth newest expires")
    func many() {
        let failures = (1...8).map { now.addingTimeInterval(-Double($0) * 60) }
        #expect(LoginThrottle.retryAfter(failures: failures, now: now) == 10 * 60)
        #expect(LoginThrottle.retryAfter(failures: failures.reversed(), now: now) == 10 * 60)
    }

    @Test("the Russian message says how long to wait")
    func message() {
        let error = OborotError.loginLocked(retryAfter: 61)
        #expect(error.kind == .tooManyRequests)
        #expect(error.retryAfterSeconds == 61)
        #expect(error.detail.contains("2 мин"))
    }
}
