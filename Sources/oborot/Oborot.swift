import ArgumentParser

/// The `oborot` command: the server and the administrator's tools.
@main
struct Oborot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oborot",
        abstract: "Оборот — единая система электронного документооборота региона.",
        discussion: "Настройки берутся из переменных окружения OBOROT_* (см. README).",
        subcommands: [Serve.self, Migrate.self, Demo.self, Audit.self, UserCommand.self, RemindersCommand.self, VerifyCommand.self, SearchCommand.self, ClassifierCommand.self, Bench.self],
        defaultSubcommand: Serve.self)
}
