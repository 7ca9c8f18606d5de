import RuleEngine

/// The Vietnamese words and number forms shared by the formats meant for people.
enum Wording {
    static let basis = "căn cứ"
    static let fix = "cách sửa"
    static let waived = "đã miễn trừ"
    static let baselined = "đã có trong baseline"
    /// Said of the baseline's entries that no finding of the run matched.
    static let resolvedBaselineEntries = "mục trong baseline không còn xuất hiện"
    /// The heading of the list of those entries, and what it means for the reader.
    static let resolvedBaselineHeading = "Các mục trong baseline không còn xuất hiện"
    static func resolvedBaselineNote(strict: Bool) -> String {
        "Các phát hiện đã ghi trong baseline mà lần kiểm tra này không còn gặp (đã sửa, hoặc báo cáo đã đổi)"
            + (strict ? "; với --baseline-strict, lần chạy không đạt cho đến khi ghi lại baseline (--write-baseline)." : ".")
    }
    static let reportTitle = "Báo cáo kết quả kiểm tra công tác cải cách hành chính"
    static let overview = "Tổng quan"
    static let failingChecks = "Các kiểm tra không đạt nhiều nhất"
    /// The failure chart's note; says how many checks it leaves out when it shows fewer than fail.
    static func failingChecksNote(shown: Int, of failing: Int) -> String {
        "Số đơn vị có phát hiện của từng kiểm tra (không tính phát hiện đã miễn trừ hoặc đã có trong baseline)."
            + (shown < failing ? " Biểu đồ chỉ nêu \(shown) trong \(failing) kiểm tra không đạt; các kiểm tra còn lại có trong phần từng đơn vị." : "")
    }
    static let noFailingChecks = "Không có kiểm tra nào không đạt."
    static let scoresByUnit = "Điểm theo đơn vị"
    static let scoresNote = "Điểm = tổng điểm các kiểm tra đạt / tổng điểm các kiểm tra áp dụng × 100."
    static let waivers = "Các phát hiện được miễn trừ"
    static let noFindings = "Không có phát hiện."
    static let noReports = "Không có báo cáo nào được kiểm tra."
    static let location = "Vị trí"
    static let related = "Xem thêm"

    /// The unit kind as people say it (`commune` → "Cấp xã"); an unknown kind as written.
    static func unitKind(_ kind: String) -> String {
        switch kind {
        case "commune": "Cấp xã"
        case "district": "Cấp huyện"
        case "province": "Cấp tỉnh"
        case "department": "Sở, ban, ngành"
        case "school": "Trường học"
        case "agency": "Cơ quan"
        default: kind
        }
    }

    /// Who wrote a waiver.
    static func origin(_ origin: WaiverNote.Origin) -> String {
        switch origin {
        case .report: "báo cáo"
        case .config: "tệp cấu hình"
        }
    }

    /// "cchc 0.1.0 · 2 báo cáo · 3 lỗi, …": the line under a report's title.
    static func byline(toolVersion: String, reports: Int, tally: FindingTally, generatedAt: String?) -> String {
        var parts = ["cchc \(toolVersion)", "\(reports) báo cáo", tally.vietnameseSummary]
        if let generatedAt { parts.append("lập lúc \(generatedAt)") }
        return parts.joined(separator: " · ")
    }

    /// The "Căn cứ" (basis) and "Cách sửa" (fix) lines that are present, as label and text.
    static func citation(basis: String?, fix: String?) -> [(label: String, text: String)] {
        [(Self.basis, basis), (Self.fix, fix)].compactMap { label, text in text.map { (label.capitalizedFirst, $0) } }
    }

    /// Why a finding does not count, or nil when it counts: "đã miễn trừ: <reason>" or
    /// "đã có trong baseline".
    static func status(of finding: Finding) -> String? {
        if let waiver = finding.waiver { return "\(waived): \(waiver.reason)" }
        return finding.isNew ? nil : baselined
    }

    /// A number with at most one decimal and a decimal comma: 82,5 · 100 · 66,7.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10, fraction = abs(tenths % 10)
        return fraction == 0 ? "\(whole)" : "\(whole),\(fraction)"
    }

    /// "82,5/100", or "chưa tính được" when no check applied.
    static func score(_ score: Score) -> String {
        score.percent.map { "\(decimal($0))/100" } ?? "chưa tính được"
    }

    /// The input a report came from: its file, and the document's number in a stream.
    static func source(of report: ReportResult) -> String {
        report.documentIndex.map { "\(report.file) (tài liệu \($0))" } ?? report.file
    }

    /// What a report is about: "UBND xã Tiên Sơn" or, when the unit is unknown, its file.
    static func unitTitle(of report: ReportResult) -> String {
        report.unitName ?? source(of: report)
    }
}
