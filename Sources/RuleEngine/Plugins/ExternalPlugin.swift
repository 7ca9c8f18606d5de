import Dispatch
import Foundation
import Synchronization
import YAML

/// Runs an external plugin's function: the executable gets `{"function": name, "args": [...]}`
/// as JSON on stdin and must answer `{"value": …}` or `{"error": "…"}` on stdout within the
/// declared timeout. Answers are cached for the run (plugins must be pure functions).
public final class ExternalPlugin: Sendable {
    public let declaration: PluginDeclaration
    private let cache = Mutex<[String: Result<Value, FunctionError>]>([:])
    /// Set when a call ran past the timeout: later calls fail at once instead of each waiting
    /// out the timeout again (a hung plugin would otherwise cost timeout × reports).
    private let hung = Atomic<Bool>(false)

    public init(declaration: PluginDeclaration) {
        self.declaration = declaration
    }

    /// Calls `function` with `arguments`.
    public func call(_ function: String, _ arguments: [Value]) throws -> Value {
        let request = JSONValue.object([("function", .string(function)), ("args", .array(arguments.map(JSONValue.init)))]).compact
        if let cached = cache.withLock({ $0[request] }) { return try cached.get() }
        let result: Result<Value, FunctionError>
        do { result = .success(try run(request)) } catch let e as FunctionError { result = .failure(e) }
        cache.withLock { $0[request] = result }
        return try result.get()
    }

    private func run(_ request: String) throws -> Value {
        let name = declaration.name
        if hung.load(ordering: .relaxed) {
            throw FunctionError("plugin \(name) đã không trả lời trong \(declaration.timeoutMilliseconds) ms ở một lần gọi trước — không gọi lại trong lần chạy này")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: declaration.command)
        let input = Pipe(), output = Pipe(), errorOutput = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorOutput
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw FunctionError("không chạy được plugin \(name) (\(declaration.command)): \(error.localizedDescription)")
        }
        // Read both pipes while the plugin runs, so a chatty plugin cannot block on a full pipe.
        let collected = Mutex<(out: Data, err: Data)>((Data(), Data()))
        let readers = DispatchGroup()
        for (handle, isOut) in [(output.fileHandleForReading, true), (errorOutput.fileHandleForReading, false)] {
            readers.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collected.withLock { if isOut { $0.out = data } else { $0.err = data } }
                readers.leave()
            }
        }
        try? input.fileHandleForWriting.write(contentsOf: Data(request.utf8))
        try? input.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + .milliseconds(declaration.timeoutMilliseconds)) == .timedOut {
            hung.store(true, ordering: .relaxed)
            // The plugin and what it started: Foundation runs it as the leader of its own
            // process group (a shell plugin's `sleep` would otherwise outlive the run).
            let pid = process.processIdentifier
            kill(getpgid(pid) == pid ? -pid : pid, SIGKILL)
            _ = finished.wait(timeout: .now() + 2)
            _ = readers.wait(timeout: .now() + 1)
            throw FunctionError("plugin \(name) không trả lời trong \(declaration.timeoutMilliseconds) ms — đã dừng")
        }
        _ = readers.wait(timeout: .now() + 2)
        let (out, err) = collected.withLock { $0 }
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: err.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw FunctionError("plugin \(name) thoát với mã \(process.terminationStatus)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        guard let answer = try? JSONSerialization.jsonObject(with: out, options: [.fragmentsAllowed]) as? [String: Any] else {
            let excerpt = String(decoding: out.prefix(80), as: UTF8.self)
            throw FunctionError("plugin \(name) trả về dữ liệu không phải JSON {\"value\": …}: \"\(excerpt)\"")
        }
        if let message = answer["error"] { throw FunctionError("plugin \(name) báo lỗi: \(message)") }
        guard let value = answer["value"] else { throw FunctionError("plugin \(name) trả lời thiếu khóa \"value\"") }
        guard let converted = Value(json: value) else { throw FunctionError("plugin \(name) trả về giá trị không dùng được") }
        return converted
    }
}

/// Registers the functions of packs' external plugins — only when execution is allowed.
public enum PluginFunctions {
    public static func register(into registry: inout FunctionRegistry, packs: [RulePack], allowExec: Bool, errors: inout [RuleError]) {
        for pack in packs {
            for declaration in pack.plugins {
                guard allowExec else {
                    errors.append(RuleError(location: declaration.location,
                                            message: "bộ quy tắc '\(pack.id)' cần chạy plugin '\(declaration.name)' (\(declaration.command)); plugin là mã chạy được — cho phép bằng --allow-exec hoặc 'allow_exec: true' trong cchc.yaml"))
                    continue
                }
                guard FileManager.default.isExecutableFile(atPath: declaration.command) else {
                    errors.append(RuleError(location: declaration.location, message: "plugin '\(declaration.name)': không có tệp chạy được \(declaration.command)"))
                    continue
                }
                let plugin = ExternalPlugin(declaration: declaration)
                for f in declaration.functions {
                    let name = f.name, returnsDate = f.returns.isDate
                    registry.register(FunctionDefinition(
                        name: name, summary: f.summary,
                        parameters: f.parameters.enumerated().map { .value("đối_số_\($0.offset + 1)", $0.element) },
                        returns: f.returns) { args in
                        let value = try plugin.call(name, args.compactMap(\.value))
                        // JSON has no dates: a function declared `returns: date` answers "YYYY-MM-DD".
                        guard returnsDate, case .string(let text) = value else { return value }
                        guard let date = CalendarDate(iso: text) else {
                            throw FunctionError("plugin \(declaration.name): \(name) phải trả về ngày YYYY-MM-DD, nhận '\(text)'")
                        }
                        return .date(date)
                    })
                }
            }
        }
    }
}

extension JSONValue {
    /// A rule-language value as JSON (dates as `YYYY-MM-DD` strings).
    init(_ value: Value) {
        switch value {
        case .null, .node: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .number(Double(i))
        case .decimal(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .date(let d): self = .string(d.description)
        case .list(let items): self = .array(items.map(JSONValue.init))
        }
    }
}

extension ValueType {
    var isDate: Bool { if case .date = self { true } else { false } }
}

extension Value {
    /// A value from a JSONSerialization result.
    init?(json: Any) {
        switch json {
        case is NSNull: self = .null
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { self = .bool(n.boolValue) }
            else if let i = Int(exactly: n.doubleValue), !"\(n)".contains(".") { self = .int(i) }
            else { self = .decimal(n.doubleValue) }
        case let s as String: self = .string(s)  // a date only where the function is declared to return one
        case let a as [Any]:
            var items: [Value] = []
            for element in a {
                guard let v = Value(json: element) else { return nil }
                items.append(v)
            }
            self = .list(items)
        default: return nil
        }
    }
}
