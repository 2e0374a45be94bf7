public import Foundation

/// Brute-force protection: too many failed sign-ins for one login within a window locks that login for a while.
public enum LoginThrottle {
    public static let maxFailures = 5
    public static let window: TimeInterval = 15 * 60

    /// Given the failed attempts for a login (any order), whether a new attempt at `now` is refused and for how long.
    ///
    /// The lock lasts until the oldest of the last `maxFailures` failures leaves the window.
    public static func retryAfter(failures: [Date], now: Date) -> Int? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
        guard recent.count >= maxFailures else { return nil }
        let oldestCounted = recent[recent.count - maxFailures]
        let seconds = window - now.timeIntervalSince(oldestCounted)
        return max(1, Int(seconds.rounded(.up)))
    }
}

extension OborotError {
    /// Sign-in failed; the message never says whether the login exists.
    public static let invalidCredentials = OborotError(
        .unauthorized, code: "invalid_credentials", title: "Вход не выполнен",
        detail: "Неверный логин или пароль.")

    /// Too many failed attempts for this login.
    public static func loginLocked(retryAfter seconds: Int) -> OborotError {
        let minutes = max(1, (seconds + 59) / 60)
        return OborotError(
            .tooManyRequests, code: "too_many_attempts", title: "Слишком много попыток входа",
            detail: "Вход для этого логина временно заблокирован после \(LoginThrottle.maxFailures) неудачных попыток. "
                + "Повторите через \(minutes) мин.",
            retryAfterSeconds: seconds)
    }
}
