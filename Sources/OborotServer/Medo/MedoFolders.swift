import Foundation
import Logging
import OborotDomain
import OborotExchange
import OborotStore

/// The file-system side of the exchange: packet folders in IN are taken in one by one (a bad one is quarantined,
/// never stops the rest), queued packets are written to OUT, and packets without a ticket for 72 hours are flagged.
struct MedoFolders: Sendable {
    let inbox: MedoInbox
    let database: any Database
    let inDirectory: String
    let outDirectory: String
    let logger: Logger

    /// A folder still being written by the transport client is left for the next pass.
    static let settleSeconds: TimeInterval = 2
    /// More than this in one packet folder is quarantined unread.
    static let maxPacketBytes = 250 << 20

    /// Takes in every settled packet folder; returns how many were processed.
    @discardableResult
    func scanInbox(now: Date = Date()) async -> Int {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: inDirectory) else { return 0 }
        var processed = 0
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = (inDirectory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            do {
                let record: MedoPacketRecord
                switch Self.contents(of: folder, now: now) {
                case .notSettled:
                    continue
                case .unreadable(let rejection):
                    // Moved whole into the quarantine: what could not be read must not be lost either.
                    record = try await inbox.quarantine(folder: folder, rejection, source: name)
                case .files(let files):
                    record = try await inbox.receive(files: files, source: name)
                    try? manager.removeItem(atPath: folder)
                }
                processed += 1
                logger.info("medo packet taken in", metadata: ["folder": "\(name)", "state": "\(record.state.rawValue)"])
            } catch {
                // The database is unreachable or the disk is full: the folder stays in IN for the next pass.
                logger.error("medo packet not processed", metadata: ["folder": "\(name)", "error": "\(error)"])
            }
        }
        return processed
    }

    enum FolderContents {
        /// Empty, or written to within `settleSeconds`: the transport client may not be done.
        case notSettled
        case files([String: [UInt8]])
        /// Not a packet folder we can read as files: quarantined as it is.
        case unreadable(MedoRejection)
    }

    /// What a packet folder holds, read only once nobody has written to it (or to any file in it) for `settleSeconds`.
    static func contents(of folder: String, now: Date) -> FolderContents {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder), !names.isEmpty,
            let folderAttributes = try? manager.attributesOfItem(atPath: folder)
        else { return .notSettled }
        if let modified = folderAttributes[.modificationDate] as? Date, now.timeIntervalSince(modified) < settleSeconds { return .notSettled }
        var files: [String: [UInt8]] = [:]
        var total = 0
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let attributes = try? manager.attributesOfItem(atPath: path) else {
                return .unreadable(MedoRejection(code: "unreadable_file", reason: "Файл «\(name)» папки пакета не читается."))
            }
            if let modified = attributes[.modificationDate] as? Date, now.timeIntervalSince(modified) < settleSeconds { return .notSettled }
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                return .unreadable(MedoRejection(
                    code: "nested_entry", reason: "В папке пакета есть «\(name)» — вложенная папка или ссылка; пакет МЭДО — плоская папка файлов."))
            }
            total += (attributes[.size] as? Int) ?? 0
            if total > maxPacketBytes {
                return .unreadable(MedoRejection(
                    code: "packet_too_large", reason: "Пакет больше \(maxPacketBytes >> 20) МБ: он не разбирался."))
            }
            guard let data = manager.contents(atPath: path) else {
                return .unreadable(MedoRejection(code: "unreadable_file", reason: "Файл «\(name)» папки пакета не читается."))
            }
            files[name] = Array(data)
        }
        return .files(files)
    }

    /// Writes queued packets to OUT, each into its own folder made complete before it appears (written aside, then
    /// renamed), and records them as written; returns how many.
    @discardableResult
    func flushOutbox() async throws -> Int {
        let pending = try await database.read { try await MedoRepository($0).pendingOutbox(limit: 50) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
        for (packet, files) in pending {
            let name = packet.packetUID ?? packet.id.lowercasedString
            let final = (outDirectory as NSString).appendingPathComponent(name)
            let temporary = (outDirectory as NSString).appendingPathComponent(".\(name).tmp")
            try? manager.removeItem(atPath: temporary)
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            for (file, bytes) in files {
                try Data(bytes).write(to: URL(fileURLWithPath: (temporary as NSString).appendingPathComponent(file)))
            }
            // Written before but not recorded (a crash in between): the same uid, the same content — replace it.
            try? manager.removeItem(atPath: final)
            try manager.moveItem(atPath: temporary, toPath: final)
            try await database.write { try await MedoRepository($0).markWritten(packet.id, at: $0.now) }
        }
        return pending.count
    }

    /// Flags packets that have waited 72 hours for a ticket and tells the registrars of the sending organisation.
    func flagMissingTickets() async throws {
        try await database.write { db in
            let flagged = try await MedoRepository(db).flagMissingTickets(now: db.now)
            for packet in flagged {
                guard let documentID = packet.documentID, let document = try await DocumentRepository(db).find(documentID) else { continue }
                let organization = try await OrganizationRepository(db).get(document.organizationID)
                let users = try await DeliveryRepository(db).registrars(serving: [organization])[organization.id] ?? []
                try await NotificationRepository(db).insert(users.map { user in
                    AppNotification(
                        key: "medo_no_ticket:\(packet.id.lowercasedString):\(user.lowercasedString)", userID: user, assignmentID: nil,
                        documentID: documentID, kind: .medoNoTicket, text: MedoTexts.missingTicket(packet.packetUID ?? ""), createdAt: db.now)
                })
            }
        }
    }
}
