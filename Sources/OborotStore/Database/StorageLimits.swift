/// Limits that bulk writes respect on both databases.
enum StorageLimits {
    /// SQLite allows 32,766 bound parameters per statement and PostgreSQL 65,535; stay well under both.
    static func rowsPerInsert(columns: Int) -> Int { max(1, 30_000 / columns) }
}

extension Array {
    /// The array cut into consecutive slices of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
