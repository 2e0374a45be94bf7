import Crypto
import Foundation
import Hummingbird
import Mustache
import OborotDomain

/// The Russian web interface: server-rendered pages over the same services as the API.
///
/// | page | who |
/// |---|---|
/// | `/login`, static files | anyone |
/// | `/`, `/organizations…`, `/profile…` | signed in (others are sent to `/login`) |
struct WebPages: Sendable {
    let services: AppServices
    let configuration: ServerConfiguration
    let demoMode: Bool
    let library: MustacheLibrary
    let assets: StaticAssets
    /// Signs the public form's render time (anti-spam); a fresh key per process: a form older than a restart is
    /// simply filled in again, with what was typed kept.
    let formKey = SymmetricKey(size: .bits256)
    let publicFormCache = PublicFormCache()

    init(services: AppServices, configuration: ServerConfiguration, demoMode: Bool) async throws {
        self.services = services
        self.configuration = configuration
        self.demoMode = demoMode
        guard let templates = Bundle.module.url(forResource: "templates", withExtension: nil, subdirectory: "Resources") else {
            throw WebSetupError("templates are missing from the build")
        }
        self.library = try await MustacheLibrary(directory: templates.path)
        self.assets = try StaticAssets.load()
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        assets.addRoutes(to: router)
        addSessionRoutes(to: router)
        addHomeRoutes(to: router)
        addOrganizationRoutes(to: router)
        addProfileRoutes(to: router)
        addDocumentRoutes(to: router)
        addDeliveryRoutes(to: router)
        addMedoPages(to: router)
        addAppealRoutes(to: router)
        addPublicAppealRoutes(to: router)
        addPublicIdentityRoutes(to: router)
        addReceptionScheduleRoutes(to: router)
        addDispatchRegisterPage(to: router)
        addCaseFileRoutes(to: router)
        addAssignmentRoutes(to: router)
        addDisciplineRoutes(to: router)
        addNotificationRoutes(to: router)
        addCalendarRoutes(to: router)
        addApprovalRoutes(to: router)
        addVerificationRoutes(to: router)
        addSearchRoutes(to: router)
        addComparisonRoutes(to: router)
    }

    // MARK: Rendering

    /// The chrome every page shares, around the page's own content.
    struct Layout {
        var title: String
        var assetVersion: String
        var content: String
        var user: Chrome?
        var demoMode: Bool
        var flash: String?

        struct Chrome {
            var displayName: String
            var navigation: [NavigationItem]
            var actingFor: String?
        }
    }

    /// Renders `template` with `model` inside the layout.
    func page(
        _ template: String, title: String, model: Any, caller: Caller?, path: String, status: HTTPResponse.Status = .ok,
        flash: String? = nil
    ) -> Response {
        let content = library.render(model, withTemplate: template) ?? ""
        let chrome = caller.map { caller in
            Layout.Chrome(
                displayName: (caller.actor.performer ?? caller.actor.principal).displayName,
                navigation: Navigation.items(current: path),
                actingFor: caller.actor.performer == nil ? nil : caller.actor.principal.displayName)
        }
        let layout = Layout(
            title: title, assetVersion: assets.version, content: content, user: chrome, demoMode: demoMode, flash: flash)
        return html(library.render(layout, withTemplate: "layout") ?? "", status: status)
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The error page, with the same Russian text the API would give.
    func errorPage(_ error: OborotError, request: Request) -> Response? {
        if error.kind == .unauthorized, request.method == .get {
            return WebRedirect.toLogin(from: request).response
        }
        struct Model {
            var status: Int
            var title: String
            var detail: String
            var problems: [FieldProblem]
            var hasProblems: Bool
        }
        let model = Model(
            status: Int(error.kind.status.code), title: error.title, detail: error.detail, problems: error.fieldProblems,
            hasProblems: !error.fieldProblems.isEmpty)
        var response = page(
            "error", title: error.title, model: model, caller: try? RequestScope.current.requireCaller(),
            path: request.uri.path, status: error.kind.status)
        if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    /// The signed-in caller of a page, or a redirect to the login page.
    func signedIn(_ request: Request) throws -> Caller {
        guard let caller = try? RequestScope.current.requireCaller() else { throw WebRedirect.toLogin(from: request) }
        return caller
    }
}

/// A web setup problem found at start, before serving anything.
struct WebSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
