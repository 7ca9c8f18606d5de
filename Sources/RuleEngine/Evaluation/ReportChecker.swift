import Foundation
import YAML

/// Options of a check run that change which rules apply and how waivers are judged.
public struct CheckOptions: Sendable {
    /// Check as of this day instead of the report's `period.year` (`--as-of`).
    public var asOf: CalendarDate?
    /// Today: the day rules are selected for, and waivers' `expires` compared with, only for a
    /// report that gives no date of its own (`submitted_on`, `period.year`) and no `asOf`.
    public var today: CalendarDate
    /// Measure time per rule (`--timings`).
    public var measureTimings: Bool
    /// Seconds one rule may spend on one report before it is stopped and reported as a
    /// RULE-ERROR (`EvaluationBudget`); 0 or less: no limit.
    public var ruleTimeBudget: Double
    /// The most findings one rule (or one kind of schema violation) lists for one report; the
    /// targets past it that fail too are told in one more finding (see `FindingCap`).
    public var maxFindingsPerRule: Int

    public init(asOf: CalendarDate? = nil, today: CalendarDate = .today, measureTimings: Bool = false,
                ruleTimeBudget: Double = EvaluationBudget.defaultSeconds, maxFindingsPerRule: Int = FindingCap.defaultLimit) {
        self.asOf = asOf
        self.today = today
        self.measureTimings = measureTimings
        self.ruleTimeBudget = ruleTimeBudget
        self.maxFindingsPerRule = maxFindingsPerRule
    }
}

extension CalendarDate {
    /// The current day (UTC+7, Vietnam's time zone).
    public static var today: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 + 7 * 3600) / 86400))!
    }
}

/// Checks one report document against a `RuleSet`: schema validation, every applicable rule
/// on every target, not-applicable notices, waivers and the score. Thread-safe: many reports
/// may be checked at once.
public struct ReportChecker: Sendable {
    public let rules: RuleSet
    public let options: CheckOptions
    /// Accumulated time per rule id (nanoseconds), when `options.measureTimings`.
    public let timings = RuleTimings()

    public init(rules: RuleSet, options: CheckOptions = CheckOptions()) {
        self.rules = rules
        self.options = options
    }

    /// Checks one document. `source` (the file's bytes) fills the source lines of findings in
    /// it (those in the config come with the rule set);
    /// `validatingModel: false` skips the SCHEMA-* validation (for reports a program made).
    public func check(_ document: YAMLDocument, source: [UInt8]? = nil, documentIndex: Int? = nil,
                      validatingModel: Bool = true) -> ReportResult {
        let validation = validatingModel ? rules.model?.validation(of: document) : nil
        let ctx = EvaluationContext(document: document, slotCount: rules.slotCount, validation: validation)
        var result = ReportResult(file: document.file, documentIndex: documentIndex)
        let facts = ReportFacts(document, unusableValues: ctx.unusableValues)
        result.unitName = facts.unitName
        result.unitKind = facts.unitKind
        result.year = facts.year
        var findings = capped(validation?.findings ?? [])

        // The day whose law applies, and the period the rules must overlap.
        let day = options.asOf ?? facts.year.map(CalendarDate.lastDay(of:)) ?? options.today
        var skipped: [String: SkippedTargets] = [:]
        for rule in rules.rules {
            let start = options.measureTimings ? DispatchTime.now().uptimeNanoseconds : 0
            let (outcome, ruleFindings) = EvaluationBudget.run(seconds: options.ruleTimeBudget) {
                evaluate(rule, ctx: ctx, facts: facts, day: day, skipped: &skipped)
            }
            if options.measureTimings { timings.add(rule.id, DispatchTime.now().uptimeNanoseconds - start) }
            findings += ruleFindings
            result.outcomes.append(outcome)
        }
        for (packID, targets) in skipped.sorted(by: { $0.key < $1.key }) {
            guard let notice = rules.notices[packID] else { continue }
            for (target, window) in targets.windows.sorted(by: { $0.key < $1.key }) {
                let node = target.node
                ctx.beginRule()
                ctx.slots[notice.slot] = .node(node, .anyObject)
                ctx.slots[notice.fromSlot] = window.from.map(Value.date) ?? .null
                ctx.slots[notice.untilSlot] = window.until.map(Value.date) ?? .null
                findings.append(Finding(
                    ruleID: notice.id, severity: notice.severity, title: notice.title,
                    message: (try? (target.afterWindow ? notice.messageAfter : notice.message)?.render(ctx)) ?? notice.title,
                    basis: rules.packs.first { $0.id == packID }?.basis(on: day), area: packID,
                    location: document.location(node), path: ctx.path(of: node)))
            }
        }
        findings += WaiverApplication.apply(to: &findings, document: document, facts: facts, rules: rules,
                                            outcomes: result.outcomes, options: options)
        findings.sort { ($0.location.line, $0.location.column, $0.ruleID) < ($1.location.line, $1.location.column, $1.ruleID) }
        result.findings = findings
        result.score = Self.score(result.outcomes)
        // Each finding's line from its own file: a config waiver's WAIVER-* finding is not
        // quoted from the report's line of the same number.
        if let source {
            result.sourceLines = Self.lines(findings.filter { $0.location.file == document.file }.map(\.location.line), of: source)
        }
        for finding in findings where finding.location.file != document.file {
            let location = finding.location
            if let line = rules.otherSourceLines[location.file]?[location.line] {
                result.otherFilesSourceLines[location.file, default: [:]][location.line] = line
            }
        }
        return result
    }

