import Foundation
import YAML

/// A pack parameter with its default (a config may override it).
public struct PackParameter: Sendable {
    public var name: String
    public var defaultValue: Value
    public var description: String?
    /// How a string value must be written (`format:` in pack.yaml), checked for the default
    /// when the pack loads and for a config's value before any rule runs.
    public var format: ParameterFormat?
    /// The least and greatest value a number parameter may take (`minimum:`, `maximum:` in
    /// pack.yaml, both ends allowed): a rate is declared 0–1, so a config's `30` meant as 30 %
    /// is refused where it is written instead of every report reading "tối thiểu 3000%".
    public var minimum: Double?
    public var maximum: Double?
    public var location: SourceLocation

    /// Why `value` cannot stand for this parameter (a config's override: it must have the
    /// default's type, be written in the parameter's `format` and lie in its range), or nil
    /// when it can.
    func problem(with value: Value) -> String? {
        let type = ExpressionCompiler.staticType(of: defaultValue)
        if !value.conforms(to: type) {
            // Said to the config's author (a province's staff), in Vietnamese only.
            return "phải là \(type.readerName), nhận \(ExpressionCompiler.staticType(of: value).readerName) '\(ValueFormatter.excerpt(ValueFormatter.text(value)))'"
        }
        if let format, !format.accepts(value) { return "phải là \(format.expectation), nhận '\(ValueFormatter.text(value))'" }
        if let number = value.number, number.isNaN && (minimum != nil || maximum != nil)
            || minimum.map({ number < $0 }) ?? false || maximum.map({ number > $0 }) ?? false {
            return "phải \(range ?? ""), nhận \(Self.written(number))" + (isFraction ? " — " + Self.fractionHint(number) : "")
        }
        return nil
    }

    /// The values allowed, in Vietnamese: "từ 0 đến 1", "từ 5 trở lên", "từ 10 trở xuống"; nil
    /// without bounds.
    public var range: String? {
        switch (minimum, maximum) {
        case let (low?, high?): "từ \(Self.written(low)) đến \(Self.written(high))"
        case let (low?, nil): "từ \(Self.written(low)) trở lên"
        case let (nil, high?): "từ \(Self.written(high)) trở xuống"
        case (nil, nil): nil
        }
    }

    /// A rate or share, 0–1: its values are read as fractions, not percentages.
    private var isFraction: Bool { minimum == 0 && maximum == 1 }

    /// How to write the percentage a province probably meant: `30 % viết là 0.3`.
    private static func fractionHint(_ number: Double) -> String {
        number > 1 && number <= 100
            ? "tỷ lệ viết dạng số thập phân: \(written(number)) % viết là \(written(number / 100))"
            : "tỷ lệ viết dạng số thập phân, ví dụ 30 % viết là 0.3"
    }

    /// A number as YAML writes it (`0.3`, `30`), for messages about what to write.
    private static func written(_ number: Double) -> String {
        ValueFormatter.number(number, maxFractionDigits: 10).replacingOccurrences(of: ",", with: ".")
    }
}

/// A form a string parameter's value must take, declared with `format:` in pack.yaml, so a
/// config's typo is refused where it is written instead of failing a rule on every report.
public enum ParameterFormat: String, Sendable, CaseIterable {
    /// A day of the year, `MM-DD` (`"01-31"`), that every year has: a rule builds the day of
    /// the report's year from it (`date(text(period.year) + "-" + params.deadline)`).
    case monthDay = "month-day"

    /// What a value in this format is, in Vietnamese, for messages.
    var expectation: String {
        switch self {
        case .monthDay: "ngày trong năm dạng MM-DD, có ở mọi năm (ví dụ \"01-31\"; không dùng \"02-29\")"
        }
    }

    /// Whether `value` is written in this format.
    func accepts(_ value: Value) -> Bool {
        guard case .string(let text) = value else { return false }
        switch self {
        case .monthDay: return CalendarDate(iso: "2021-" + text) != nil  // 2021: not a leap year
        }
    }
}

/// A function an external plugin provides, as the pack manifest declares it.
public struct PluginFunctionDeclaration: Sendable {
    public var name: String
    public var parameters: [ValueType]
    public var returns: ValueType
    public var summary: String
}

