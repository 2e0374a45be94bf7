import Foundation
import OborotDomain
import OborotStore

/// The CSV export of a document list, produced page by page so a large export never sits in memory.
enum DocumentExport {
    static let maxRows = 100_000
    static let pageSize = 1_000

    static let header = CSV.line([
        "Регистрационный номер", "Дата регистрации", "Вид", "Состояние", "Заголовок", "Корреспондент",
        "Исходящий номер корреспондента", "Гриф", "Создан",
    ])

    static func csv(_ documents: DocumentService, caller: Caller, filter: DocumentFilter) -> AsyncThrowingStream<ArraySlice<UInt8>, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    continuation.yield(ArraySlice((CSV.byteOrderMark + header).utf8))
                    var order = DocumentOrder.newest(after: nil)
                    var written = 0
                    while written < maxRows {
                        let page = try await documents.list(caller, filter: filter, order: order, limit: min(pageSize, maxRows - written))
                        guard let last = page.last else { break }
                        var chunk = ""
                        for item in page { chunk += line(item) }
                        continuation.yield(ArraySlice(chunk.utf8))
                        written += page.count
                        order = .newest(after: (last.createdAt, last.id))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func line(_ item: DocumentListItem) -> String {
        CSV.line([
            item.registrationNumber ?? "", item.registrationDate?.russian ?? "", item.kind.russianName, item.state.russianName,
            item.title, item.correspondentName ?? "", item.correspondentNumber ?? "", item.accessMark.russianName,
            WebTexts.dateTime(item.createdAt, timeZone: OrganizationRules.defaultTimeZone),
        ])
    }
}