    /// At most `options.maxFindingsPerRule` findings of each id, and a summary of the rest.
    private func capped(_ findings: [Finding]) -> [Finding] {
        var caps: [String: FindingCap] = [:]
        var kept = findings.filter { caps[$0.ruleID, default: FindingCap(limit: options.maxFindingsPerRule)].admits($0) }
        for id in caps.keys.sorted() { if let summary = caps[id]?.summary() { kept.append(summary) } }
        return kept
    }

    /// Points of passed rules over points of applicable rules.
    static func score(_ outcomes: [RuleOutcome]) -> Score {
        var score = Score(earned: 0, possible: 0)
        for o in outcomes where o.status != .notApplicable {
            score.possible += o.points
            if o.status == .passed { score.earned += o.points }
        }
        return score
    }

    /// The text of the given 1-based lines of `source`.
    static func lines(_ wanted: [Int], of source: [UInt8]) -> [Int: String] {
        let wantedSet = Set(wanted)
        guard let last = wantedSet.max() else { return [:] }
        var result: [Int: String] = [:]
        source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {  // no bytes: one empty line
                if wantedSet.contains(1) { result[1] = "" }
                return
            }
            let count = buffer.count
            var line = 1
            var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while line <= last, start <= count {
                // memchr finds the line's end far faster than a byte loop.
                let newline = start < count ? memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) : nil
                let end = newline.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                if wantedSet.contains(line) {
                    var stop = end
                    if stop > start, buffer[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
                    result[line] = String(decoding: UnsafeBufferPointer(rebasing: buffer[start ..< stop]), as: UTF8.self)
                }
                line += 1
                start = end + 1
            }
        }
        return result
    }

    // MARK: One rule

    private func evaluate(_ rule: CompiledRule, ctx: EvaluationContext, facts: ReportFacts, day: CalendarDate,
                          skipped: inout [String: SkippedTargets]) -> (RuleOutcome, [Finding]) {
        var outcome = RuleOutcome(ruleID: rule.id, status: .notApplicable, points: rule.definition.points, findingCount: 0)
        guard let root = ctx.root, ctx.document.kind(root) == .mapping else { return (outcome, []) }
        if let window = rule.window, window.field == nil || rule.target == nil {
            let applies = options.asOf.map { window.contains($0) } ?? facts.year.map { window.overlaps(year: $0) } ?? true
            guard applies else { return (outcome, []) }
        }
        // A required section written null (`archive: ~`, `archive:`) is absent too.
        if rule.pack.requires.contains(where: { ctx.document.value(forKey: $0, in: root).map(ctx.document.isNull) ?? true }) {
            return (outcome, [])
        }
        ctx.beginRule()  // the target list's own `let:` values, and those of every target
        // Targets: each element of the list, or the report itself.
        var targets: [(node: NodeID, value: Value, index: Int)] = []
        if let target = rule.target {
            var items: [(node: NodeID, value: Value)] = []
            switch try? target.evaluate(ctx) {
            case .node(let listNode, let type)? where ctx.document.kind(listNode) == .sequence:
                let elementType = type.elementType ?? .any
                items = (0 ..< ctx.document.count(listNode)).map { i in
                    let item = ctx.document.item(listNode, i)
                    return (item, (try? ctx.convert(item, as: elementType)) ?? .null)
                }
            case .list(let values)?:
                // A computed list (`filter(documents, …)`): its elements that are report nodes.
                items = values.compactMap { if case .node(let n, _) = $0 { (n, $0) } else { nil } }
            default:
                return (outcome, [])
            }
            targets.reserveCapacity(items.count)
            for (i, (item, value)) in items.enumerated() {
                if let field = rule.window?.field, let window = rule.window,
                   ctx.document.kind(item) == .mapping, let dateNode = ctx.document.value(forKey: field, in: item),
                   let date = CalendarDate(iso: ctx.document.text(dateNode)), !window.contains(date) {
                    skipped[rule.pack.id, default: SkippedTargets()]
                        .add(SkippedTarget(node: item, afterWindow: window.until.map { date > $0 } ?? false), skippedBy: window)
                    continue
                }
                targets.append((item, value, i))
            }
        } else {
            targets.append((root, .node(root, .anyObject), 0))
        }
        var findings: [Finding] = []
        var cap = FindingCap(limit: options.maxFindingsPerRule)
        var positions: [Int: [Int]] = [:]  // a finding's line and column → its indices in `findings`
        checking: for (position, target) in targets.enumerated() {
            ctx.beginTarget()
            ctx.targetNode = target.node
            // Each target is quick; a list of 100,000 of them is not: the budget holds between
            // them too, looked at every 32 targets (a clock read per target is not free).
            if position % 32 == 31, EvaluationBudget.isExceeded {
                outcome.status = .failed
                findings.append(timeoutFinding(rule, ctx: ctx))
                break
            }
            if let slot = rule.targetSlot { ctx.slots[slot] = target.value }
            if let slot = rule.indexSlot { ctx.slots[slot] = .int(target.index) }
            switch evaluateTarget(rule, ctx: ctx) {
            case .notApplicable:
                continue
            case .passed:
                if outcome.status == .notApplicable { outcome.status = .passed }
            case .failed(let finding):
                outcome.status = .failed
                // Targets that fail alike on a field of the report itself (an absent `submitted_on`
                // that every dossier's deadline is compared with) give one finding, about the
                // report (Decision 3). Looked up by position first: distinct targets rarely share one.
                let position = finding.location.line &* 100_000 &+ finding.location.column
                if let earlier = positions[position],
                   earlier.contains(where: { findings[$0].path == finding.path && findings[$0].message == finding.message }) { continue }
                guard cap.admits(finding) else { continue }
                positions[position, default: []].append(findings.count)
                var f = finding
                f.basis = basis(rule.definition.basis, on: day) ?? rule.pack.basis(on: day)
                findings.append(f)
            case .timedOut(let finding):
                // Out of time on this report: one RULE-ERROR, and the rule stops here.
                outcome.status = .failed
                findings.append(finding)
                break checking
            }
        }
        if var summary = cap.summary() {
            summary.basis = basis(rule.definition.basis, on: day) ?? rule.pack.basis(on: day)
            findings.append(summary)
        }
        outcome.findingCount = findings.count
        return (outcome, findings)
    }

    private enum TargetResult {
        case notApplicable, passed
        case failed(Finding)
        /// The rule's time budget ran out (a RULE-ERROR finding).
        case timedOut(Finding)
    }

    private func evaluateTarget(_ rule: CompiledRule, ctx: EvaluationContext) -> TargetResult {
        do {
            if let when = rule.when {
                do {
                    guard try Operators.truth(when.evaluate(ctx), at: 0) else { return .notApplicable }
                } catch let absence as Absence {
                    // Absent: not applicable (Decision 5). Present but unreadable: not applicable
                    // too when the report model has a finding about the value (one finding for
                    // one slip); reported by the rule when nothing else would.
                    guard absence.invalidText != nil, !(absence.anchor.map(ctx.flaggedValues.contains) ?? false),
                          let check = rule.checks.first else { return .notApplicable }
                    return .failed(try finding(rule, failures: [(check, absence)], ctx: ctx))
                }
            }
            var failures: [(check: CompiledCheck, absence: Absence?)] = []
            for check in rule.checks {
                do {
                    if try !Operators.truth(check.condition.evaluate(ctx), at: 0) { failures.append((check, nil)) }
                } catch let absence as Absence {
                    failures.append((check, absence))
                }
            }
            guard !failures.isEmpty else { return .passed }
            return .failed(try finding(rule, failures: failures, ctx: ctx))
        } catch let error as EvaluationError {
            return .failed(ruleErrorFinding(rule, error, ctx: ctx))
        } catch is EvaluationTimeout {
            return .timedOut(timeoutFinding(rule, ctx: ctx))
        } catch {
            return .failed(ruleErrorFinding(rule, EvaluationError(offset: 0, message: "\(error)"), ctx: ctx))
        }
    }

    private func finding(_ rule: CompiledRule, failures: [(check: CompiledCheck, absence: Absence?)], ctx: EvaluationContext) throws -> Finding {
        func missingText(_ a: Absence) -> String {
            let path = ctx.path(of: a)
            if let text = a.invalidText {
                return "không đọc được \(path): '\(ValueFormatter.excerpt(text))'" + (a.requirement.map { " \($0)" } ?? a.expected.map { " không phải \($0.readerName)" } ?? "")
            }
            var paths = [path]
            for other in a.alsoAbsent where !paths.contains(ctx.path(of: other)) { paths.append(ctx.path(of: other)) }
            return "thiếu thông tin: " + paths.joined(separator: ", ")
        }
        var parts: [String] = []
        var severity: Severity = .info
        for (check, absence) in failures {
            let part: String
            if let absence {
                part = missingText(absence)
                severity = max(severity, rule.severity)
            } else {
                if let own = check.message {
                    part = try own.render(ctx)
                } else if rule.checks.count > 1 {
                    part = "không đạt: \(check.text)"  // the rule's message is already the prefix
                } else {
                    part = try rule.message?.render(ctx) ?? rule.definition.title
                }
                severity = max(severity, check.severity ?? rule.severity)
            }
            // A field that several conditions read is reported missing once, not once per condition.
            if !parts.contains(part) { parts.append(part) }
        }
        if rule.severity != rule.definition.severity { severity = rule.severity }  // re-graded by the config
        let message: String
        if rule.checks.count == 1 {
            message = parts[0]
        } else if failures.contains(where: { $0.absence == nil }), let prefix = try rule.message?.render(ctx) {
            // The rule's message states the violation ("Số liệu hồ sơ không khớp"): only when a
            // condition failed, not when values are missing (Decision 5: "thiếu thông tin: …").
            message = prefix + ": " + parts.joined(separator: "; ")
        } else {
            message = parts.joined(separator: "; ")
        }
        // Where: an absent or unreadable value's own path at its nearest present node
        // (Decision 13), else the rule's `at`, else the first failed check's `at`, else the target.
        var node: NodeID?, path: String
        let first = failures[0]
        if let absence = first.absence {
            node = absence.anchor
            path = ctx.path(of: absence)
        } else if let at = rule.at ?? first.check.at {
            (node, path) = at.locate(in: ctx)
        } else {
            node = ctx.targetNode
            path = node.map { ctx.path(of: $0) } ?? ""
        }
        let location = node.map { ctx.document.location($0) } ?? SourceLocation(file: ctx.document.file, position: ctx.document.startPosition)
        return Finding(ruleID: rule.id, severity: severity, title: rule.definition.title, message: message,
                       fix: try? rule.fix?.render(ctx), area: rule.pack.id, location: location, path: path)
    }

    /// The RULE-ERROR of a rule that ran out of its time on this report, at the target it was at.
    private func timeoutFinding(_ rule: CompiledRule, ctx: EvaluationContext) -> Finding {
        let seconds = ValueFormatter.number(options.ruleTimeBudget, maxFractionDigits: 3)
        let message = "chạy quá thời gian cho phép (\(seconds) giây) trên báo cáo này — thường do biểu thức chính quy "
            + "quay lui quá nhiều, hàm danh sách lồng nhau hoặc danh sách rất dài; quy tắc đã dừng, "
            + "các mục còn lại của nó không được kiểm tra trong báo cáo này"
        return ruleErrorFinding(rule, EvaluationError(offset: 0, message: message), ctx: ctx)
    }

    private func ruleErrorFinding(_ rule: CompiledRule, _ error: EvaluationError, ctx: EvaluationContext) -> Finding {
        let node = ctx.targetNode
        let d = BuiltInFindings.ruleError
        return Finding(ruleID: d.id, severity: .error, title: d.title,
                       message: "quy tắc \(rule.id) (\(rule.definition.location)) lỗi khi chạy: \(error.message)",
                       fix: d.fix, area: rule.pack.id,
                       location: node.map { ctx.document.location($0) } ?? SourceLocation(file: ctx.document.file, line: 1, column: 1),
                       path: node.map { ctx.path(of: $0) } ?? "")
    }
}