/// An executable declared by a pack, spoken to as JSON over stdin/stdout.
public struct PluginDeclaration: Sendable {
    public var name: String
    /// Absolute path of the executable.
    public var command: String
    public var functions: [PluginFunctionDeclaration]
    public var timeoutMilliseconds: Int
    public var location: SourceLocation
}

/// The info finding a pack emits for each target skipped because its date field is outside a
/// rule's window (nd30: documents issued before Decree 30 took effect).
struct NotApplicableNotice {
    var id: String
    var title: String
    /// For a target dated before the window.
    var message: ExpressionSource
    /// For a target dated after the window's `until`; required when a window has one.
    var messageAfter: ExpressionSource?
}

/// A rule pack: a directory with `pack.yaml`, rule files under `rules/` and fixtures under
/// `tests/`. Packs are data: new ones work without recompiling.
public struct RulePack {
    public var id: String
    /// Where pack.yaml writes the `id` (a second pack with the same id is reported there).
    public var location: SourceLocation
    public var title: String
    public var version: String
    public var authority: String?
    public var description: String?
    public var basis: [BasisEntry]
    public var effective: EffectiveWindow?
    /// Report sections the pack reads; when one is absent (or null) the pack does not run.
    public var requires: [String]
    public var params: [PackParameter]
    /// Named data files (absolute paths) that domain functions read (`document_types`).
    public var data: [String: String]
    public var plugins: [PluginDeclaration]
    /// Report fields outside the report format that the pack's rules read (dotted path → type):
    /// typed for the rule checker; reports carrying them still get SCHEMA-UNKNOWN.
    public var extraFields: [String: ValueType]
    public var rules: [RuleDefinition]
    public var directory: String
    /// Fixture files (absolute paths) under `tests/`.
    public var fixtureFiles: [String]
    var notApplicable: NotApplicableNotice?

    /// The citation of the pack in force on a day.
    public func basis(on day: CalendarDate) -> String? { RuleEngine.basis(basis, on: day) }
}

/// Loads a pack directory, collecting every error.
public enum RulePackLoader {
    static let manifestKeys = ["id", "title", "version", "authority", "description", "basis", "effective", "requires",
                               "params", "data", "plugins", "not_applicable", "fields"]

