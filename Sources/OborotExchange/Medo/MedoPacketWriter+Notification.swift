import Foundation
import OborotDomain

extension MedoPacketWriter {
    /// `notification@type@uid` holding the one event; `time` stands in events that carry no data of their own,
    /// since an empty element is not allowed.
    static func notification(_ notification: MedoNotification, time: Date) throws(MedoRejection) -> MedoXMLNode {
        try require(notification.documentUID, MedoWording.notifiedDocumentUID)
        let event: MedoXMLNode
        switch notification.event {
        case .accepted(let accepted):
            try require(accepted.number, MedoWording.registrationNumber)
            event = MedoXMLNode("documentAccepted", [
                .leaf("time", MedoTime.format(accepted.time)),
                correspondent("foundation", accepted.foundation),
                participant("correspondent", accepted.correspondent),
                MedoXMLNode("num", [.leaf("number", accepted.number), .leaf("date", accepted.date.iso)]),
            ])
        case .refused(let refused):
            try require(refused.reason, MedoWording.refusalReason)
            event = MedoXMLNode("documentRefused", [
                .leaf("time", MedoTime.format(refused.time)),
                correspondent("foundation", refused.foundation),
                participant("correspondent", refused.correspondent),
                .leaf("reason", refused.reason),
            ])
        case .executorAssigned(let executor):
            guard let node = participant("executor", executor), !node.isEmpty else { throw .emptyValue(MedoWording.executor) }
            event = MedoXMLNode("executorAssigned", [node])
        case .reportPrepared(let signatory):
            guard let node = participant("signatory", signatory), !node.isEmpty else {
                throw .emptyValue(MedoWording.reportSignatory)
            }
            event = MedoXMLNode("reportPrepared", [node])
        case .reportSent(let number, let date):
            try require(number, MedoWording.reportNumber)
            event = MedoXMLNode("reportSent", [
                MedoXMLNode("report", [MedoXMLNode("num", [.leaf("number", number), .leaf("date", date.iso)])]),
            ])
        case .courseChanged:
            event = MedoXMLNode("courseChanged", [.leaf("time", MedoTime.format(time))])
        case .documentPublished:
            event = MedoXMLNode("documentPublished", [.leaf("time", MedoTime.format(time))])
        }
        return MedoXMLNode("notification", attributes: [
            ("type", notification.event.label), ("uid", notification.documentUID),
        ], [event])
    }
}
