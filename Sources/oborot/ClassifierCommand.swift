import ArgumentParser
import Foundation
import Logging
import OborotDomain
import OborotServer
import OborotStore

/// `oborot classifier import FILE`: loads the thematic classifier of appeals from CSV (code, name, obsolete flag).
/// Nodes are added or renamed, never deleted; a file with any bad line changes nothing.
struct ClassifierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classifier", abstract: "Тематический классификатор обращений граждан.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Загрузить классификатор из CSV (код, наименование, признак «исключён»).")

        @Argument(help: "CSV-файл в UTF-8; «-» — стандартный ввод.")
        var file: String

        func run() async throws {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("Файл не в кодировке UTF-8.") }
            let nodes: [TopicNode]
            switch ClassifierFile.parse(text) {
            case .success(let parsed): nodes = parsed
            case .failure(let error): throw ValidationError("\(error.title). \(error.detail)")
            }
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            do {
                let result = try await database.write { db in
                    let result = try await TopicRepository(db).load(nodes)
                    try await AuditLog(db).append(
                        AuditRecord(
                            actorUserID: nil, actingForUserID: nil, action: "appeal.classifier_import", objectType: ObjectKind.appealTopic.rawValue,
                            objectID: "classifier",
                            summary: "Загружен тематический классификатор из командной строки: добавлено \(result.added), изменено \(result.changed)",
                            clientAddress: nil))
                    return result
                }
                await database.close()
                say("узлов в файле: \(nodes.count); добавлено: \(result.added), изменено: \(result.changed), без изменений: \(result.unchanged)")
            } catch {
                await database.close()
                throw error
            }
        }
    }
}