    /// Loads the pack in `directory`. Returns the pack (nil when the manifest is unusable) and
    /// all errors found in the manifest and rule files.
    public static func load(directory: String, loader: YAMLLoader = YAMLLoader()) -> (RulePack?, [RuleError]) {
        var errors: [RuleError] = []
        let manifestPath = (directory as NSString).appendingPathComponent("pack.yaml")
        let documents: [YAMLDocument]
        do { documents = try loader.load(contentsOf: manifestPath) } catch let e as YAMLError {
            return (nil, [RuleError(e)])
        } catch {
            return (nil, [RuleError(location: SourceLocation(file: manifestPath, line: 1, column: 1), message: "\(error)")])
        }
        guard let doc = documents.first, let root = doc.root else {
            return (nil, [RuleError(location: SourceLocation(file: manifestPath, line: 1, column: 1), message: "pack.yaml rỗng")])
        }
        let m = MappingReader(doc, root, what: "pack.yaml", allowedKeys: manifestKeys, errors: &errors)
        guard doc.kind(root) == .mapping, let id = m.string("id", required: true, errors: &errors) else { return (nil, errors) }
        let title = m.string("title", required: true, errors: &errors) ?? id
        var params: [PackParameter] = []
        for (key, value) in m.pairs("params", errors: &errors) ?? [] {
            let p = MappingReader(doc, value, what: "tham số '\(doc.text(key))'",
                                  allowedKeys: ["default", "description", "format", "minimum", "maximum"], errors: &errors)
            guard let defaultNode = p.node("default") else {
                errors.append(RuleError(location: doc.location(key), message: "tham số '\(doc.text(key))' thiếu 'default'"))
                continue
            }
            var format: ParameterFormat?
            if let name = p.string("format", errors: &errors) {
                format = ParameterFormat(rawValue: name)
                if format == nil {
                    let known = ParameterFormat.allCases.map(\.rawValue)
                    errors.append(RuleError(location: doc.location(p.node("format")!), message: "định dạng tham số '\(name)' không có (\(known.joined(separator: ", ")))"
                                            + Suggestions.phrase(Suggestions.nearest(to: name, among: known))))
                }
            }
            var parameter = PackParameter(name: doc.text(key), defaultValue: EvaluationContext.natural(doc.scalarValue(defaultNode)),
                                          description: p.string("description", errors: &errors), format: format, location: doc.location(key))
            // Bounds: numbers, of a number parameter, in order; a refused bound is not applied.
            for bound in ["minimum", "maximum"] {
                guard let node = p.node(bound), let number = p.number(bound, errors: &errors) else { continue }
                guard parameter.defaultValue.number != nil else {
                    errors.append(RuleError(location: doc.location(node), message: "tham số '\(parameter.name)': '\(bound)' chỉ dùng cho tham số số, "
                                            + "giá trị mặc định ở đây là \(ExpressionCompiler.staticType(of: parameter.defaultValue))"))
                    continue
                }
                if bound == "minimum" { parameter.minimum = number } else { parameter.maximum = number }
            }
            if let low = parameter.minimum, let high = parameter.maximum, low > high {
                errors.append(RuleError(location: doc.location(p.node("minimum")!), message: "tham số '\(parameter.name)': 'minimum' (\(doc.text(p.node("minimum")!))) "
                                        + "lớn hơn 'maximum' (\(doc.text(p.node("maximum")!)))"))
                parameter.minimum = nil
                parameter.maximum = nil
            }
            if let problem = parameter.problem(with: parameter.defaultValue) {
                errors.append(RuleError(location: doc.location(defaultNode), message: "giá trị mặc định của tham số '\(parameter.name)' \(problem)"))
            }
            params.append(parameter)
        }
        var data: [String: String] = [:]
        for (key, value) in m.pairs("data", errors: &errors) ?? [] {
            let path = (directory as NSString).appendingPathComponent(doc.text(value))
            if !FileManager.default.fileExists(atPath: path) {
                errors.append(RuleError(location: doc.location(value), message: "không tìm thấy tệp dữ liệu '\(doc.text(value))'"))
            }
            data[doc.text(key)] = path
        }
        var notApplicable: NotApplicableNotice?
        if let n = m.node("not_applicable") {
            let r = MappingReader(doc, n, what: "'not_applicable'", allowedKeys: ["id", "title", "message", "message_after"], errors: &errors)
            if let nid = r.string("id", required: true, errors: &errors), let message = r.node("message") {
                notApplicable = NotApplicableNotice(id: nid, title: r.string("title", errors: &errors) ?? nid,
                                                    message: ExpressionSource(document: doc, node: message),
                                                    messageAfter: r.node("message_after").map { ExpressionSource(document: doc, node: $0) })
            } else if r.node("message") == nil {
                errors.append(RuleError(location: doc.location(n), message: "'not_applicable' thiếu 'message'"))
            }
        }
        let plugins = (m.list("plugins", errors: &errors) ?? []).compactMap {
            readPlugin($0, in: doc, directory: directory, errors: &errors)
        }
        var extraFields: [String: ValueType] = [:]
        for (key, value) in m.pairs("fields", errors: &errors) ?? [] {
            guard let type = ValueType(name: doc.text(value)) else {
                errors.append(RuleError(location: doc.location(value), message: "kiểu '\(doc.text(value))' không hợp lệ (string, int, number, bool, date, list, any)"))
                continue
            }
            extraFields[doc.text(key)] = type
        }
        var rules: [RuleDefinition] = []
        for file in yamlFiles(in: (directory as NSString).appendingPathComponent("rules")) {
            do {
                for ruleDoc in try loader.load(contentsOf: file) {
                    rules += RuleFileReader.read(ruleDoc, packID: id, errors: &errors)
                }
            } catch let e as YAMLError {
                errors.append(RuleError(e))
            } catch {
                errors.append(RuleError(location: SourceLocation(file: file, line: 1, column: 1), message: "\(error)"))
            }
        }
        if rules.isEmpty, errors.isEmpty {
            errors.append(RuleError(location: doc.location(root), message: "bộ quy tắc '\(id)' không có quy tắc nào trong thư mục rules/"))
        }
        let pack = RulePack(
            id: id, location: doc.location(m.node("id")!), title: title, version: m.string("version", errors: &errors) ?? "0",
            authority: m.string("authority", errors: &errors), description: m.string("description", errors: &errors),
            basis: RuleFileReader.readBasis(m, errors: &errors), effective: RuleFileReader.readEffective(m, errors: &errors),
            requires: m.strings("requires", errors: &errors) ?? [], params: params, data: data, plugins: plugins,
            extraFields: extraFields,
            rules: rules, directory: directory,
            fixtureFiles: yamlFiles(in: (directory as NSString).appendingPathComponent("tests")),
            notApplicable: notApplicable)
        // A notice for targets dated after a window's end must not read "issued before".
        if let n = m.node("not_applicable"), notApplicable != nil, notApplicable?.messageAfter == nil,
           let (ruleID, until) = rules.lazy.compactMap({ r in
               EffectiveWindow.merge(pack.effective, r.effective).flatMap { w in w.field == nil ? nil : w.until.map { (r.id, $0) } }
           }).first {
            errors.append(RuleError(location: doc.location(n), message: "'not_applicable' thiếu 'message_after': quy tắc \(ruleID) hết hiệu lực "
                + "sau ngày \(until.vietnameseDescription), đối tượng ghi ngày sau đó cần thông báo riêng (không phải \"ban hành trước\")"))
        }
        return (pack, errors)
    }

