extension MedoPacketReader {
    /// `notification@uid` and the one event element it holds; the same shape in 2.x and 2.7.1.
    static func notification(_ root: MedoXMLElement, _ fields: MedoFieldReader) throws(MedoRejection)
        -> MedoNotification {
        let element = try fields.requiredChild(root, "notification")
        let documentUID = try fields.requiredAttribute(element, "uid")
        let event: MedoNotification.Event
        if let accepted = element.child("documentAccepted") {
            event = .accepted(MedoAcceptance(
                time: try fields.time(try fields.required(accepted, "time"), "documentAccepted/time"),
                number: try fields.required(accepted, "num", "number"),
                date: try fields.date(try fields.required(accepted, "num", "date"), "documentAccepted/num/date"),
                foundation: try fields.optionalCorrespondent(accepted.child("foundation")),
                correspondent: try fields.optionalParticipant(accepted.child("correspondent"))))
        } else if let refused = element.child("documentRefused") {
            event = .refused(MedoRefusal(
                time: try fields.time(try fields.required(refused, "time"), "documentRefused/time"),
                reason: try fields.required(refused, "reason"),
                foundation: try fields.optionalCorrespondent(refused.child("foundation")),
                correspondent: try fields.optionalParticipant(refused.child("correspondent"))))
        } else if let assigned = element.child("executorAssigned") {
            event = .executorAssigned(executor: try fields.participant(try fields.requiredChild(assigned, "executor")))
        } else if let prepared = element.child("reportPrepared") {
            event = .reportPrepared(signatory: try fields.participant(try fields.requiredChild(prepared, "signatory")))
        } else if let sent = element.child("reportSent") {
            // The number is the report's: `report/num`; some senders put `num` straight under reportSent.
            let holder = sent.child("report") ?? sent
            event = .reportSent(number: try fields.required(holder, "num", "number"),
                                date: try fields.date(try fields.required(holder, "num", "date"), "report/num/date"))
        } else if element.child("courseChanged") != nil {
            event = .courseChanged
        } else if element.child("documentPublished") != nil {
            event = .documentPublished
        } else {
            throw .unknownNotification(fields.file)
        }
        return MedoNotification(documentUID: documentUID, event: event)
    }

    /// `acknowledgment@uid{time, accepted, comment?}`: the delivery ticket.
    static func ticket(_ root: MedoXMLElement, _ fields: MedoFieldReader) throws(MedoRejection) -> MedoTicket {
        let element = try fields.requiredChild(root, "acknowledgment")
        let accepted = try fields.required(element, "accepted")
        let delivered: Bool
        switch accepted.lowercased() {
        case "true", "1": delivered = true
        case "false", "0": delivered = false
        default: throw .invalidValue(fields.file, "acknowledgment/accepted", accepted, expected: MedoWording.boolean)
        }
        return MedoTicket(
            messageUID: try fields.requiredAttribute(element, "uid"),
            time: try fields.time(try fields.required(element, "time"), "acknowledgment/time"),
            accepted: delivered,
            comment: fields.optional(element, "comment"))
    }
}
