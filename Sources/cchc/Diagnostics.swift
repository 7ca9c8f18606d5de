@preconcurrency import Glibc
import RuleEngine

/// Messages for people on standard error: rule errors like a compiler's, notes, timings.
enum Diagnostics {
    static func print(_ errors: [RuleError]) {
        for e in errors.sorted(by: { ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column) }) {
            write(e.description + (e.ruleID.map { " [\($0)]" } ?? ""))
        }
    }

    static func note(_ message: String) { write("cchc: " + message) }

    static func write(_ line: String) {
        fputs(line + "\n", stderr)
    }

    static func printTimings(_ timings: RuleTimings) {
        let all = timings.slowestFirst
        guard !all.isEmpty else {
            write("Thời gian theo quy tắc: không quy tắc nào chạy (không có báo cáo đọc được, hoặc không quy tắc nào áp dụng).")
            return
        }
        let total = all.reduce(0) { $0 + $1.seconds }
        write("Thời gian theo quy tắc (tổng \(ValueFormatter.number(total * 1000, maxFractionDigits: 1)) ms):")
        for (id, seconds) in all.prefix(20) {
            // Rounded plainly: percent()'s extra decimals keep a rate off a threshold it misses
            // ("3,003%"), which a share of time has not.
            let share = total > 0 ? seconds / total : 0
            write("  \(id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(ValueFormatter.number(seconds * 1000, maxFractionDigits: 2)) ms  \(ValueFormatter.number(share * 100, maxFractionDigits: 1))%")
        }
    }
}

import Foundation
