import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotStore
import SQLKit
import OborotTestSupport
import Testing

@Suite("Сотрудники, учётные записи, роли (API)")
struct AccountAPITests {
    @Test("an administrator adds an employee and an account; the new person signs in", arguments: TestDatabaseKind.available)
    func onboarding(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let admin = try await app.signIn("district.admin")
            let position = try await app.request(
                .post, "/api/v1/organizations/\(app.fixture.settlement.id)/positions", token: admin,
                json: #"{"title":"Главный специалист"}"#)
            #expect(position.status == .created)
            let positionID = try #require(try position.json()["id"] as? String)
            let employee = try await app.request(
                .post, "/api/v1/employees", token: admin,
                json: #"{"organizationId":"\#(app.fixture.settlement.id)","positionId":"\#(positionID)","surname":"Кузнецова","givenName":"Ольга","patronymic":"Петровна","email":"kuznetsova@example.ru"}"#)
            #expect(employee.status == .created)
            let employeeID = try #require(try employee.json()["id"] as? String)
            #expect(try employee.json()["fullName"] as? String == "Кузнецова Ольга Петровна")
            let user = try await app.request(
                .post, "/api/v1/users", token: admin,
                json: #"{"login":"Kuznetsova.OP","password":"очень-надёжный","employeeId":"\#(employeeID)"}"#)
            #expect(user.status == .created)
            #expect(try user.json()["login"] as? String == "kuznetsova.op")
            #expect(!user.text.contains("очень-надёжный"))
            let token = try await app.signIn("kuznetsova.op", password: "очень-надёжный")
            let me = try await app.request(.get, "/api/v1/me", token: token)
            #expect(try me.json()["positionTitle"] as? String == "Главный специалист")
            let search = try await app.request(.get, "/api/v1/employees?q=%D0%BA%D1%83%D0%B7%D0%BD", token: token)
            #expect(try search.jsonArray().count == 1)
        }
    }

    @Test("duplicate login 409, weak password 422, someone else's organisation 403", arguments: TestDatabaseKind.available)
    func refusals(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let usersBefore = try await app.count("users")
            let admin = try await app.signIn("district.admin")
            let employee = try await app.request(
                .post, "/api/v1/employees", token: admin,
                json: #"{"organizationId":"\#(app.fixture.district.id)","surname":"Новиков","givenName":"Пётр"}"#)
            let employeeID = try #require(try employee.json()["id"] as? String)
            let duplicate = try await app.request(
                .post, "/api/v1/users", token: admin,
                json: #"{"login":"Governor","password":"long-enough-1","employeeId":"\#(employeeID)"}"#)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.problemCode == "login_taken")
            let weak = try await app.request(
                .post, "/api/v1/users", token: admin, json: #"{"login":"novikov","password":"123","employeeId":"\#(employeeID)"}"#)
            #expect(weak.status == .unprocessableContent)
            let foreign = try await app.request(
                .post, "/api/v1/employees", token: admin,
                json: #"{"organizationId":"\#(app.fixture.ministry.id)","surname":"Чужой","givenName":"Иван"}"#)
            #expect(foreign.status == .forbidden)
            let foreignPosition = try await app.request(
                .post, "/api/v1/organizations/\(app.fixture.otherDistrict.id)/positions", token: admin, json: #"{"title":"Х"}"#)
            #expect(foreignPosition.status == .forbidden)
            #expect(try await app.count("users") == usersBefore)
        }
    }

    @Test("granting a role gives its rights over the subtree at once; revoking takes them away", arguments: TestDatabaseKind.available)
    func roles(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let specialist = try await app.signIn("specialist")
            let createUnderDistrict = #"{"parentId":"\#(app.fixture.district.id)","kind":"ruralSettlement","shortName":"Новое с/п","fullName":"Администрация Нового сельского поселения"}"#
            #expect(try await app.request(.post, "/api/v1/organizations", token: specialist, json: createUnderDistrict).status == .forbidden)

            let admin = try await app.signIn("region.admin")
            let granted = try await app.request(
                .post, "/api/v1/users/\(app.fixture.specialist.userID)/roles", token: admin,
                json: #"{"organizationId":"\#(app.fixture.district.id)","role":"admin"}"#)
            #expect(granted.status == .created)
            #expect(try granted.json()["roleName"] as? String == "Администратор")
            let again = try await app.request(
                .post, "/api/v1/users/\(app.fixture.specialist.userID)/roles", token: admin,
                json: #"{"organizationId":"\#(app.fixture.district.id)","role":"admin"}"#)
            #expect(again.status == .conflict)

            #expect(try await app.request(.post, "/api/v1/organizations", token: specialist, json: createUnderDistrict).status == .created)

            let grantID = try #require(try granted.json()["id"] as? String)
            #expect(try await app.request(.delete, "/api/v1/users/\(app.fixture.specialist.userID)/roles/\(grantID)", token: admin).status == .noContent)
            #expect(try await app.request(.post, "/api/v1/organizations", token: specialist, json: createUnderDistrict).status == .forbidden)

            // A district administrator cannot grant roles in the region government.
            let districtAdmin = try await app.signIn("district.admin")
            let escalate = try await app.request(
                .post, "/api/v1/users/\(app.fixture.districtAdmin.userID)/roles", token: districtAdmin,
                json: #"{"organizationId":"\#(app.fixture.government.id)","role":"admin"}"#)
            #expect(escalate.status == .forbidden)
        }
    }

    @Test("a blocked account loses its sessions at once and cannot sign in", arguments: TestDatabaseKind.available)
    func deactivation(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let victim = try await app.signIn("specialist")
            #expect(try await app.request(.get, "/api/v1/me", token: victim).status == .ok)
            let admin = try await app.signIn("district.admin")
            let blocked = try await app.request(
                .patch, "/api/v1/users/\(app.fixture.specialist.userID)", token: admin, json: #"{"version":1,"active":false}"#)
            #expect(blocked.status == .ok)
            #expect(try blocked.json()["active"] as? Bool == false)
            #expect(try await app.request(.get, "/api/v1/me", token: victim).status == .unauthorized)
            let retry = try await app.request(
                .post, "/api/v1/session", json: #"{"login":"specialist","password":"\#(RegionFixture.password)"}"#)
            #expect(retry.status == .unauthorized)
            // Other administrators' users are invisible, not merely forbidden.
            let ministryAdmin = try await app.signIn("minfin.admin")
            #expect(try await app.request(.get, "/api/v1/users/\(app.fixture.specialist.userID)", token: ministryAdmin).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/users/\(app.fixture.specialist.userID)", token: admin).status == .ok)
        }
    }

    @Test("delegations: a head delegates, the assistant sees it, the head revokes", arguments: TestDatabaseKind.available)
    func delegations(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let head = try await app.signIn("minfin.admin")
            let created = try await app.request(
                .post, "/api/v1/delegations", token: head,
                json: #"{"principalUserId":"\#(app.fixture.ministryAdmin.userID)","assistantUserId":"\#(app.fixture.clerk.userID)"}"#)
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let clerk = try await app.signIn("minfin.clerk")
            let mine = try await app.request(.get, "/api/v1/delegations", token: clerk)
            #expect(try mine.jsonArray().first?["active"] as? Bool == true)
            let me = try await app.request(.get, "/api/v1/me", token: clerk)
            #expect((try me.json()["delegatedToMe"] as? [[String: Any]])?.count == 1)
            let selfDelegation = try await app.request(
                .post, "/api/v1/delegations", token: head,
                json: #"{"principalUserId":"\#(app.fixture.ministryAdmin.userID)","assistantUserId":"\#(app.fixture.ministryAdmin.userID)"}"#)
            #expect(selfDelegation.status == .unprocessableContent)
            let forOthers = try await app.request(
                .post, "/api/v1/delegations", token: clerk,
                json: #"{"principalUserId":"\#(app.fixture.governor.userID)","assistantUserId":"\#(app.fixture.clerk.userID)"}"#)
            #expect(forOthers.status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/delegations/\(id)", token: head).status == .noContent)
            let acting: HTTPFields = [.init("X-Acting-For")!: app.fixture.ministryAdmin.userID.uuidString]
            #expect(try await app.request(.get, "/api/v1/me", token: clerk, headers: acting).status == .forbidden)
        }
    }
}
