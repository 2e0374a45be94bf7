import Foundation
import OborotDomain

/// Writes outgoing МЭДО 2.7.1 packets: the files of one folder for the transport client's OUT directory.
///
/// Documents travel as `message.xml` plus a container zip (`passport.xml`, the PDF, its `.p7s`, stamp images,
/// attachments); notifications and tickets are a `message.xml` alone. The message type written is the one the
/// content implies, and the version is always 2.7.1, whatever `packet` says.
public enum MedoPacketWriter {
    /// The name of the container zip inside the packet folder.
    public static let containerName = "container.zip"
    public static let messageName = "message.xml"
    public static let version = "2.7.1"

    /// The folder's files (name → bytes), or why the packet cannot be sent as it stands.
    public static func write(_ packet: MedoPacket) -> Result<[String: [UInt8]], MedoRejection> {
        do {
            return .success(try files(packet))
        } catch {
            return .failure(error)
        }
    }

    private static func files(_ packet: MedoPacket) throws(MedoRejection) -> [String: [UInt8]] {
        let header = packet.header
        try require(header.uid, MedoWording.messageUID)
        try require(header.sourceUID, MedoWording.sourceUID)
        try require(header.sourceOrganization, MedoWording.sourceOrganization)
        switch packet.content {
        case .document(let document):
            let container = try self.container(document, created: header.created)
            let message = envelope(header, type: .document, [
                routing(document.destinations),
                MedoXMLNode("container", [.leaf("body", containerName)]),
            ])
            return [messageName: message.document(), containerName: container]
        case .notification(let notification):
            return [messageName: envelope(header, type: .notification,
                                          [try self.notification(notification, time: header.created)]).document()]
        case .ticket(let ticket):
            try require(ticket.messageUID, MedoWording.ticketMessageUID)
            let acknowledgment = MedoXMLNode("acknowledgment", attributes: [("uid", ticket.messageUID)], [
                .leaf("time", MedoTime.format(ticket.time)),
                .leaf("accepted", ticket.accepted ? "true" : "false"),
                .leaf("comment", ticket.comment),
            ])
            return [messageName: envelope(header, type: .ticket, [acknowledgment]).document()]
        }
    }

    private static func envelope(_ header: MedoHeader, type: MedoMessageType, _ body: [MedoXMLNode?]) -> MedoXMLNode {
        let head = MedoXMLNode("header", attributes: [
            ("type", type.rawValue), ("uid", header.uid), ("created", MedoTime.format(header.created)),
        ], [
            MedoXMLNode("source", attributes: [("uid", header.sourceUID)],
                        [.leaf("organization", header.sourceOrganization)]),
        ])
        return MedoXMLNode("communication", attributes: [("xmlns", MedoNamespace.message), ("version", version)],
                           [head as MedoXMLNode?] + body)
    }

    /// `deliveryIndex/destination/destination@uid/organization`; left out when there is no one to route to.
    private static func routing(_ destinations: [MedoDestination]) -> MedoXMLNode? {
        guard !destinations.isEmpty else { return nil }
        return MedoXMLNode("deliveryIndex", [
            MedoXMLNode("destination", destinations.map { destination in
                MedoXMLNode("destination", attributes: [("uid", destination.uid)],
                            [.leaf("organization", destination.organization)])
            }),
        ])
    }

    static func require(_ value: String, _ field: String) throws(MedoRejection) {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .emptyValue(field) }
    }

    static func participant(_ name: String, _ participant: MedoParticipant?) -> MedoXMLNode? {
        guard let participant else { return nil }
        return MedoXMLNode(name, [
            .leaf("region", participant.region), .leaf("organization", participant.organization),
            .leaf("person", participant.person), .leaf("department", participant.department),
            .leaf("post", participant.post), .leaf("signed", participant.signed?.iso),
        ])
    }

    static func correspondent(_ name: String, _ correspondent: MedoCorrespondent?) -> MedoXMLNode? {
        guard let correspondent else { return nil }
        return MedoXMLNode(name, [
            .leaf("organization", correspondent.organization), .leaf("person", correspondent.person),
            MedoXMLNode("num", [.leaf("number", correspondent.number), .leaf("date", correspondent.date?.iso)]),
        ])
    }
}
