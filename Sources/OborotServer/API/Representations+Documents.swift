import Foundation
import OborotAPI
import OborotDomain
import OborotStore

// Documents-area values as API schemas.

extension Components.Schemas.Journal {
    init(_ journal: Journal, lastNumber: Int) {
        self.init(
            id: journal.id.lowercasedString, organizationId: journal.organizationID.lowercasedString, name: journal.name,
            code: journal.code, numberTemplate: journal.template.text,
            kinds: journal.kinds.sorted { $0.rawValue < $1.rawValue }.map { Components.Schemas.DocumentKind(rawValue: $0.rawValue)! },
            restartsYearly: journal.restartsYearly, defaultCaseIndex: journal.defaultCaseIndex, active: journal.active,
            version: journal.version, lastNumberThisYear: lastNumber)
    }
}

extension Components.Schemas.DocumentKind {
    var domain: DocumentKind { DocumentKind(rawValue: rawValue)! }
}

extension Components.Schemas.CaseFile {
    init(_ caseFile: CaseFile, documents: Int) {
        self.init(
            id: caseFile.id.lowercasedString, organizationId: caseFile.organizationID.lowercasedString, year: caseFile.year,
            index: caseFile.index, title: caseFile.title, retentionYears: caseFile.retention.storedYears,
            retention: caseFile.retention.russianName, version: caseFile.version, documentCount: documents)
    }
}

extension Components.Schemas.Correspondent {
    init(_ correspondent: Correspondent) {
        self.init(
            id: correspondent.id.lowercasedString, kind: .init(rawValue: correspondent.kind.rawValue)!, name: correspondent.name,
            inn: correspondent.inn, address: correspondent.address, email: correspondent.email, phone: correspondent.phone,
            version: correspondent.version)
    }
}

extension Components.Schemas.DocumentListItem {
    init(_ item: DocumentListItem) {
        self.init(
            id: item.id.lowercasedString, organizationId: item.organizationID.lowercasedString,
            kind: .init(rawValue: item.kind.rawValue)!, state: .init(rawValue: item.state.rawValue)!,
            stateName: item.state.russianName, title: item.title, registrationNumber: item.registrationNumber,
            registrationDate: item.registrationDate?.iso, correspondentName: item.correspondentName,
            correspondentNumber: item.correspondentNumber, accessMark: .init(rawValue: item.accessMark.rawValue)!,
            createdAt: item.createdAt)
    }
}

extension Components.Schemas.AttachmentVersion {
    init(_ version: AttachmentVersion) {
        self.init(
            id: version.id.lowercasedString, attachmentId: version.attachmentID.lowercasedString, number: version.number,
            fileName: version.fileName, size: version.size, mimeType: version.mimeType, sha256: version.sha256,
            authorUserId: version.authorUserID.lowercasedString, createdAt: version.createdAt)
    }
}

extension Components.Schemas.DocumentLinkView {
    init(_ view: DocumentDetails.LinkView) {
        self.init(
            id: view.link.id.lowercasedString, kind: .init(rawValue: view.link.kind.rawValue)!, label: view.label,
            outgoing: view.outgoing, otherDocumentId: view.otherDocumentID.lowercasedString, otherLabel: view.otherLabel)
    }
}

extension Components.Schemas.DocumentCard {
    init(_ details: DocumentDetails) {
        let document = details.document
        let requisites = document.requisites
        self.init(
            id: document.id.lowercasedString, organization: .init(details.organization),
            kind: .init(rawValue: document.kind.rawValue)!, kindName: document.kind.russianName,
            directiveForm: document.directiveForm.map { .init(rawValue: $0.rawValue)! },
            state: .init(rawValue: document.state.rawValue)!, stateName: document.state.russianName, title: requisites.title,
            registration: document.registration.map { registration in
                .init(
                    journalId: registration.journalID.lowercasedString, journalName: details.journal?.name ?? "",
                    number: registration.number, date: registration.date.iso, sequence: registration.sequence,
                    year: registration.numberingYear)
            },
            correspondent: details.correspondent.map(Components.Schemas.Correspondent.init),
            correspondentNumber: requisites.correspondentNumber, correspondentDate: requisites.correspondentDate?.iso,
            addressees: details.addressees.map { named in
                switch named.addressee {
                case .organization(let id): .init(_type: .organization, id: id.lowercasedString, name: named.name)
                case .correspondent(let id): .init(_type: .correspondent, id: id.lowercasedString, name: named.name)
                case .employee(let id): .init(_type: .employee, id: id.lowercasedString, name: named.name)
                }
            },
            signer: requisites.signerEmployeeID.map { .init(employeeId: $0.lowercasedString, name: details.signerName ?? "") },
            executor: requisites.executorEmployeeID.map { .init(employeeId: $0.lowercasedString, name: details.executorName ?? "") },
            pages: requisites.pages, annexCount: requisites.annexCount,
            accessMark: .init(rawValue: requisites.accessMark.rawValue)!,
            deliveryMethod: requisites.deliveryMethod.map { .init(rawValue: $0.rawValue)! }, notes: requisites.notes,
            signedAt: document.signedAt, caseFile: details.caseFile.map { .init($0, documents: 0) },
            cancellationReason: document.cancellationReason, links: details.links.map(Components.Schemas.DocumentLinkView.init),
            attachments: details.attachments.map { attachment in
                .init(
                    id: attachment.id.lowercasedString, name: attachment.name, currentVersion: attachment.currentVersion,
                    versions: attachment.versions.map(Components.Schemas.AttachmentVersion.init))
            },
            allowedEvents: details.allowedEvents.map { .init(rawValue: $0.rawValue)! }, canEdit: details.canEdit,
            accessGrantedTo: details.grantedUsers.isEmpty
                ? nil : details.grantedUsers.map { .init(userId: $0.userID.lowercasedString, displayName: $0.displayName) },
            requiredFields: RequisiteRules.requiredFields(for: document.kind), createdAt: document.createdAt,
            version: document.version)
    }
}
