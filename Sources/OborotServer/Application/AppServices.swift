import Foundation
import OborotExchange
import OborotStore

/// Every service of the application, built once in the composition root and handed to handlers and pages.
struct AppServices: Sendable {
    let database: any Database
    let authenticator: Authenticator
    let metrics: HTTPMetrics
    let sessions: SessionService
    let profile: ProfileService
    let organizations: OrganizationService
    let people: PeopleService
    let accounts: AccountService
    let audit: AuditService
    let documents: DocumentService
    let registry: RegistryService
    let files: FileService
    let calendar: CalendarService
    let control: ControlService
    let discipline: DisciplineService
    let notifications: NotificationService
    let approval: ApprovalService
    let signatures: SignatureService
    let trustStore: TrustStoreService
    let comparison: VersionComparison
    let search: SearchService
    let searchIndexer: SearchIndexer
    let delivery: DeliveryService
    let medo: MedoInbox
    let appeals: AppealService
    let reception: ReceptionService
    let publicAppeals: PublicAppealService
    let publicIdentity: PublicIdentityService
    /// Served only when configured: it signs anyone in.
    let developmentIdentity: DevelopmentIdentityProvider?

    init(database: any Database, configuration: ServerConfiguration) throws {
        let hasher = PasswordHasher(cost: configuration.passwordHashCost)
        let authenticator = Authenticator(database: database)
        self.database = database
        self.authenticator = authenticator
        self.metrics = HTTPMetrics()
        self.sessions = SessionService(database: database, hasher: hasher, authenticator: authenticator)
        self.profile = ProfileService(database: database, cache: authenticator.profiles)
        self.organizations = OrganizationService(database: database)
        self.people = PeopleService(database: database)
        self.accounts = AccountService(database: database, hasher: hasher, authenticator: authenticator)
        self.audit = AuditService(database: database)
        let calendar = try CalendarService(database: database)
        self.documents = DocumentService(database: database, calendar: calendar)
        self.registry = RegistryService(database: database)
        let blobs = BlobStore(root: configuration.blobDirectory)
        self.calendar = calendar
        self.files = FileService(
            database: database, blobs: blobs, maxUploadBytes: Int64(configuration.maxUploadMegabytes) * 1024 * 1024,
            calendar: calendar)
        self.control = ControlService(database: database, calendar: calendar)
        self.discipline = DisciplineService(database: database)
        self.notifications = NotificationService(database: database)
        self.approval = ApprovalService(database: database, calendar: calendar)
        self.signatures = SignatureService(
            database: database, blobs: blobs, verifier: CMSSignatureVerifier(), documents: documents)
        self.trustStore = TrustStoreService(database: database)
        self.comparison = VersionComparison(database: database, blobs: blobs)
        self.search = SearchService(database: database)
        self.searchIndexer = SearchIndexer(database: database, blobs: blobs)
        self.delivery = DeliveryService(database: database, blobs: blobs)
        self.medo = MedoInbox(database: database, blobs: blobs, quarantineDirectory: configuration.medoQuarantine)
        self.appeals = AppealService(database: database, documents: documents, calendar: calendar)
        self.reception = ReceptionService(database: database, appeals: appeals, calendar: calendar)
        self.publicAppeals = PublicAppealService(database: database, blobs: blobs)
        self.publicIdentity = PublicIdentityService(
            database: database, settings: configuration.identityProvider, baseURL: configuration.baseURL)
        self.developmentIdentity = configuration.developmentIdentityProvider
            ? try DevelopmentIdentityProvider(
                issuer: configuration.baseURL + DevelopmentIdentityProviderPaths.root, allowedRedirectPrefix: configuration.baseURL + "/")
            : nil
    }
}
