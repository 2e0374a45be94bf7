import Foundation
import OborotDomain

/// The on-time share by organisation as a horizontal bar chart in SVG, drawn on the server so it needs no script
/// and prints as it looks. Rows without a tested deadline show «нет данных» instead of a bar.
enum DisciplineChart {
    static let width = 760
    static let labelWidth = 300
    static let rowHeight = 26

    static func svg(title: String, rows: [(name: String, share: Double?)]) -> String {
        let barArea = width - labelWidth - 70
        let height = 40 + rows.count * rowHeight + 10
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            role="img" aria-label="\(escape(title))" font-family="sans-serif" font-size="13">
            <title>\(escape(title))</title>
            <text x="0" y="20" font-size="15" font-weight="bold">\(escape(title))</text>

            """
        for (index, row) in rows.enumerated() {
            let y = 40 + index * rowHeight
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(shorten(row.name)))</text>\n"
            guard let share = row.share else {
                svg += "<text x=\"\(labelWidth)\" y=\"\(y + 17)\" fill=\"#666\">нет данных</text>\n"
                continue
            }
            let length = max(1, Int((Double(barArea) * share).rounded()))
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" fill=\"\(color(share))\"/>\n"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\">\(DisciplineTexts.share(share))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// Green from 95 %, amber from 80 %, red below: the usual thresholds of discipline ratings.
    static func color(_ share: Double) -> String {
        share >= 0.95 ? "#2e7d32" : share >= 0.8 ? "#f9a825" : "#c62828"
    }

    private static func shorten(_ name: String) -> String {
        name.count > 42 ? String(name.prefix(41)) + "…" : name
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// The report as CSV for Excel: UTF-8 with BOM, «;» between fields.
enum DisciplineCSV {
    static func text(_ report: DisciplineService.Report) -> String {
        var text = CSV.byteOrderMark
        text += CSV.line([
            report.grouping == .person ? "Исполнитель" : "Организация", "Выдано", "Исполнено в срок", "Исполнено с нарушением срока",
            "Просрочено сейчас", "На исполнении", "Доля в срок",
        ])
        let rows = [DisciplineService.Row(id: report.organization.id, name: "Итого: \(report.organization.shortName)", isPerson: false, counts: report.total)]
            + report.rows
        for row in rows {
            let counts = row.counts
            text += CSV.line([
                row.name, String(counts.issued), String(counts.doneOnTime), String(counts.doneLate), String(counts.overdueNow),
                String(counts.inProgress), DisciplineTexts.share(counts.onTimeShare),
            ])
        }
        return text
    }
}
