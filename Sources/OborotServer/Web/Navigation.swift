/// One entry of the main navigation.
struct NavigationItem: Sendable {
    var title: String
    var href: String
    var current: Bool
    var badge: Int?
}

/// The main navigation. Each area adds its entry here when its pages exist.
enum Navigation {
    static let entries: [(title: String, href: String)] = [
        ("Главная", "/"),
        ("Документы", "/documents"),
        ("Поиск", "/search"),
        ("Поручения", "/assignments"),
        ("Обращения", "/appeals"),
        ("Личный приём", "/reception"),
        ("Согласование", "/approvals"),
        ("Дисциплина", "/reports/discipline"),
        ("Уведомления", "/notifications"),
        ("МЭДО", "/medo"),
        ("Номенклатура дел", "/case-files"),
        ("Организации", "/organizations"),
        ("Мой профиль", "/profile"),
    ]

    static func items(current path: String) -> [NavigationItem] {
        entries.map { entry in
            let isCurrent = entry.href == "/" ? path == "/" : path.hasPrefix(entry.href)
            return NavigationItem(title: entry.title, href: entry.href, current: isCurrent, badge: nil)
        }
    }
}