/// A target a rule's date window skipped, for its pack's notice.
struct SkippedTarget: Hashable, Comparable {
    let node: NodeID
    /// Dated after the window's `until` (else before its `from`).
    let afterWindow: Bool

    static func < (a: SkippedTarget, b: SkippedTarget) -> Bool { a.node != b.node ? a.node < b.node : !a.afterWindow && b.afterWindow }
}

/// The targets of one pack that rules' date windows skipped, each with the window its notice
/// names: one notice per target (and side of the window), however many rules skipped it.
struct SkippedTargets {
    /// Each skipped target (and side), with the window its notice names.
    private(set) var windows: [SkippedTarget: EffectiveWindow] = [:]

    /// Notes that `window` skipped `target`. Of several windows that skipped it on the same side,
    /// the notice names the one whose bound is nearest the target's date: the earliest `from` (the
    /// first day one of those rules would check it), the latest `until` (the last day one still
    /// did); on a tie, the first rule's.
    mutating func add(_ target: SkippedTarget, skippedBy window: EffectiveWindow) {
        let bound = { (w: EffectiveWindow) in target.afterWindow ? w.until : w.from }
        if let kept = windows[target], let old = bound(kept), let new = bound(window),
           target.afterWindow ? new <= old : new >= old {
            return
        }
        windows[target] = window
    }
}

