import YAML

/// A citation that applies for a period: one rule can cite the law in force for the report's
/// year (a decree replaced in 2025 changes the citation, not the rule).
public struct BasisEntry: Sendable, Hashable {
    public var from: CalendarDate?
    public var until: CalendarDate?
    public var text: String

    public init(from: CalendarDate? = nil, until: CalendarDate? = nil, text: String) {
        self.from = from
        self.until = until
        self.text = text
    }

    func inForce(on day: CalendarDate) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }
}

/// The citation in force on a day: the entry whose window holds it, else the nearest one.
func basis(_ entries: [BasisEntry], on day: CalendarDate) -> String? {
    if let e = entries.first(where: { $0.inForce(on: day) }) { return e.text }
    return entries.last(where: { ($0.from ?? day) <= day })?.text ?? entries.first?.text
}

/// When a rule or pack is in force. `field` names a date field of each target (e.g.
/// `issued_on` of a document) that must fall in the window for that target to be checked.
public struct EffectiveWindow: Sendable, Hashable {
    public var from: CalendarDate?
    public var until: CalendarDate?
    public var field: String?

    public init(from: CalendarDate? = nil, until: CalendarDate? = nil, field: String? = nil) {
        self.from = from
        self.until = until
        self.field = field
    }

    /// Whether the window holds some day of `year`.
    func overlaps(year: Int) -> Bool {
        (from.map { $0 <= CalendarDate.lastDay(of: year) } ?? true) && (until.map { CalendarDate.firstDay(of: year) <= $0 } ?? true)
    }

    func contains(_ day: CalendarDate) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }
}

/// One condition of a rule, with its own message when a rule lists several.
struct CheckDefinition {
    var condition: ExpressionSource
    var message: ExpressionSource?
    var severity: Severity?
    var at: ExpressionSource?
}

/// A rule as written in a rule file, before compilation.
public struct RuleDefinition {
    public var id: String
    public var title: String
    public var severity: Severity
    public var basis: [BasisEntry]
    public var description: String?
    public var points: Double
    public var tags: [String]
    public var effective: EffectiveWindow?
    /// Where the rule starts in its file.
    public var location: SourceLocation
    /// The id of the pack that holds it.
    public var packID: String
    var forEach: ExpressionSource?
    var variable: String
    /// The name bound to the target's 0-based position in its list (`index:`), if any.
    var indexVariable: String?
    var when: ExpressionSource?
    var bindings: [(name: String, source: ExpressionSource)]
    var checks: [CheckDefinition]
    var message: ExpressionSource?
    var fix: ExpressionSource?
    var at: ExpressionSource?

    /// The text of `fix` as written (for catalogues).
    public var fixText: String? { fix?.text }
    /// `fixText` in pieces: literal text, and each `{{ … }}` placeholder's expression (trimmed),
    /// so a catalogue can show placeholders as code; nil without a fix.
    public var fixPieces: [(isPlaceholder: Bool, text: String)]? {
        guard let text = fixText else { return nil }
        guard let pieces = try? Template.split(text) else { return [(false, text)] }
        return pieces.map { ($0.isPlaceholder, $0.isPlaceholder ? $0.text.trimmingCharacters(in: .whitespaces) : $0.text) }
    }
    /// The condition(s) as written.
    public var conditionTexts: [String] { checks.map(\.condition.text) }
    /// The list the rule iterates over, as written (nil for the whole report).
    public var targetText: String? { forEach?.text }
}

/// Reads rule files: `rules:` is a list of rules (a file may also be a bare list).
enum RuleFileReader {
    static let ruleKeys = ["id", "title", "severity", "basis", "description", "for_each", "as", "index", "when", "let",
                           "require", "message", "fix", "at", "points", "tags", "effective"]
    /// Whether `id` is written like `ND30-FONT`: `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$` (checked by hand:
    /// building a regular expression for each of hundreds of rules slowed every start-up).
    static func isWellFormedID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(first), bytes.last != UInt8(ascii: "-") else { return false }
        var previous = first
        for b in bytes.dropFirst() {
            let upperOrDigit = (UInt8(ascii: "A") ... UInt8(ascii: "Z")).contains(b) || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(b)
            guard upperOrDigit || (b == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = b
        }
        return true
    }

    static func read(_ document: YAMLDocument, packID: String, errors: inout [RuleError]) -> [RuleDefinition] {
        guard let root = document.root else { return [] }
        var ruleNodes: [NodeID] = []
        switch document.kind(root) {
        case .sequence:
            ruleNodes = document.items(root)
        case .mapping:
            let file = MappingReader(document, root, what: "tệp quy tắc", allowedKeys: ["rules"], errors: &errors)
            ruleNodes = file.list("rules", errors: &errors) ?? []
        case .scalar:
            errors.append(RuleError(location: document.location(root), message: "tệp quy tắc phải có 'rules:' là danh sách quy tắc"))
        }
        return ruleNodes.compactMap { read(rule: $0, in: document, packID: packID, errors: &errors) }
    }

