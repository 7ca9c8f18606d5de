import RuleEngine
import YAML

/// Hand-made runs that the golden tests render in every format.
enum Fixtures {
    static let toolVersion = "0.1.0"

    /// Every fixture with the name its golden files start with.
    static let all: [(name: String, run: RunResult)] = [("single", single), ("many", many), ("empty", empty)]

    // MARK: - One report: every severity, waived (report and config) and baselined findings,
    // Vietnamese text, characters every format must escape, a file name with spaces and
    // diacritics, rules without outcomes or descriptors.

    static let singleFile = "Báo cáo/báo cáo tự kiểm tra 2024.yaml"

    static let single = RunResult(toolVersion: toolVersion, reports: [singleReport], rules: rules)

    static let rules: [RuleDescriptor] = [
        RuleDescriptor(id: "ND30-MARGINS", title: "Lề trang văn bản", severity: .error, area: "nd30",
                       basis: nd30Layout, fix: "Đặt lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm.",
                       help: "Lề trên và dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm.", points: 2),
        RuleDescriptor(id: "ND30-FONT", title: "Phông chữ Times New Roman", severity: .error, area: "nd30", basis: nd30Layout),
        RuleDescriptor(id: "ND30-NUMBER-UNIQUE", title: "Số, ký hiệu không trùng", severity: .error, area: "nd30",
                       basis: "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1"),
        RuleDescriptor(id: "ND30-NOT-APPLICABLE", title: "Văn bản trước ngày 05/3/2020", severity: .info, area: "nd30",
                       basis: "Nghị định 30/2020/NĐ-CP, Điều 38"),
        RuleDescriptor(id: "MC-POST-HOTLINE", title: "Công khai số đường dây nóng", severity: .warning, area: "mot-cua",
                       basis: "Nghị định 63/2010/NĐ-CP, Điều 16–17"),
        RuleDescriptor(id: "MC-ONLINE-RATE", title: "Tỉ lệ hồ sơ trực tuyến", severity: .warning, area: "mot-cua",
                       basis: "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP)"),
        RuleDescriptor(id: "MC-ON-TIME-RATE", title: "Tỉ lệ hồ sơ giải quyết đúng hạn", severity: .warning, area: "mot-cua"),
        RuleDescriptor(id: "LT-COVER", title: "Hồ sơ có bìa", severity: .warning, area: "luu-tru",
                       basis: "Nghị định 30/2020/NĐ-CP, Điều 29"),
        RuleDescriptor(id: "LT-INDEX", title: "Hồ sơ vĩnh viễn có mục lục", severity: .error, area: "luu-tru",
                       basis: "Nghị định 30/2020/NĐ-CP, Điều 29 khoản 4"),
        RuleDescriptor(id: "CD-SELF-INSPECTION", title: "Tự kiểm tra công tác CCHC", severity: .warning, area: "chi-dao",
                       basis: resolution76, fix: "Tổ chức ít nhất 1 đợt tự kiểm tra CCHC trong năm."),
        RuleDescriptor(id: "CD-REPORTS", title: "Báo cáo định kỳ đầy đủ", severity: .warning, area: "chi-dao", basis: resolution76),
    ]

    static let nd30Layout = "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục I"
    static let resolution76 = "Nghị quyết 76/NQ-CP ngày 15/7/2021 của Chính phủ"

