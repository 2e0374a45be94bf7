import Foundation
import Logging
import OborotDomain
import OborotStore
import SQLKit
import Testing

/// Runs the real `oborot` executable, built next to the test bundle.
@Suite("Командная строка")
struct CommandLineTests {
    static var executable: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent().appendingPathComponent("oborot")
    }

    struct Run {
        var status: Int32
        var output: String
    }

    func oborot(_ arguments: [String], dataDirectory: URL, input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ["OBOROT_DATA_DIR": dataDirectory.path, "OBOROT_LOG_LEVEL": "error", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The acceptance test of the foundation issue: `oborot audit verify` passes an intact log and catches a tampered one.
    @Test("oborot audit verify: ok on an intact log, exit 1 naming the first broken event after tampering")
    func auditVerify() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first: \(Self.executable.path)")
        let migrated = try oborot(["migrate"], dataDirectory: folder)
        #expect(migrated.status == 0, "\(migrated.output)")

        let database = try await SQLiteDatabase.open(
            path: folder.appendingPathComponent("oborot.sqlite").path, logger: Logger(label: "test"))
        for index in 1...12 {
            _ = try await database.write { db in
                try await AuditLog(db).append(
                    AuditRecord(
                        actorUserID: UUID(), actingForUserID: nil, action: "test.cli", objectType: "organization",
                        objectID: "\(index)", summary: "Событие \(index)", clientAddress: "198.51.100.7"))
            }
        }
        let intact = try oborot(["audit", "verify"], dataDirectory: folder)
        #expect(intact.status == 0)
        #expect(intact.output.contains("ok: 12 events"))

        try await database.write { db in
            try await db.sql.raw("UPDATE audit_events SET client_address = '203.0.113.9' WHERE sequence = 5").run()
        }
        await database.close()
        let tampered = try oborot(["audit", "verify"], dataDirectory: folder)
        #expect(tampered.status == 1)
        #expect(tampered.output.contains("broken: event 5"))
        #expect(tampered.output.contains("4 events before it are intact"))
    }

    @Test("oborot user set-password sets a new password and refuses a short one")
    func setPassword() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try oborot(["migrate"], dataDirectory: folder)
        let short = try oborot(["user", "set-password", "admin"], dataDirectory: folder, input: "short\n")
        #expect(short.status != 0)
        #expect(short.output.contains("не короче 8"))
        let unknown = try oborot(["user", "set-password", "nobody"], dataDirectory: folder, input: "long-enough-password\n")
        #expect(unknown.status != 0)
        #expect(unknown.output.contains("не найдена"))
    }

    /// SIGTERM must stop the server promptly: a long-lived service that ignored graceful shutdown once kept it open.
    @Test("oborot serve answers /health and stops within seconds of SIGTERM")
    func gracefulShutdown() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve"]
        process.environment = ["OBOROT_DATA_DIR": folder.path, "OBOROT_PORT": "\(port)", "OBOROT_LOG_LEVEL": "error"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var healthy = false
        for _ in 0..<100 where !healthy {
            try await Task.sleep(for: .milliseconds(100))
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            probe.arguments = ["-fs", "-o", "/dev/null", "http://127.0.0.1:\(port)/health"]
            try probe.run()
            probe.waitUntilExit()
            healthy = probe.terminationStatus == 0
        }
        #expect(healthy)
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let stopped = !process.isRunning
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        #expect(stopped, "the server was still running 10 s after SIGTERM")
    }
}
