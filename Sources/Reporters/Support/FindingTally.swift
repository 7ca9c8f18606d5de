import RuleEngine

/// Counts of findings in three disjoint classes: those that count (per severity), the waived
/// ones, and the baselined ones (not new, not waived). Every summary line of every format is
/// built from this, so the formats agree.
struct FindingTally: Equatable, Sendable {
    private var counting: [Severity: Int] = [:]
    private(set) var waived = 0
    private(set) var baselined = 0

    init(_ findings: some Sequence<Finding>) {
        for finding in findings {
            if finding.waiver != nil {
                waived += 1
            } else if !finding.isNew {
                baselined += 1
            } else {
                counting[finding.severity, default: 0] += 1
            }
        }
    }

    /// The counts of both tallies together.
    mutating func add(_ other: FindingTally) {
        for (severity, n) in other.counting { counting[severity, default: 0] += n }
        waived += other.waived
        baselined += other.baselined
    }

    /// Findings of this severity that count (neither waived nor baselined).
    func count(_ severity: Severity) -> Int { counting[severity] ?? 0 }

    /// All findings that count.
    var counted: Int { counting.values.reduce(0, +) }

    /// All findings, whatever their class.
    var total: Int { counted + waived + baselined }

    /// "2 lỗi, 1 cảnh báo, 0 thông tin; 1 đã miễn trừ; 1 đã có trong baseline", or
    /// "không có phát hiện".
    var vietnameseSummary: String {
        guard total > 0 else { return "không có phát hiện" }
        var parts = [Severity.allCases.reversed().map { "\(count($0)) \($0.vietnameseName)" }.joined(separator: ", ")]
        if waived > 0 { parts.append("\(waived) \(Wording.waived)") }
        if baselined > 0 { parts.append("\(baselined) \(Wording.baselined)") }
        return parts.joined(separator: "; ")
    }
}
