import ArgumentParser
import Hummingbird
import Logging

/// `oborot bench …`: helpers for the load scripts under `Benchmarks/`.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Вспомогательные команды для замеров производительности (Benchmarks/).",
        subcommands: [Hello.self, Storage.self, Control.self, Approval.self, Verify.self, Search.self, Delivery.self, Medo.self])

    /// A bare Hummingbird server with one `hello` route: the ceiling our real routes are compared against, built with
    /// the same compiler, flags and framework version as the product.
    struct Hello: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Голый сервер Hummingbird с маршрутом /hello.")

        @Option(help: "Порт.")
        var port = 8099

        func run() async throws {
            var logger = Logger(label: "bench-hello")
            logger.logLevel = .warning
            let router = Router()
            router.get("/hello") { _, _ in "hello" }
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
            try await app.runService()
        }
    }
}