/// Identity facts of a report, read leniently (for the overview, baselines, year selection and
/// waiver expiry): the report-level fields the engine itself reads.
struct ReportFacts {
    var unitName: String?
    var unitKind: String?
    var year: Int?
    /// `submitted_on`, when it is a date the model allows.
    var submittedOn: CalendarDate?

    /// `unusableValues`: a value the report model does not allow is no value (a year 0 is no
    /// year: rules are then selected as of today, as for an unreadable one).
    init(_ doc: YAMLDocument, unusableValues: [NodeID: String] = [:]) {
        guard let root = doc.root, doc.kind(root) == .mapping else { return }
        if let unit = doc.value(forKey: "unit", in: root) {
            unitName = doc.value(forKey: "name", in: unit).map { doc.text($0) }
            unitKind = doc.value(forKey: "kind", in: unit).map { doc.text($0) }
        }
        if let period = doc.value(forKey: "period", in: root), let y = doc.value(forKey: "year", in: period), unusableValues[y] == nil {
            if case .int(let i) = doc.scalarValue(y) { year = i } else { year = Int(doc.text(y)) }
        }
        if let s = doc.value(forKey: "submitted_on", in: root), unusableValues[s] == nil, doc.kind(s) == .scalar {
            submittedOn = CalendarDate(iso: doc.text(s))
        }
    }

    /// The report's own date: `submitted_on`, else the last day of `period.year`; nil when it
    /// gives neither.
    var reportDate: (day: CalendarDate, description: String)? {
        if let submittedOn { return (submittedOn, "ngày gửi báo cáo \(submittedOn.vietnameseDescription) (submitted_on)") }
        guard let year else { return nil }
        let last = CalendarDate.lastDay(of: year)
        return (last, "ngày cuối năm báo cáo \(last.vietnameseDescription)")
    }
}

/// Time spent per rule, summed over all reports and threads.
public final class RuleTimings: Sendable {
    private let storage = Mutex<[String: UInt64]>([:])

    func add(_ id: String, _ nanoseconds: UInt64) {
        storage.withLock { $0[id, default: 0] += nanoseconds }
    }

    /// Rule id → seconds, slowest first.
    public var slowestFirst: [(id: String, seconds: Double)] {
        storage.withLock { $0 }.map { ($0.key, Double($0.value) / 1e9) }.sorted { $0.seconds > $1.seconds }
    }
}

import Synchronization
