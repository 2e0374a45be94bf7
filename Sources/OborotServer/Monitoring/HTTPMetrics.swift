import Foundation
import OborotStore
import Synchronization

/// Request counts and latencies by route, rendered in the Prometheus text format at `/metrics`.
final class HTTPMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: HTTPMetrics.buckets.count)
        var total = 0
        var sum = 0.0
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latencies: [String: Histogram] = [:]
    }

    private let state = Mutex(State())
    private let startedAt = Date()

    func record(method: String, route: String, status: Int, seconds: Double) {
        let bucket = Self.buckets.firstIndex { seconds <= $0 }
        state.withLock { state in
            state.requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
            var histogram = state.latencies[route] ?? Histogram()
            if let bucket { histogram.counts[bucket] += 1 }
            histogram.total += 1
            histogram.sum += seconds
            state.latencies[route] = histogram
        }
    }

    /// The exposition text, including the database pool's state.
    func render(pool: PoolStatus, databaseKind: String) -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP oborot_http_requests_total HTTP requests by method, route and status.")
        lines.append("# TYPE oborot_http_requests_total counter")
        for (key, count) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
            lines.append(
                "oborot_http_requests_total{method=\"\(key.method)\",route=\"\(escape(key.route))\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# HELP oborot_http_request_duration_seconds Time to answer HTTP requests, by route.")
        lines.append("# TYPE oborot_http_request_duration_seconds histogram")
        for (route, histogram) in snapshot.latencies.sorted(by: { $0.key < $1.key }) {
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += histogram.counts[index]
                lines.append(
                    "oborot_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"\(bound)\"} \(cumulative)")
            }
            lines.append("oborot_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"+Inf\"} \(histogram.total)")
            lines.append("oborot_http_request_duration_seconds_sum{route=\"\(escape(route))\"} \(histogram.sum)")
            lines.append("oborot_http_request_duration_seconds_count{route=\"\(escape(route))\"} \(histogram.total)")
        }
        lines.append("# HELP oborot_db_pool_connections Database connections by state.")
        lines.append("# TYPE oborot_db_pool_connections gauge")
        lines.append("oborot_db_pool_connections{database=\"\(databaseKind)\",state=\"total\"} \(pool.total)")
        lines.append("oborot_db_pool_connections{database=\"\(databaseKind)\",state=\"in_use\"} \(pool.inUse)")
        lines.append("oborot_db_pool_connections{database=\"\(databaseKind)\",state=\"waiting\"} \(pool.waiting)")
        lines.append("# HELP oborot_uptime_seconds Seconds since the server started.")
        lines.append("# TYPE oborot_uptime_seconds gauge")
        lines.append("oborot_uptime_seconds \(Int(Date().timeIntervalSince(startedAt)))")
        return lines.joined(separator: "\n") + "\n"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