    static func read(rule node: NodeID, in doc: YAMLDocument, packID: String, errors: inout [RuleError]) -> RuleDefinition? {
        let before = errors.count
        let r = MappingReader(doc, node, what: "quy tắc", allowedKeys: ruleKeys, errors: &errors)
        guard doc.kind(node) == .mapping else { return nil }
        let id = r.string("id", required: true, errors: &errors) ?? "?"
        if let idNode = r.node("id"), !isWellFormedID(id) {
            errors.append(RuleError(location: doc.location(idNode), message: "mã quy tắc '\(id)' phải viết HOA, dạng ND30-FONT"))
        }
        let title = r.string("title", required: true, errors: &errors) ?? id
        var severity = Severity.error
        if let text = r.string("severity", required: true, errors: &errors) {
            if let s = Severity(rawValue: text) { severity = s } else {
                errors.append(RuleError(location: doc.location(r.node("severity")!), message: "severity phải là error, warning hoặc info; nhận '\(text)'" + Suggestions.phrase(Suggestions.nearest(to: text, among: Severity.allCases.map(\.rawValue)))))
            }
        }
        let basis = readBasis(r, errors: &errors)
        if basis.isEmpty, r.node("basis") == nil {
            errors.append(RuleError(location: doc.location(node), message: "quy tắc \(id) thiếu 'basis' (căn cứ pháp lý)"))
        }
        var checks: [CheckDefinition] = []
        if let requireNode = r.node("require") {
            switch doc.kind(requireNode) {
            case .scalar:
                checks = [CheckDefinition(condition: ExpressionSource(document: doc, node: requireNode), message: nil, severity: nil, at: nil)]
            case .sequence:
                for item in doc.items(requireNode) {
                    let c = MappingReader(doc, item, what: "điều kiện trong 'require'", allowedKeys: ["check", "message", "severity", "at"], errors: &errors)
                    guard let condition = c.node("check") else {
                        errors.append(RuleError(location: doc.location(item), message: "mỗi mục của 'require' cần 'check: <biểu thức>'"))
                        continue
                    }
                    var itemSeverity: Severity?
                    if let s = c.string("severity", errors: &errors) {
                        itemSeverity = Severity(rawValue: s)
                        if itemSeverity == nil { errors.append(RuleError(location: doc.location(c.node("severity")!), message: "severity phải là error, warning hoặc info")) }
                    }
                    checks.append(CheckDefinition(condition: ExpressionSource(document: doc, node: condition),
                                                  message: c.node("message").map { ExpressionSource(document: doc, node: $0) },
                                                  severity: itemSeverity,
                                                  at: c.node("at").map { ExpressionSource(document: doc, node: $0) }))
                }
            case .mapping:
                errors.append(RuleError(location: doc.location(requireNode), message: "'require' là một biểu thức, hoặc danh sách các mục {check, message}"))
            }
        } else {
            errors.append(RuleError(location: doc.location(node), message: "quy tắc \(id) thiếu 'require' (điều kiện phải thỏa)"))
        }
        var bindings: [(String, ExpressionSource)] = []
        for (key, value) in r.pairs("let", errors: &errors) ?? [] {
            bindings.append((doc.text(key), ExpressionSource(document: doc, node: value)))
        }
        let effective = readEffective(r, errors: &errors)
        func source(_ key: String) -> ExpressionSource? {
            guard let n = r.node(key) else { return nil }
            guard doc.kind(n) == .scalar else {
                errors.append(RuleError(location: doc.location(n), message: "'\(key)' phải là một chuỗi"))
                return nil
            }
            return ExpressionSource(document: doc, node: n)
        }
        // Every finding says what is wrong in words: the rule's `message`, or each condition's own.
        if r.node("message") == nil, checks.isEmpty || checks.contains(where: { $0.message == nil }) {
            errors.append(RuleError(location: doc.location(node), message: "quy tắc \(id) thiếu 'message' (thông báo khi vi phạm)"
                                    + (checks.count > 1 ? ", hoặc 'message' ở mọi điều kiện của 'require'" : "")))
        }
        let definition = RuleDefinition(
            id: id, title: title, severity: severity, basis: basis,
            description: r.string("description", errors: &errors),
            points: r.number("points", errors: &errors) ?? 1,
            tags: r.strings("tags", errors: &errors) ?? [],
            effective: effective, location: doc.location(node), packID: packID,
            forEach: source("for_each"), variable: r.string("as", errors: &errors) ?? "it",
            indexVariable: r.string("index", errors: &errors),
            when: source("when"), bindings: bindings, checks: checks,
            message: source("message"), fix: source("fix"), at: source("at"))
        for i in before ..< errors.count where errors[i].ruleID == nil { errors[i].ruleID = id }
        return definition
    }

    /// `basis:` as one citation or a list of `{from, until, text}`.
    static func readBasis(_ r: MappingReader, errors: inout [RuleError]) -> [BasisEntry] {
        guard let node = r.node("basis") else { return [] }
        let doc = r.document
        switch doc.kind(node) {
        case .scalar:
            return [BasisEntry(text: doc.text(node))]
        case .sequence:
            return doc.items(node).compactMap { item in
                let b = MappingReader(doc, item, what: "mục căn cứ", allowedKeys: ["from", "until", "text"], errors: &errors)
                guard let text = b.string("text", required: true, errors: &errors) else { return nil }
                return BasisEntry(from: b.date("from", errors: &errors), until: b.date("until", errors: &errors), text: text)
            }
        case .mapping:
            errors.append(RuleError(location: doc.location(node), message: "'basis' là một chuỗi, hoặc danh sách các mục {from, until, text}"))
            return []
        }
    }

    /// `effective: {from, until, field}`.
    static func readEffective(_ r: MappingReader, errors: inout [RuleError]) -> EffectiveWindow? {
        guard let node = r.node("effective") else { return nil }
        let e = MappingReader(r.document, node, what: "'effective'", allowedKeys: ["from", "until", "field"], errors: &errors)
        let window = EffectiveWindow(from: e.date("from", errors: &errors), until: e.date("until", errors: &errors),
                                     field: e.string("field", errors: &errors))
        if let f = window.from, let u = window.until, u < f {
            errors.append(RuleError(location: r.document.location(node), message: "'effective': ngày 'until' (\(u)) trước ngày 'from' (\(f))"))
        }
        return window
    }
}

import Foundation
