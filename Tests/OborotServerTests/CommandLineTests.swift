import Foundation
import Logging
import OborotDomain
import OborotStore
import SQLKit
import OborotTestSupport
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

    @Test("oborot verify: a valid detached signature is ok with its owner; another file or an untrusted root is exit 1 with the reason")
    func verifyOffline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pki = try TestPKI.make()
        defer { pki.remove() }
        let content = Data("Приказ № 7 о проведении инвентаризации".utf8)
        let signer = try pki.issueSigner(commonName: "Приказов Пётр", key: .rsa2048)
        let file = folder.appendingPathComponent("order.txt")
        let signature = folder.appendingPathComponent("order.txt.p7s")
        let roots = folder.appendingPathComponent("roots.pem")
        try content.write(to: file)
        try pki.signDetached(content, by: signer, digest: .sha384).write(to: signature)
        try pki.chainPEM().write(to: roots, atomically: true, encoding: .utf8)
        let ok = try oborot(["verify", file.path, signature.path, "--roots", roots.path], dataDirectory: folder)
        #expect(ok.status == 0, "\(ok.output)")
        #expect(ok.output.contains("ok: подпись действительна"))
        #expect(ok.output.contains("Приказов Пётр"))
        #expect(ok.output.contains("RSA / SHA-384"))
        try Data("Приказ № 8".utf8).write(to: file)
        let changed = try oborot(["verify", file.path, signature.path, "--roots", roots.path], dataDirectory: folder)
        #expect(changed.status == 1)
        #expect(changed.output.contains("signature_content_mismatch"))
        // Without --roots the database's trust store is used, and a fresh one trusts nobody.
        try content.write(to: file)
        let untrusted = try oborot(["verify", file.path, signature.path], dataDirectory: folder)
        #expect(untrusted.status == 1)
        #expect(untrusted.output.contains("signature_no_trust_store"))
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