    static func at(_ line: Int, _ column: Int, in file: String = singleFile) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static var singleReport: ReportResult {
        var report = ReportResult(
            file: singleFile, unitName: "UBND xã Tiên Sơn", unitKind: "commune", year: 2024,
            findings: [
                Finding(ruleID: "SCHEMA-UNKNOWN", severity: .warning, title: "Trường không có trong mẫu báo cáo",
                        message: "trường \"titel\" không có trong mẫu; có phải là \"title\"?",
                        fix: "Đổi tên trường thành \"title\".", area: "schema", location: at(8, 3), path: "reporter.titel"),
                Finding(ruleID: "CD-SELF-INSPECTION", severity: .warning, title: "Tự kiểm tra công tác CCHC",
                        message: "tự kiểm tra 0 đợt, yêu cầu ít nhất 1 đợt", basis: resolution76,
                        fix: "Tổ chức ít nhất 1 đợt tự kiểm tra CCHC trong năm.", area: "chi-dao",
                        location: at(18, 21), path: "direction.self_inspections"),
                Finding(ruleID: "CD-REPORTS", severity: .warning, title: "Báo cáo định kỳ đầy đủ",
                        message: "chưa gửi báo cáo: quý I", basis: resolution76, area: "chi-dao",
                        location: at(19, 22), path: "direction.reports_submitted",
                        waiver: WaiverNote(reason: "Đơn vị thành lập ngày 01/7/2024 sau sắp xếp, không có kỳ quý I",
                                           origin: .config, location: SourceLocation(file: "cchc.yaml", line: 12, column: 7))),
                Finding(ruleID: "ND30-NOT-APPLICABLE", severity: .info, title: "Văn bản trước ngày 05/3/2020",
                        message: "văn bản cv-cu ban hành ngày 30/12/2019, trước khi Nghị định 30/2020/NĐ-CP có hiệu lực: không kiểm tra thể thức",
                        basis: "Nghị định 30/2020/NĐ-CP, Điều 38", area: "nd30", location: at(23, 5), path: "documents[0]"),
                Finding(ruleID: "ND30-MARGINS", severity: .error, title: "Lề trang văn bản",
                        message: "lề trái 25 mm, quy định 30–35 mm; lề trên 15 mm, quy định 20–25 mm",
                        basis: nd30Layout, fix: "Đặt lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm.",
                        area: "nd30", location: at(42, 19), path: "documents[1].layout.margins_mm"),
                Finding(ruleID: "ND30-NUMBER-UNIQUE", severity: .error, title: "Số, ký hiệu không trùng",
                        message: "số, ký hiệu \"05/KH-UBND\" trùng với văn bản kh-05 (documents[1])",
                        basis: "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1", area: "nd30", location: at(53, 13),
                        path: "documents[2].number", relatedLocations: [at(34, 13)]),
                Finding(ruleID: "MC-POST-HOTLINE", severity: .warning, title: "Công khai số đường dây nóng",
                        message: "số đường dây nóng \"0235 3 8\" không phải số điện thoại Việt Nam",
                        basis: "Nghị định 63/2010/NĐ-CP, Điều 16–17", area: "mot-cua", location: at(66, 14),
                        path: "one_stop_shop.postings.hotline",
                        waiver: WaiverNote(reason: "Dùng đường dây nóng chung của UBND huyện; xã không công bố số riêng",
                                           origin: .report, location: at(97, 5))),
                Finding(ruleID: "MC-ONLINE-RATE", severity: .warning, title: "Tỉ lệ hồ sơ trực tuyến",
                        message: "tỉ lệ hồ sơ trực tuyến 12,5% < 30%: \"thấp\" & cần <cải thiện>",
                        basis: "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP)",
                        fix: "Bước 1: hướng dẫn người dân nộp hồ sơ trên Cổng dịch vụ công.\nBước 2: theo dõi tỉ lệ hằng tháng.",
                        area: "mot-cua", location: at(71, 22), path: "one_stop_shop.dossiers.received_online"),
                Finding(ruleID: "LT-COVER", severity: .warning, title: "Hồ sơ có bìa",
                        message: "hồ sơ HS-2024-03 không có bìa", basis: "Nghị định 30/2020/NĐ-CP, Điều 29",
                        area: "luu-tru", location: at(88, 16), path: "archive.dossiers[HS-2024-03].has_cover", isNew: false),
                Finding(ruleID: "WAIVER-UNUSED", severity: .info, title: "Miễn trừ không dùng đến",
                        message: "miễn trừ cho LT-INDEX tại archive.dossiers[HS-2024-01] không khớp phát hiện nào",
                        area: "waiver", location: at(100, 5), path: "waivers[1]"),
            ],
            outcomes: [
                RuleOutcome(ruleID: "ND30-FONT", status: .passed, points: 1, findingCount: 0),
                RuleOutcome(ruleID: "ND30-MARGINS", status: .failed, points: 2, findingCount: 1),
                RuleOutcome(ruleID: "ND30-NUMBER-UNIQUE", status: .failed, points: 1, findingCount: 1),
                RuleOutcome(ruleID: "ND30-NOT-APPLICABLE", status: .failed, points: 0, findingCount: 1),
                RuleOutcome(ruleID: "MC-POST-HOTLINE", status: .failed, points: 1, findingCount: 1),
                RuleOutcome(ruleID: "MC-ONLINE-RATE", status: .failed, points: 1, findingCount: 1),
                RuleOutcome(ruleID: "MC-ON-TIME-RATE", status: .notApplicable, points: 1, findingCount: 0),
                RuleOutcome(ruleID: "LT-COVER", status: .failed, points: 1, findingCount: 1),
                RuleOutcome(ruleID: "LT-INDEX", status: .passed, points: 1, findingCount: 0),
                RuleOutcome(ruleID: "CD-SELF-INSPECTION", status: .failed, points: 1, findingCount: 1),
                RuleOutcome(ruleID: "CD-REPORTS", status: .failed, points: 1, findingCount: 1),
            ],
            score: Score(earned: 5, possible: 10),
            sourceLines: [
                8: "  titel: Công chức Văn phòng - Thống kê",
                18: "  self_inspections: 0              # đợt tự kiểm tra",
                19: "  reports_submitted: [half-year, q3]",
                23: "  - ref: cv-cu",
                42: "      margins_mm: {top: 15, bottom: 20, left: 25, right: 15}",
                53: "    number: 05/KH-UBND",
                66: "    hotline: 0235 3 8",
                71: "    received_online: 5",
                88: "    has_cover: false",
                100: "  - rule: LT-INDEX",
            ]
        )
        report.duration = 0.0123
        return report
    }

