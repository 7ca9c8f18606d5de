import Foundation
import YAML

/// A reasoned exception to one check, from a report's `waivers:` or from the config.
public struct WaiverSpec: Sendable {
    public var rule: String
    /// A path (`documents[1]`) or `list[ref]` (`documents[cv-112]`, `archive.dossiers[01.03]`).
    public var target: String
    public var reason: String?
    public var expires: CalendarDate?
    /// Config waivers only: the unit (`unit.name`) it is for; nil = every unit.
    public var unit: String?
    public var location: SourceLocation
    public var origin: WaiverNote.Origin
    /// Its position in its file's `waivers:` list: WAIVER-* findings are at `waivers[index]`.
    public var index: Int
}

/// `cchc.yaml`: which packs run, rules turned off or re-graded, parameters overridden,
/// permission to run external plugins, and waivers for many units at once.
public struct Configuration: Sendable {
    /// Pack ids to run; nil = every loaded pack.
    public var packs: [String]?
    /// Rule id → new severity; nil value = off.
    public var severities: [String: Severity?] = [:]
    /// Pack id → parameter name → value.
    public var params: [String: [String: Value]] = [:]
    public var allowExec = false
    public var waivers: [WaiverSpec] = []
    /// Extra pack directories (absolute).
    public var packDirectories: [String] = []
    /// Where the config was read from (nil: defaults).
    public var file: String?
    /// The text of the config's lines its waivers start on (line → text): a WAIVER-* finding
    /// located at a config waiver quotes it (not the report's line of that number).
    public var sourceLines: [Int: String] = [:]
    /// Locations of overrides, so unknown rule ids or params are reported where written.
    var overrideLocations: [String: SourceLocation] = [:]

    public init() {}

    static let keys = ["packs", "rules", "params", "allow_exec", "waivers", "rule_packs"]

    /// The config's file names, which `find` looks for in this order (and a folder's walk
    /// leaves out): `cchc.yaml`, or `cchc.yml` for a repository that spells YAML so.
    public static let fileNames = ["cchc.yaml", "cchc.yml"]

    /// Finds `cchc.yaml` (else `cchc.yml`) in `directory` or the nearest parent that has one.
    public static func find(from directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = dir.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Loads a config file, collecting every error.
    public static func load(path: String, loader: YAMLLoader = YAMLLoader()) -> (Configuration, [RuleError]) {
        var config = Configuration()
        config.file = path
        var errors: [RuleError] = []
        let doc: YAMLDocument, bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: path, displayName: path, limit: loader.limits.maxInputBytes)
            guard let d = try loader.load(bytes: bytes, file: path).first, d.root != nil else { return (config, []) }
            doc = d
        } catch let e as YAMLError {
            return (config, [RuleError(e)])
        } catch {
            return (config, [RuleError(location: SourceLocation(file: path, line: 1, column: 1), message: "\(error)")])
        }
        let root = doc.root!
        let c = MappingReader(doc, root, what: "tệp cấu hình cchc.yaml", allowedKeys: keys, errors: &errors)
        guard doc.kind(root) == .mapping else { return (config, errors) }
        config.packs = c.strings("packs", errors: &errors)
        if let p = c.node("packs") { config.overrideLocations["packs"] = doc.location(p) }
        config.allowExec = c.bool("allow_exec", errors: &errors) ?? false
        let base = (path as NSString).deletingLastPathComponent
        config.packDirectories = (c.strings("rule_packs", errors: &errors) ?? []).map {
            $0.hasPrefix("/") ? $0 : (base as NSString).appendingPathComponent($0)
        }
        for (key, value) in c.pairs("rules", errors: &errors) ?? [] {
            let id = doc.text(key)
            config.overrideLocations["rule:" + id] = doc.location(key)
            var text: String?
            if doc.kind(value) == .scalar {
                text = doc.text(value)
                if case .bool(false) = doc.scalarValue(value) { text = "off" }
            } else {
                let r = MappingReader(doc, value, what: "cấu hình quy tắc \(id)", allowedKeys: ["severity"], errors: &errors)
                text = r.string("severity", errors: &errors)
            }
            switch text {
            case "off": config.severities[id] = .some(nil)
            case let t? where Severity(rawValue: t) != nil: config.severities[id] = Severity(rawValue: t)
            default:
                errors.append(RuleError(location: doc.location(value), message: "mức của \(id) phải là off, info, warning hoặc error"))
            }
        }
        for (packKey, values) in c.pairs("params", errors: &errors) ?? [] {
            let packID = doc.text(packKey)
            guard doc.kind(values) == .mapping else {
                errors.append(RuleError(location: doc.location(values), message: "params.\(packID) phải là nhóm 'tên: giá trị'"))
                continue
            }
            for (nameKey, value) in doc.pairs(values) {
                let name = doc.text(nameKey)
                config.params[packID, default: [:]][name] = EvaluationContext.natural(doc.scalarValue(value))
                config.overrideLocations["param:\(packID).\(name)"] = doc.location(nameKey)
            }
            config.overrideLocations["pack:" + packID] = doc.location(packKey)
        }
        for (index, item) in (c.list("waivers", errors: &errors) ?? []).enumerated() {
            if let w = WaiverReader.read(item, at: index, in: doc, origin: .config, errors: &errors) { config.waivers.append(w) }
        }
        config.sourceLines = ReportChecker.lines(config.waivers.map(\.location.line), of: bytes)
        return (config, errors)
    }
}

/// Reads one waiver entry (from a report or a config).
enum WaiverReader {
    static func read(_ node: NodeID, at index: Int, in doc: YAMLDocument, origin: WaiverNote.Origin, errors: inout [RuleError]) -> WaiverSpec? {
        let keys = origin == .config ? ["rule", "target", "reason", "expires", "unit"] : ["rule", "target", "reason", "expires"]
        let w = MappingReader(doc, node, what: "miễn trừ", allowedKeys: keys, errors: &errors)
        guard doc.kind(node) == .mapping else { return nil }
        return WaiverSpec(rule: w.string("rule", errors: &errors) ?? "", target: w.string("target", errors: &errors) ?? "",
                          reason: w.string("reason", errors: &errors), expires: w.date("expires", errors: &errors),
                          unit: origin == .config ? w.string("unit", errors: &errors) : nil,
                          location: doc.location(node), origin: origin, index: index)
    }
}
