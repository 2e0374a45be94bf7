import Foundation

/// Timing summaries the bench commands print.
enum BenchTiming {
    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    static func summary(_ name: String, _ samples: [Double]) -> String {
        let sorted = samples.sorted()
        return String(format: "%@: p50 %.2f мс, p95 %.2f мс, max %.2f мс", name, sorted[sorted.count / 2],
                      sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))], sorted.last ?? 0)
    }
}
