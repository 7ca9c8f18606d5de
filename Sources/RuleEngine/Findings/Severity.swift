/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// The Vietnamese word shown to users (`lỗi`, `cảnh báo`, `thông tin`).
    public var vietnameseName: String {
        switch self {
        case .info: "thông tin"
        case .warning: "cảnh báo"
        case .error: "lỗi"
        }
    }
}
