public import Hummingbird
public import Logging
public import OborotStore
import Foundation
import OpenAPIHummingbird
import OpenAPIRuntime
import OborotAPI
import OborotDomain

/// The composition root: builds the whole HTTP application over an opened, migrated database.
///
/// Tests call this directly with their own database and drive the real router.
public func buildApplication(
    configuration: ServerConfiguration, database: any Database, demoMode: Bool = false, logger: Logger
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, database: database, demoMode: demoMode)
    let blobs = BlobStore(root: configuration.blobDirectory)
    let sweeper = BlobSweeper(blobs: blobs, database: database, logger: logger)
    let indexing = SearchIndexJob(indexer: SearchIndexer(database: database, blobs: blobs), logger: logger)
    let reminders = ReminderJob(
        database: database, logger: logger,
        timeZone: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
    let medo = MedoJob(
        folders: MedoFolders(
            inbox: MedoInbox(database: database, blobs: blobs, quarantineDirectory: configuration.medoQuarantine),
            database: database, inDirectory: configuration.medoIn, outDirectory: configuration.medoOut, logger: logger))
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Oborot"),
        services: [sweeper, reminders, indexing, medo],
        logger: logger)
}

/// The router with every route and middleware; separate so tests can build it without binding a port.
public func buildRouter(
    configuration: ServerConfiguration, database: any Database, demoMode: Bool = false
) async throws -> Router<AppRequestContext> {
    let services = try AppServices(database: database, configuration: configuration)
    let web = try await WebPages(services: services, configuration: configuration, demoMode: demoMode)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: MetricsMiddleware(metrics: services.metrics))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(renderPage: { error, request in web.errorPage(error, request: request) }))
    router.add(middleware: BodyLimitMiddleware(maxBytes: configuration.maxRequestBodyBytes))
    router.add(middleware: AuthenticationMiddleware(authenticator: services.authenticator))

    let api = APIHandlers(services: services, configuration: configuration)
    // Compact JSON: pretty printing costs time and bytes on every response; clients format for themselves.
    try api.registerHandlers(on: router, configuration: .init(jsonEncodingOptions: []))
    HandwrittenRoutes.add(to: router, services: services)
    FileRoutes.add(to: router, files: services.files)
    ApprovalRoutes.add(to: router, services: services)
    VerifyRoutes.add(to: router, services: services)
    ComparisonRoutes.add(to: router, comparison: services.comparison)
    SearchRoutes.add(to: router, services: services)
    MedoRoutes.add(to: router, services: services)
    DispatchRegisterRoutes.add(to: router, services: services)
    AppealRoutes.add(to: router, services: services)
    ReceptionRoutes.add(to: router, services: services)
    DistributionListRoutes.add(to: router, services: services)
    SystemRoutes.add(to: router, services: services)
    services.developmentIdentity?.addRoutes(to: router)
    web.addRoutes(to: router)
    return router
}
