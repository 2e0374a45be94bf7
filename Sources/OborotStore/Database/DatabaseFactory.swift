public import Logging

/// Opens the database a `DatabaseLocation` names.
public enum DatabaseFactory {
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> any Database {
        switch location {
        case .sqlite(let path):
            try await SQLiteDatabase.open(path: path, logger: logger)
        case .postgres(let url):
            try await PostgresDatabase.connect(url, logger: logger)
        }
    }
}
