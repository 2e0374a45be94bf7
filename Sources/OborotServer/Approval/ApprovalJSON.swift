import Foundation
import OborotDomain
import OborotStore

/// JSON of an approval route (`ApprovalRoute` in openapi.yaml).
struct RouteJSON: Encodable {
    struct Step: Encodable {
        var id: String
        var round: Int
        var stage: Int
        var approverUserId: String
        var approverEmployeeId: String
        var state: String
        var stateName: String
        var workingDays: Int
        var deadline: String?
        var decidedAt: Date?
        var comment: String?
        var carriedOver: Bool

        init(_ step: ApprovalStep) {
            id = step.id.lowercasedString
            round = step.round
            stage = step.stage
            approverUserId = step.approverUserID.lowercasedString
            approverEmployeeId = step.approverEmployeeID.lowercasedString
            state = step.state.rawValue
            stateName = step.state.russianName
            workingDays = step.workingDays
            deadline = step.deadline?.iso
            decidedAt = step.decidedAt
            comment = step.comment
            carriedOver = step.carriedOver
        }
    }

    var id: String
    var documentId: String
    var state: String
    var stateName: String
    var round: Int
    var restartMode: String
    var activeStage: Int?
    var version: Int
    var steps: [Step]

    init(_ route: ApprovalRoute) {
        id = route.id.lowercasedString
        documentId = route.documentID.lowercasedString
        state = route.state.rawValue
        stateName = route.state.russianName
        round = route.round
        restartMode = route.restartMode.rawValue
        activeStage = route.activeStage
        version = route.version
        steps = route.steps.map(Step.init)
    }
}

/// JSON of a «На согласование» line (`ApprovalInbox` items).
struct InboxItemJSON: Encodable {
    var documentId: String
    var documentTitle: String
    var documentKind: String
    var stepId: String
    var stage: Int
    var deadline: String?

    init(_ item: ApprovalRepository.InboxItem) {
        documentId = item.documentID.lowercasedString
        documentTitle = item.documentTitle
        documentKind = item.documentKind.rawValue
        stepId = item.step.id.lowercasedString
        stage = item.step.stage
        deadline = item.step.deadline?.iso
    }
}

/// JSON of a «На подпись» line (`SignatureInbox` items).
struct AwaitingSignatureJSON: Encodable {
    var documentId: String
    var documentTitle: String
    var documentKind: String
    var createdAt: Date

    init(_ item: ApprovalRepository.AwaitingSignature) {
        documentId = item.documentID.lowercasedString
        documentTitle = item.title
        documentKind = item.kind.rawValue
        createdAt = item.createdAt
    }
}

/// JSON of a route template (`ApprovalTemplate`).
struct TemplateJSON: Encodable {
    struct Approver: Encodable {
        var userId: String
        var workingDays: Int
    }
    var id: String
    var organizationId: String
    var kind: String
    var name: String
    var stages: [[Approver]]

    init(_ template: ApprovalTemplate) {
        id = template.id.lowercasedString
        organizationId = template.organizationID.lowercasedString
        kind = template.kind.rawValue
        name = template.name
        stages = template.stages.map { $0.map { Approver(userId: $0.userID.lowercasedString, workingDays: $0.workingDays) } }
    }
}

/// JSON of a certificate's facts (requisite 23).
struct CertificateJSON: Encodable {
    var serialNumber: String
    var subject: String
    var owner: String
    var issuer: String
    var notBefore: Date
    var notAfter: Date
    var fingerprintSha256: String

    init(_ facts: CertificateFacts) {
        serialNumber = facts.serialNumberHex
        subject = facts.subject
        owner = facts.ownerName
        issuer = facts.issuer
        notBefore = facts.notBefore
        notAfter = facts.notAfter
        fingerprintSha256 = facts.fingerprintSHA256
    }
}

/// JSON of a stored signature (`Signature`).
struct SignatureJSON: Encodable {
    var id: String
    var documentId: String
    var attachmentId: String
    var versionNumber: Int
    var contentSha256: String
    var signerUserId: String
    var certificate: CertificateJSON
    var algorithm: String
    var claimedSigningTime: Date?
    var signedAt: Date
    var verificationCode: String
    var verificationPath: String

    init(_ signature: StoredSignature) {
        id = signature.id.lowercasedString
        documentId = signature.documentID.lowercasedString
        attachmentId = signature.attachmentID.lowercasedString
        versionNumber = signature.versionNumber
        contentSha256 = signature.contentSHA256
        signerUserId = signature.signerUserID.lowercasedString
        certificate = CertificateJSON(signature.certificate)
        algorithm = signature.algorithm
        claimedSigningTime = signature.claimedSigningTime
        signedAt = signature.signedAt
        verificationCode = signature.verificationCode
        verificationPath = "/verify/\(signature.verificationCode)"
    }
}

/// JSON of the answer to signing: the signature and the document as it now is (`SignResult`).
struct SignedJSON: Encodable {
    struct DocumentState: Encodable {
        var id: String
        var state: String
        var registrationNumber: String?
        var registrationDate: String?
        var version: Int
    }
    var signature: SignatureJSON
    var document: DocumentState

    init(signature: SignatureJSON, document: Document) {
        self.signature = signature
        self.document = DocumentState(
            id: document.id.lowercasedString, state: document.state.rawValue, registrationNumber: document.registration?.number,
            registrationDate: document.registration?.date.iso, version: document.version)
    }
}

/// JSON of a public check (`SignatureCheck` in openapi.yaml).
struct CheckJSON: Encodable {
    struct Registered: Encodable {
        var organization: String
        var kind: String
        var kindName: String
        var registrationNumber: String?
        var registrationDate: String?
        var title: String?
        var signer: String
        var signedAt: Date
        var fileName: String
        var versionNumber: Int
        var verificationCode: String
    }
    var valid: Bool
    var reason: String?
    var reasonCode: String?
    var certificate: CertificateJSON?
    var algorithm: String?
    var claimedSigningTime: Date?
    var validatedAt: Date?
    var registered: Registered?

    init(_ check: SignatureService.PublicCheck) {
        valid = check.valid
        reason = check.reason
        reasonCode = check.reasonCode
        certificate = check.certificate.map(CertificateJSON.init)
        algorithm = check.algorithm
        claimedSigningTime = check.claimedSigningTime
        validatedAt = check.validatedAt
        registered = check.registered.map {
            Registered(
                organization: $0.organizationName, kind: $0.kind.rawValue, kindName: $0.kind.russianName,
                registrationNumber: $0.number, registrationDate: $0.date?.iso, title: $0.title, signer: $0.signerName,
                signedAt: $0.signedAt, fileName: $0.fileName, versionNumber: $0.versionNumber,
                verificationCode: $0.verificationCode)
        }
    }
}

/// JSON of a trusted certificate (`TrustedCertificate`).
struct TrustedJSON: Encodable {
    var id: String
    var certificate: CertificateJSON
    var addedAt: Date

    init(_ trusted: TrustedCertificate) {
        id = trusted.id.lowercasedString
        certificate = CertificateJSON(trusted.facts)
        addedAt = trusted.addedAt
    }
}

/// JSON of a subject ↔ employee binding (`CertificateBinding`).
struct BindingJSON: Encodable {
    var id: String
    var employeeId: String
    var subject: String
    var createdAt: Date

    init(_ binding: CertificateBinding) {
        id = binding.id.lowercasedString
        employeeId = binding.employeeID.lowercasedString
        subject = binding.subject
        createdAt = binding.createdAt
    }
}
