import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import OborotDomain
import OborotStore

/// Signature verification pages for anyone, the printable signature mark with its QR code, and the administrator's
/// page of the trust store and certificate bindings.
///
/// | page | who |
/// |---|---|
/// | `/verify`, `POST /verify`, `/verify/{code}` | anyone, no sign-in |
/// | `/documents/{id}/signature-mark/{signatureId}` | whoever sees the card |
/// | `/admin/signatures` and its forms | the region's administrator |
extension WebPages {
    struct VerifyModel {
        struct Registered {
            var organization: String
            var kindName: String
            var number: String?
            var date: String?
            var title: String?
            var signer: String
            var signedAt: String
            var fileName: String
            var versionNumber: Int
        }
        var checked: Bool
        var valid: Bool
        var reason: String?
        var owner: String?
        var serial: String?
        var issuer: String?
        var validity: String?
        var algorithm: String?
        var validatedAt: String?
        var registered: Registered?
        var notRegistered: Bool
        var maxMB: Int
        var code: String
    }

    func addVerificationRoutes(to router: Router<AppRequestContext>) {
        router.get("/verify") { request, _ in
            verifyPage(nil, request: request)
        }
        router.post("/verify") { request, _ in
            do {
                let (file, signature) = try await VerifyRoutes.readCheckForm(request)
                return verifyPage(try await services.signatures.check(file: file, signature: signature), request: request)
            } catch let error as OborotError where error.kind == .badRequest || error.kind == .payloadTooLarge {
                return verifyPage(nil, request: request, error: error)
            }
        }
        router.get("/verify/:code") { request, context in
            let code = context.parameters.get("code") ?? ""
            return verifyPage(try await services.signatures.check(code: code), request: request, code: code)
        }
        router.get("/documents/:id/signature-mark/:signatureId") { request, context in
            let caller = try signedIn(request)
            return try await signatureMark(caller, id: try documentID(context), signatureID: context.parameters.get("signatureId"), request: request)
        }
        addTrustStoreRoutes(to: router)
    }

    private func verifyPage(_ check: SignatureService.PublicCheck?, request: Request, code: String = "", error: OborotError? = nil) -> Response {
        let zone = OrganizationRules.defaultTimeZone
        let registered = check?.registered.map { found in
            VerifyModel.Registered(
                organization: found.organizationName, kindName: found.kind.russianName, number: found.number,
                date: found.date?.russian, title: found.title, signer: found.signerName,
                signedAt: WebTexts.dateTime(found.signedAt, timeZone: zone), fileName: found.fileName, versionNumber: found.versionNumber)
        }
        let model = VerifyModel(
            checked: check != nil, valid: check?.valid ?? false, reason: error?.detail ?? check?.reason,
            owner: check?.certificate?.ownerName, serial: check?.certificate?.serialNumberHex, issuer: check?.certificate?.issuer,
            validity: check?.certificate.map { WebTexts.validity($0, timeZone: zone) },
            algorithm: check?.algorithm, validatedAt: check?.validatedAt.map { WebTexts.dateTime($0, timeZone: zone) },
            registered: registered, notRegistered: check != nil && registered == nil,
            maxMB: VerifyRoutes.maxCheckBytes / (1024 * 1024), code: code)
        let caller = try? RequestScope.current.requireCaller()
        return page("verify", title: "Проверка электронной подписи", model: model, caller: caller, path: "/verify",
                    status: error?.kind.status ?? .ok)
    }

    struct SignatureMarkModel {
        var assetVersion: String
        var print: PrintModel
        var owner: String
        var serial: String
        var validity: String
        var signedAt: String
        var verifyURL: String
        var qrSVG: String
    }

    /// The mark of the electronic signature (requisite 23) with the registration stamp and a QR code of the public
    /// verification page, for the printed copy of the electronic original.
    private func signatureMark(_ caller: Caller, id: UUID, signatureID: String?, request: Request) async throws -> Response {
        let details = try await services.documents.details(caller, id: id)
        let signatures = try await services.signatures.signatures(caller, documentID: id)
        guard let signature = signatures.first(where: { $0.id.lowercasedString == signatureID?.lowercased() }) else {
            throw OborotError.notFound(.signature)
        }
        let zone = details.organization.timeZone
        let url = "\(publicBaseURL(request))/verify/\(signature.verificationCode)"
        let qr = (try? QRCode.encode(url))?.svg(moduleSize: 3) ?? ""
        let model = SignatureMarkModel(
            assetVersion: assets.version, print: PrintModel(details, assetVersion: assets.version),
            owner: signature.certificate.ownerName, serial: signature.certificate.serialNumberHex,
            validity: WebTexts.validity(signature.certificate, timeZone: zone),
            signedAt: WebTexts.dateTime(signature.signedAt, timeZone: zone), verifyURL: url, qrSVG: qr)
        return html(library.render(model, withTemplate: "signature-mark") ?? "")
    }

    /// Where the public pages are reached from outside: `OBOROT_PUBLIC_URL`, else the address the browser used.
    func publicBaseURL(_ request: Request) -> String {
        if let configured = configuration.publicURL { return configured }
        let host = request.head.authority ?? "\(configuration.host):\(configuration.port)"
        return "\(configuration.secureCookies ? "https" : "http")://\(host)"
    }
}
