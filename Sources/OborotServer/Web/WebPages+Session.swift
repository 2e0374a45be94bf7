import Foundation
import Hummingbird
import OborotDomain

extension WebPages {
    struct LoginModel {
        var regionName = WebTexts.regionName
        var next: String
        var login: String?
        var error: String?
        var demoMode: Bool
        var demoAccounts: [DemoAccount]
    }

    struct DemoAccount {
        var login: String
        var description: String
    }

    struct LoginForm: Decodable {
        var login: String?
        var password: String?
        var next: String?
    }

    func addSessionRoutes(to router: Router<AppRequestContext>) {
        router.get("/login") { request, _ in
            let next = WebRedirect.safeNext(request.uri.queryParameters["next"].map(String.init))
            if RequestScope.current.authentication != nil { return WebRedirect(location: next).response }
            return loginPage(LoginModel(next: next, demoMode: demoMode, demoAccounts: demoAccounts))
        }
        router.post("/login") { request, _ in
            let form = try await WebForms.decode(LoginForm.self, from: request)
            let next = WebRedirect.safeNext(form.next)
            do {
                let signIn = try await services.sessions.signIn(
                    login: form.login ?? "", password: form.password ?? "",
                    clientAddress: RequestScope.current.clientAddress)
                var response = WebRedirect(location: next).response
                response.headers[.setCookie] = SessionCookie.make(signIn.secret, secure: configuration.secureCookies)
                return response
            } catch let error as OborotError where error.kind == .unauthorized || error.kind == .tooManyRequests {
                var response = loginPage(
                    LoginModel(next: next, login: form.login, error: error.detail, demoMode: demoMode, demoAccounts: demoAccounts),
                    status: error.kind.status)
                if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
                return response
            }
        }
        router.post("/logout") { _, _ in
            let scope = RequestScope.current
            if let authentication = scope.authentication {
                try await services.sessions.signOut(authentication, clientAddress: scope.clientAddress)
            }
            var response = WebRedirect(location: "/login").response
            response.headers[values: .setCookie] = [
                SessionCookie.clear(secure: configuration.secureCookies), ActingForCookie.clear,
            ]
            return response
        }
    }

    private func loginPage(_ model: LoginModel, status: HTTPResponse.Status = .ok) -> Response {
        page("login", title: "Вход", model: model, caller: nil, path: "/login", status: status)
    }

    /// The accounts worth trying in the demo region, shown on the login page.
    var demoAccounts: [DemoAccount] {
        guard demoMode else { return [] }
        return DemoRegion.featuredAccounts.map { DemoAccount(login: $0.login, description: $0.description) }
    }
}
