import YAML

/// The checks built into the engine (checks.md, "Built into the engine"), apart from the
/// schema's SCHEMA-* findings, which the report model describes.
public enum BuiltInFindings {
    /// Every input that cannot be read as a report (checks.md's id for "not readable"): its
    /// findings carry the fix for their kind of failure (`fix(for:)`); the descriptor names them all.
    public static let yamlSyntax = RuleDescriptor(
        id: "YAML-SYNTAX", title: "Tệp không đọc được", severity: .error, area: "yaml",
        fix: "Làm theo thông báo: sửa cú pháp YAML tại vị trí chỉ ra, kiểm tra đường dẫn và quyền đọc tệp, lưu tệp với mã hóa UTF-8, hoặc lưu lại tệp .docx từ Word.",
        help: "Tệp báo cáo phải mở được và là YAML (hoặc JSON) hợp lệ mã hóa UTF-8, hoặc một tệp .docx đọc được.")
    /// The fix of a YAML syntax error.
    static let yamlSyntaxFix = "Sửa cú pháp tại vị trí được chỉ ra; dùng dấu cách (không dùng tab) để thụt lề."
    public static let yamlDuplicateKey = RuleDescriptor(
        id: "YAML-DUPLICATE-KEY", title: "Khóa bị lặp lại", severity: .error, area: "yaml",
        fix: "Gộp hai khóa trùng hoặc xóa một khóa.", help: "Một nhóm trường không được có hai khóa giống nhau.")
    public static let waiverInvalid = RuleDescriptor(
        id: "WAIVER-INVALID", title: "Miễn trừ không hợp lệ", severity: .error, area: "waiver",
        fix: "Ghi rõ rule, target và reason; kiểm tra mã quy tắc, đường dẫn và ngày hết hạn.",
        help: "Miễn trừ phải có lý do, nêu đúng mã quy tắc và đối tượng, và còn hạn.")
    public static let waiverUnused = RuleDescriptor(
        id: "WAIVER-UNUSED", title: "Miễn trừ không dùng đến", severity: .info, area: "waiver",
        fix: "Xóa miễn trừ nếu vi phạm đã được khắc phục.", help: "Miễn trừ không khớp với phát hiện nào.")
    public static let ruleError = RuleDescriptor(
        id: "RULE-ERROR", title: "Quy tắc lỗi khi chạy", severity: .error, area: "rules",
        fix: "Báo cho người soạn quy tắc; chạy `cchc rules lint`.",
        help: "Một quy tắc gặp lỗi kiểu dữ liệu hoặc lỗi khác khi đánh giá báo cáo.")

    public static let descriptors = [yamlSyntax, yamlDuplicateKey, waiverInvalid, waiverUnused, ruleError]

    /// The fix for a file that cannot be opened or read (missing, a folder, no permission).
    public static let unreadableFileFix = "Kiểm tra đường dẫn tệp (đúng tên, đúng thư mục) và quyền đọc tệp."

    /// A finding for a report that could not be loaded: YAML-DUPLICATE-KEY, or YAML-SYNTAX with
    /// a fix that suits the kind of failure (`fix(for:)`).
    public static func finding(for error: YAMLError) -> Finding {
        let d = error.kind == .duplicateKey ? yamlDuplicateKey : yamlSyntax
        return Finding(ruleID: d.id, severity: .error, title: d.title, message: "\(error.explanation) (\(error.problem))",
                       fix: fix(for: error.kind), area: d.area, location: error.location, path: "",
                       relatedLocations: [error.relatedLocation, error.contextLocation].compactMap { $0 })
    }

    /// A YAML-SYNTAX finding for a file that a translator could not read: its message and fix,
    /// in the terms of that kind of file, as the translator gives them.
    public static func finding(for error: TranslationError) -> Finding {
        let d = yamlSyntax
        return Finding(ruleID: d.id, severity: .error, title: d.title, message: error.message, fix: error.fix,
                       area: d.area, location: error.location, path: "")
    }

    /// What to do about a load failure of this kind: the path and permissions for a file that
    /// cannot be read, UTF-8 for text in another encoding, the YAML syntax otherwise. (The
    /// check's id stays YAML-SYNTAX for all of them, as checks.md specifies.)
    public static func fix(for kind: YAMLError.Kind) -> String {
        switch kind {
        case .io: unreadableFileFix
        case .encoding: "Mở tệp bằng trình soạn thảo văn bản và lưu lại dạng văn bản với mã hóa UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8)."
        case .sizeLimit: "Kiểm tra đây có đúng là tệp báo cáo không: báo cáo tự kiểm tra là một tệp văn bản YAML nhỏ."
        case .duplicateKey: yamlDuplicateKey.fix!
        case .empty: "Điền nội dung báo cáo: tạo mẫu có chú thích bằng `cchc init --kind <loại đơn vị> -o tệp.yaml` rồi điền các mục."
        case .syntax, .undefinedAlias, .recursiveAlias, .aliasExpansionLimit, .depthLimit: yamlSyntaxFix
        }
    }
}