    // MARK: - Several units: a clean one, one without a readable unit or score (the second
    // document of a stream), one unit's waived finding.

    static let many = RunResult(toolVersion: toolVersion, reports: [
        unit("reports/xa-tien-son-2024.yaml", "UBND xã Tiên Sơn", "commune", score: (8, 10), [
            ("ND30-MARGINS", 40, nil), ("MC-ONLINE-RATE", 70, nil), ("CD-SELF-INSPECTION", 18, nil),
        ]),
        unit("reports/huyen-tien-phuoc-2024.yaml", "UBND huyện Tiên Phước", "district", score: (10, 16), [
            ("ND30-MARGINS", 41, nil), ("ND30-MARGINS", 77, nil), ("LT-INDEX", 120, nil), ("MC-ONLINE-RATE", 95, nil),
        ]),
        unit("reports/truong-thcs-le-loi-2024.yaml", "Trường THCS Lê Lợi", "school", score: (9, 9), []),
        unit("reports/so-noi-vu-2024.yaml", "Sở Nội vụ tỉnh Quảng Nam", "department", score: (11, 12), [
            ("ND30-MARGINS", 52, nil),
            ("CD-REPORTS", 20, WaiverNote(reason: "Báo cáo quý I gửi bằng văn bản giấy, đã có xác nhận", origin: .report)),
        ]),
        {
            var report = unit("reports/cac-xa-2024.yaml", nil, nil, score: (0, 0), [])
            report.documentIndex = 2
            report.findings = [Finding(ruleID: "SCHEMA-REQUIRED", severity: .error, title: "Thiếu trường bắt buộc",
                                       message: "thiếu thông tin: unit", area: "schema",
                                       location: SourceLocation(file: "reports/cac-xa-2024.yaml", line: 31, column: 1), path: "unit")]
            return report
        }(),
    ], rules: rules)

    /// A report whose findings are the named rules' (as described in `rules`), each at `line`.
    static func unit(_ file: String, _ name: String?, _ kind: String?, score: (Double, Double),
                     _ findings: [(rule: String, line: Int, waiver: WaiverNote?)]) -> ReportResult {
        let described = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
        return ReportResult(
            file: file, unitName: name, unitKind: kind, year: name == nil ? nil : 2024,
            findings: findings.map { rule, line, waiver in
                let descriptor = described[rule]!
                return Finding(ruleID: rule, severity: descriptor.severity, title: descriptor.title,
                               message: "không đạt: \(descriptor.title)", basis: descriptor.basis,
                               fix: descriptor.fix, area: descriptor.area,
                               location: SourceLocation(file: file, line: line, column: 5), path: "", waiver: waiver)
            },
            outcomes: Set(findings.map(\.rule)).sorted().map { id in
                RuleOutcome(ruleID: id, status: .failed, points: 1, findingCount: findings.count { $0.rule == id })
            },
            score: Score(earned: score.0, possible: score.1)
        )
    }

    // MARK: - No report at all.

    static let empty = RunResult(toolVersion: toolVersion, reports: [], rules: [])

    /// `many`, compared with a baseline that also held a described rule's finding and an
    /// unknown rule's, neither of which occurs any more.
    static let withVanishedBaselineEntries = RunResult(
        toolVersion: toolVersion, reports: many.reports, rules: rules,
        resolvedBaselineEntries: ["ND30-MARGINS|UBND xã Tiên Lãnh|2024|documents[9].layout.margins_mm.left", "QN-OLD|reports/x.yaml|"],
        comparedWithBaseline: true)
}
