import RuleEngine

/// The catalogue of rules for people (`cchc rules doc`, `cchc explain`): for each rule its id,
/// title, severity, basis by period, what it checks, its conditions, parameters and a failing
/// example taken from its fixtures. Deterministic, so the committed `Rules/CATALOG.md` can be
/// kept in sync by a test.
public enum RuleDocumentation {
    /// The whole catalogue as Markdown.
    public static func markdown(packs: [RulePack], fixtures: [String: [FixtureCase]]) -> String {
        var out = """
        # Danh mục quy tắc cchc

        Tệp này được sinh bởi `cchc rules doc > Rules/CATALOG.md`; đừng sửa tay. \
        Mỗi quy tắc: mã, mức, tiêu đề, căn cứ pháp lý theo thời kỳ, nội dung kiểm tra, tham số và một ví dụ vi phạm lấy từ ca kiểm thử.

        """
        for pack in packs.sorted(by: { $0.id < $1.id }) {
            out += "\n## \(pack.id) — \(MarkdownText.inline(pack.title)) (phiên bản \(pack.version))\n\n"
            if let description = pack.description { out += MarkdownText.inline(description) + "\n\n" }
            if !pack.basis.isEmpty { out += "Căn cứ chung: " + basisText(pack.basis) + "\n\n" }
            if !pack.params.isEmpty {
                out += "| Tham số | Mặc định | Ý nghĩa |\n| --- | --- | --- |\n"
                for p in pack.params {
                    let meaning = [p.description, p.range.map { "giá trị \($0)" }].compactMap { $0 }.joined(separator: "; ")
                    out += "| `\(p.name)` | `\(ValueFormatter.text(p.defaultValue))` | \(MarkdownText.inline(meaning)) |\n"
                }
                out += "\n"
            }
            out += "| Mã | Mức | Tiêu đề |\n| --- | --- | --- |\n"
            for rule in pack.rules {
                out += "| [\(rule.id)](#\(rule.id.lowercased())) | \(rule.severity.rawValue) | \(MarkdownText.inline(rule.title)) |\n"
            }
            for rule in pack.rules {
                out += "\n" + section(rule, pack: pack, fixtures: fixtures[pack.id] ?? [])
            }
        }
        return out
    }

    /// One rule's section (also what `cchc explain ID` prints). `forTerminal`: text is not
    /// Markdown-escaped (`<cơ quan>`, not `\<cơ quan\>`), as a terminal shows it as written.
    public static func section(_ rule: RuleDefinition, pack: RulePack, fixtures: [FixtureCase], forTerminal: Bool = false) -> String {
        let inline: (String) -> String = { forTerminal ? PlainText.oneLine($0) : MarkdownText.inline($0) }
        var out = "### \(rule.id)\n\n**\(inline(rule.title))** — mức \(rule.severity.rawValue) (\(rule.severity.vietnameseName)), \(rule.points == 1 ? "1 điểm" : "\(ValueFormatter.number(rule.points, maxFractionDigits: 2)) điểm")\n\n"
        if let d = rule.description { out += inline(d) + "\n\n" }
        let basis = rule.basis.isEmpty ? pack.basis : rule.basis
        if !basis.isEmpty { out += "- Căn cứ: " + basisText(basis, inline: inline) + "\n" }
        out += "- Đối tượng: " + (rule.targetText.map { "mỗi phần tử của " + MarkdownText.code($0) } ?? "toàn bộ báo cáo") + "\n"
        if let window = rule.effective ?? pack.effective {
            var parts: [String] = []
            if let f = window.from { parts.append("từ \(f.vietnameseDescription)") }
            if let u = window.until { parts.append("đến \(u.vietnameseDescription)") }
            if let field = window.field { parts.append("theo ngày `\(field)` của đối tượng") }
            if !parts.isEmpty { out += "- Hiệu lực: " + parts.joined(separator: ", ") + "\n" }
        }
        for condition in rule.conditionTexts { out += "- Điều kiện: " + MarkdownText.code(condition) + "\n" }
        if let fix = rule.fixPieces {
            // A placeholder is shown as the code it is: `{{ deadline }}`, filled in for each finding.
            out += "- Cách sửa: " + fix.map { $0.isPlaceholder ? MarkdownText.code("{{ \($0.text) }}") : inline($0.text) }.joined() + "\n"
        }
        // The example: a case that makes the rule fire, preferably by a value written wrong
        // rather than by a value left out (a missing value only shows "thiếu thông tin").
        let firing = fixtures.filter { $0.expected.contains { $0.rule == rule.id } }
        if let example = firing.first(where: { !$0.edits.contains { $0.hasPrefix("bỏ ") } }) ?? firing.first {
            out += "- Ví dụ vi phạm (\(inline(example.name))): "
            out += example.edits.isEmpty ? "xem ca kiểm thử" : example.edits.map(MarkdownText.code).joined(separator: ", ")
            out += "\n"
        }
        out += "- Định nghĩa: `\(rule.location.file.split(separator: "/").suffix(3).joined(separator: "/")):\(rule.location.line)`\n"
        return out
    }

    static func basisText(_ entries: [BasisEntry], inline: (String) -> String = { MarkdownText.inline($0) }) -> String {
        entries.map { e in
            var period: [String] = []
            if let f = e.from { period.append("từ \(f.vietnameseDescription)") }
            if let u = e.until { period.append("đến \(u.vietnameseDescription)") }
            return inline(e.text) + (period.isEmpty ? "" : " (\(period.joined(separator: " ")))")
        }.joined(separator: "; ")
    }
}
