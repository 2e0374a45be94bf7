import Crypto
import Foundation
import Hummingbird
import Mustache
import NIOCore
import OborotDomain
import OborotStore
import Synchronization

/// The public appeal pages (no sign-in, mobile-first): the form, the receipt with the tracking code, the status page.
extension WebPages {
    struct PublicAppealModel {
        struct Option {
            var value: String
            var name: String
            var selected: Bool
        }
        var organizations: [Option]
        var values: [String: String]
        var token: String
        var consentChecked: Bool
        var problems: [String]
        var hasProblems: Bool
        var maxFiles: Int
        /// A provider is configured: the form offers the identity step.
        var identityAvailable: Bool
        var providerName: String
        /// Signed in: the names are the provider's and the submission is an appeal.
        var identified: Bool
        var identity: VerifiedIdentity?
        /// Mustache reads stored properties only: the computed `fullName`, copied.
        var identityName: String
    }

    struct PublicReceiptModel {
        var code: String
        var organization: String
        var receipt: String
        var identified: Bool
    }

    struct PublicStatusModel {
        var code: String
        var status: PublicAppealService.Status?
        var error: String?
        var asked: Bool
    }

    func addPublicAppealRoutes(to router: Router<AppRequestContext>) {
        router.get("/public/appeal") { request, _ in
            // Only an identified resident's form is rendered per request (with the body chosen before signing in);
            // everyone else gets the cached page.
            if let signIn = try await services.publicIdentity.current(browserKey: request.cookies[PublicIdentityService.cookieName]?.value) {
                var values = ["email": signIn.identity?.email ?? ""]
                values["organizationId"] = request.uri.queryParameters["organizationId"].map(String.init) ?? signIn.organizationID?.lowercasedString
                return try await publicForm(values: values, problems: [], status: .ok, identity: signIn.identity)
            }
            // The most visited page: the empty form is rendered once a minute and only its token changes per request.
            var parts = publicFormCache.page()
            if parts == nil {
                parts = publicFormCache.store(try await publicFormHTML(values: [:], problems: [], token: PublicFormCache.tokenPlaceholder))
            }
            guard let (before, after) = parts else { return try await publicForm(values: [:], problems: [], status: .ok) }
            var body = ByteBuffer()
            body.reserveCapacity(before.readableBytes + after.readableBytes + 100)
            body.writeImmutableBuffer(before)
            body.writeString(formToken(Date()))
            body.writeImmutableBuffer(after)
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: body))
        }
        router.post("/public/appeal") { request, _ in
            let limit = PublicSubmissionRules.maxTotalBytes + 1024 * 1024
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw BodyLimitMiddleware.tooLarge(limit) }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                throw BodyLimitMiddleware.tooLarge(limit)
            }
            guard let boundary = MultipartFileReader.boundary(fromContentType: request.headers[.contentType] ?? ""),
                let form = MultipartForm.parse(Array(body.readableBytesView), boundary: boundary)
            else { throw OborotError.malformedBody(field: nil, reason: WebTexts.unreadableForm) }
            let values = form.fields
            let signIn = try await services.publicIdentity.current(browserKey: request.cookies[PublicIdentityService.cookieName]?.value)
            if signIn == nil, values["identified"] == "1" {
                // The resident meant an appeal: never turn it into a message behind their back.
                return try await publicForm(values: values, problems: [PublicIdentityPageTexts.identityLapsed], status: .unprocessableContent)
            }
            let submission = PublicSubmission(
                organizationID: values["organizationId"].flatMap(UUID.init(uuidString:)), surname: values["surname"] ?? "",
                name: values["name"] ?? "", patronymic: values["patronymic"] ?? "", postalAddress: values["postalAddress"] ?? "",
                email: values["email"] ?? "", phone: values["phone"] ?? "", text: values["text"] ?? "", consent: values["consent"] == "on",
                honeypot: values["website"] ?? "", renderedAt: formTime(values["t"] ?? ""))
            do {
                let message = try await services.publicAppeals.submit(
                    submission, files: form.files.filter { $0.field == "files" }.map { .init(fileName: $0.fileName, bytes: $0.bytes) },
                    clientAddress: RequestScope.current.clientAddress, identity: signIn)
                let organization = try await services.publicAppeals.organizations().first { $0.id == message.organizationID }
                return page(
                    "public-receipt", title: "Обращение отправлено",
                    model: PublicReceiptModel(
                        code: message.trackingCode, organization: organization?.fullName ?? "",
                        receipt: PublicReceiptText.text(message, organization: organization?.fullName ?? ""), identified: message.isIdentified),
                    caller: nil, path: "/public/appeal", status: .created)
            } catch let error as OborotError where error.kind == .unprocessable {
                return try await publicForm(
                    values: values, problems: error.fieldProblems.map(\.message), status: .unprocessableContent, identity: signIn?.identity)
            } catch let error as OborotError where error.code == OborotError.identityAlreadyUsed.code {
                return try await publicForm(values: values, problems: [error.detail], status: .conflict)
            }
        }
        router.get("/public/appeal/status") { request, _ in
            let text = request.uri.queryParameters["code"].map(String.init) ?? ""
            guard !text.isEmpty else {
                return page("public-status", title: "Статус обращения", model: PublicStatusModel(code: "", status: nil, error: nil, asked: false), caller: nil, path: "/public/appeal")
            }
            do {
                let status = try await services.publicAppeals.status(code: text)
                return page("public-status", title: "Статус обращения", model: PublicStatusModel(code: status.code, status: status, error: nil, asked: true), caller: nil, path: "/public/appeal")
            } catch let error as OborotError where error.kind == .notFound {
                return page("public-status", title: "Статус обращения", model: PublicStatusModel(code: text, status: nil, error: error.detail, asked: true), caller: nil, path: "/public/appeal", status: .notFound)
            }
        }
    }

    func publicForm(values: [String: String], problems: [String], status: HTTPResponse.Status, identity: VerifiedIdentity? = nil) async throws -> Response {
        html(try await publicFormHTML(values: values, problems: problems, token: formToken(Date()), identity: identity), status: status)
    }

    func publicFormHTML(values: [String: String], problems: [String], token: String, identity: VerifiedIdentity? = nil) async throws -> String {
        let chosen = values["organizationId"] ?? ""
        let model = PublicAppealModel(
            organizations: try await services.publicAppeals.organizations().map { .init(value: $0.id.lowercasedString, name: $0.fullName, selected: $0.id.lowercasedString == chosen) },
            values: values, token: token, consentChecked: values["consent"] == "on", problems: problems, hasProblems: !problems.isEmpty,
            maxFiles: PublicSubmissionRules.maxFiles, identityAvailable: services.publicIdentity.providerName != nil,
            providerName: identity?.providerName ?? services.publicIdentity.providerName ?? "", identified: identity != nil, identity: identity,
            identityName: identity?.fullName ?? "")
        let content = library.render(model, withTemplate: "public-appeal") ?? ""
        let layout = Layout(title: "Обращение в органы власти", assetVersion: assets.version, content: content, user: nil, demoMode: demoMode, flash: nil)
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    /// The time the form was rendered, signed so a robot cannot claim it waited: `seconds.signature`.
    func formToken(_ date: Date) -> String {
        let seconds = String(Int(date.timeIntervalSince1970))
        return "\(seconds).\(Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(seconds.utf8), using: formKey)))"
    }

    func formTime(_ token: String) -> Date? {
        let parts = token.split(separator: ".")
        guard parts.count == 2, let seconds = Int(parts[0]), formToken(Date(timeIntervalSince1970: TimeInterval(seconds))) == token else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// The receipt a resident keeps (and can mail to themselves): the code, the body, what happens next.
enum PublicReceiptText {
    static func text(_ message: AppealMessage, organization: String) -> String {
        if let identity = message.identity {
            return """
                Ваше обращение получено.
                Код для проверки статуса: \(message.trackingCode)
                Адресат: \(organization)
                Дата отправки: \(WebTexts.dateTime(message.createdAt, timeZone: OrganizationRules.defaultTimeZone))
                Заявитель: \(message.applicant.displayName) (личность подтверждена: \(identity.providerName))
                Приложено файлов: \(message.files.count)

                Обращение регистрируется в течение 3 дней со дня поступления (ст. 8 ч. 2 59-ФЗ) и рассматривается в течение
                30 дней со дня регистрации (ст. 12). Статус: страница «Статус обращения», код \(message.trackingCode).
                """
        }
        return """
        Ваше обращение получено.
        Код для проверки статуса: \(message.trackingCode)
        Адресат: \(organization)
        Дата отправки: \(WebTexts.dateTime(message.createdAt, timeZone: OrganizationRules.defaultTimeZone))
        Заявитель: \(message.applicant.displayName)
        Приложено файлов: \(message.files.count)

        Электронное обращение без подтверждения личности через ЕСИА регистрирует специалист органа; срок рассмотрения —
        30 дней со дня регистрации (ст. 12 59-ФЗ). Статус: страница «Статус обращения», код \(message.trackingCode).
        """
    }
}

/// The rendered empty public form, kept for a minute (the bodies' list changes rarely) as the bytes before and after
/// its token, so a request only writes the token between them.
final class PublicFormCache: Sendable {
    static let tokenPlaceholder = "__OBOROT_FORM_TOKEN__"
    private let cached = Mutex<(before: ByteBuffer, after: ByteBuffer, takenAt: Date)?>(nil)

    func page(now: Date = Date()) -> (ByteBuffer, ByteBuffer)? {
        cached.withLock { entry in
            guard let entry, now.timeIntervalSince(entry.takenAt) < 60 else { return nil }
            return (entry.before, entry.after)
        }
    }

    /// Splits the page at the placeholder; nil when it is missing (the template changed).
    @discardableResult
    func store(_ html: String, now: Date = Date()) -> (ByteBuffer, ByteBuffer)? {
        guard let range = html.range(of: Self.tokenPlaceholder) else { return nil }
        let parts = (ByteBuffer(string: String(html[..<range.lowerBound])), ByteBuffer(string: String(html[range.upperBound...])))
        cached.withLock { $0 = (parts.0, parts.1, now) }
        return parts
    }
}

enum PublicIdentityPageTexts {
    static let identityLapsed =
        "Подтверждение личности истекло или уже использовано, поэтому обращение не отправлено. Подтвердите личность ещё раз — введённый текст сохранён ниже."
}