    static func readPlugin(_ node: NodeID, in doc: YAMLDocument, directory: String, errors: inout [RuleError]) -> PluginDeclaration? {
        let p = MappingReader(doc, node, what: "khai báo plugin", allowedKeys: ["name", "command", "functions", "timeout_ms"], errors: &errors)
        guard let name = p.string("name", required: true, errors: &errors),
              let command = p.string("command", required: true, errors: &errors) else { return nil }
        let path = command.hasPrefix("/") ? command : (directory as NSString).appendingPathComponent(command)
        var functions: [PluginFunctionDeclaration] = []
        for f in p.list("functions", errors: &errors) ?? [] {
            let r = MappingReader(doc, f, what: "hàm của plugin", allowedKeys: ["name", "params", "returns", "summary"], errors: &errors)
            guard let fname = r.string("name", required: true, errors: &errors) else { continue }
            let parameterTypes = (r.strings("params", errors: &errors) ?? []).map { typeName -> ValueType in
                guard let t = ValueType(name: typeName) else {
                    errors.append(RuleError(location: doc.location(f), message: "kiểu '\(typeName)' không hợp lệ (string, int, number, bool, date, list, any)"))
                    return .any
                }
                return t
            }
            let returnName = r.string("returns", errors: &errors) ?? "any"
            let returns = ValueType(name: returnName) ?? .any
            functions.append(PluginFunctionDeclaration(name: fname, parameters: parameterTypes, returns: returns,
                                                       summary: r.string("summary", errors: &errors) ?? "hàm của plugin \(name)"))
        }
        var timeout = 2000
        if let ms = p.number("timeout_ms", errors: &errors), let node = p.node("timeout_ms") {
            if ms >= 1, ms <= 600_000 { timeout = Int(ms) } else {
                errors.append(RuleError(location: doc.location(node), message: "'timeout_ms' phải từ 1 đến 600000 (mili giây), nhận \(doc.text(node))"))
            }
        }
        return PluginDeclaration(name: name, command: path, functions: functions, timeoutMilliseconds: timeout, location: doc.location(node))
    }

    /// `*.yaml`/`*.yml` files directly in `directory`, sorted; none when it does not exist.
    static func yamlFiles(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }
}

extension ValueType {
    /// Parses a type name of a plugin declaration.
    init?(name: String) {
        switch name {
        case "string": self = .string
        case "int", "integer": self = .int
        case "number": self = .number
        case "bool", "boolean": self = .bool
        case "date": self = .date
        case "list": self = .list(.any)
        case "any": self = .any
        default: return nil
        }
    }
}
