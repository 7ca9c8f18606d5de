import YAML

/// Applies waivers (the report's `waivers:` and the config's) to a report's findings:
/// covered findings get a `WaiverNote` (shown, never counted); invalid waivers give
/// WAIVER-INVALID and waive nothing; valid ones that cover nothing give WAIVER-UNUSED (also
/// those naming a rule the config keeps from running, or one that does not apply to this
/// report, saying so: their target is not looked for, a report the rule does not apply to
/// need not have it — a school without `one_stop_shop` and a province's mot-cua waiver).
///
/// A waiver's `expires` is compared with the day the report is checked as of: `--as-of` when
/// given, else the report's own date (`ReportFacts.reportDate`), and only for a report without
/// one with today — so the same report gives the same result on any day.
enum WaiverApplication {
    /// Marks waived findings in place and returns the WAIVER-* findings.
    /// `outcomes`: the rules' outcomes on this report (a waiver of a rule not applicable to it
    /// covers nothing, whatever its target).
    static func apply(to findings: inout [Finding], document: YAMLDocument, facts: ReportFacts, rules: RuleSet,
                      outcomes: [RuleOutcome], options: CheckOptions) -> [Finding] {
        var waivers: [WaiverSpec] = []
        if let root = document.root, document.kind(root) == .mapping,
           let list = document.value(forKey: "waivers", in: root), document.kind(list) == .sequence {
            var ignored: [RuleError] = []  // shape problems are the schema's SCHEMA-* findings
            waivers = document.items(list).enumerated().compactMap {
                WaiverReader.read($1, at: $0, in: document, origin: .report, errors: &ignored)
            }
        }
        waivers += rules.configWaivers.filter { $0.unit == nil || $0.unit == facts.unitName }
        var result: [Finding] = []
        let known = rules.knownFindingIDs
        let expiryDay = expiryReference(facts: facts, options: options)
        let notApplicable = Set(outcomes.filter { $0.status == .notApplicable }.map(\.ruleID))
        for waiver in waivers {
            var problems: [String] = []
            // Why the rule makes no finding here whatever the report holds, if it makes none.
            let idle = rules.turnedOffRules[waiver.rule]
                ?? (notApplicable.contains(waiver.rule) ? "quy tắc \(waiver.rule) không áp dụng cho báo cáo này" : nil)
            if (waiver.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("thiếu lý do (reason)") }
            if waiver.rule.isEmpty {
                problems.append("thiếu mã quy tắc (rule)")
            } else if rules.turnedOffRules[waiver.rule] == nil, !known.contains(waiver.rule) || waiver.rule.hasPrefix("WAIVER-") {
                problems.append("không có quy tắc '\(ValueFormatter.excerpt(waiver.rule))'" + Suggestions.phrase(Suggestions.nearest(to: waiver.rule, among: known.sorted())))
            }
            let target = resolve(waiver.target, in: document)
            let targetPath = target ?? waiver.target
            if waiver.target.isEmpty {
                problems.append("thiếu đối tượng (target)")
            } else if target == nil, idle == nil,  // a rule that does not run names no absent field
                      !findings.contains(where: { $0.ruleID == waiver.rule && $0.path == waiver.target }) {
                problems.append("không tìm thấy đối tượng '\(ValueFormatter.excerpt(waiver.target))' trong báo cáo")
            }
            if let expires = waiver.expires, expires < expiryDay.day {
                problems.append("đã hết hạn ngày \(expires.vietnameseDescription), trước \(expiryDay.description)")
            }
            let d = BuiltInFindings.waiverInvalid
            if !problems.isEmpty {
                result.append(Finding(ruleID: d.id, severity: d.severity, title: d.title,
                                      message: "miễn trừ \(named(waiver)) không hợp lệ: " + problems.joined(separator: "; "),
                                      fix: d.fix, area: d.area, location: waiver.location, path: "waivers[\(waiver.index)]"))
                continue
            }
            var used = false
            for i in findings.indices where findings[i].ruleID == waiver.rule && findings[i].waiver == nil && covers(targetPath, findings[i].path) {
                findings[i].waiver = WaiverNote(reason: waiver.reason!, origin: waiver.origin, location: waiver.location)
                used = true
            }
            if !used {
                let u = BuiltInFindings.waiverUnused
                result.append(Finding(ruleID: u.id, severity: u.severity, title: u.title,
                                      message: "miễn trừ \(named(waiver)) không khớp phát hiện nào"
                                          + (idle.map { ": " + $0 } ?? ""),
                                      fix: u.fix, area: u.area, location: waiver.location, path: "waivers[\(waiver.index)]"))
            }
        }
        return result
    }

    /// A waiver as its findings name it: `ND30-FONT cho 'documents[1]'`, each part quoted as a
    /// value (a 100 KB target is not copied whole into every format).
    private static func named(_ waiver: WaiverSpec) -> String {
        "\(ValueFormatter.excerpt(waiver.rule)) cho '\(ValueFormatter.excerpt(waiver.target))'"
    }

    /// The day waivers' `expires` is compared with, and how a message names it.
    static func expiryReference(facts: ReportFacts, options: CheckOptions) -> (day: CalendarDate, description: String) {
        if let asOf = options.asOf { return (asOf, "ngày kiểm tra \(asOf.vietnameseDescription) (--as-of)") }
        if let own = facts.reportDate { return own }
        return (options.today, "hôm nay \(options.today.vietnameseDescription) (báo cáo không ghi ngày gửi và năm báo cáo)")
    }

    /// Whether a waiver target covers a finding path: the same path or one inside it.
    static func covers(_ target: String, _ path: String) -> Bool {
        path == target || path.hasPrefix(target + ".") || path.hasPrefix(target + "[")
    }

    /// The canonical path (`documents[1]`) of a target (`documents[cv-112]`), or nil if the
    /// report has no such node.
    static func resolve(_ target: String, in doc: YAMLDocument) -> String? {
        guard let root = doc.root, let node = ReportPath.node(at: target, from: root, in: doc) else { return nil }
        return ReportPath.of(node, in: doc)
    }
}

import Foundation
