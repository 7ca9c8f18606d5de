#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibYAML

/// Loads YAML (and JSON, which is YAML) into `YAMLDocument`s using the system libyaml's event
/// API. Each document of a stream is returned separately. Throws `YAMLError` — never crashes on
/// hostile input: size, nesting depth and alias expansion are bounded by `limits`.
public struct YAMLLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// The name used for standard input in locations.
    public static let standardInputName = "<stdin>"

    /// Loads every document of the stream in `bytes`. An empty stream gives no documents.
    /// - Throws: `YAMLError`.
    public func load(bytes: [UInt8], file: String) throws -> [YAMLDocument] {
        guard bytes.count <= limits.maxInputBytes else {
            throw YAMLError(
                kind: .sizeLimit, location: SourceLocation(file: file, line: 1, column: 1),
                problem: "input of \(bytes.count) bytes exceeds the limit of \(limits.maxInputBytes) bytes",
                explanation: "tệp quá lớn (\(Self.megabytes(bytes.count)) MB, giới hạn \(Self.megabytes(limits.maxInputBytes)) MB) — báo cáo tự kiểm tra không thể lớn như vậy")
        }
        if bytes.isEmpty { return [] }
        return try bytes.withUnsafeBufferPointer { buffer in
            let builder = TreeBuilder(file: file, input: buffer, limits: limits)
            return try builder.run()
        }
    }

    /// Loads every document of a file.
    /// - Parameters:
    ///   - path: the file to read; `-` reads standard input.
    ///   - displayName: the name to use in locations (default: `path`, or `<stdin>`).
    /// - Throws: `YAMLError` (kind `.io` when the file cannot be read).
    public func load(contentsOf path: String, displayName: String? = nil) throws -> [YAMLDocument] {
        let name = displayName ?? (path == "-" ? Self.standardInputName : path)
        let bytes = try InputFile.read(path: path, displayName: name, limit: limits.maxInputBytes)
        return try load(bytes: bytes, file: name)
    }

    static func megabytes(_ n: Int) -> String {
        let tenths = (n * 10 + (1 << 19)) >> 20
        return "\(tenths / 10),\(tenths % 10)"
    }
}

/// Reads whole files (or standard input) with a size bound, turning every failure into a
/// located `YAMLError` of kind `.io` or `.sizeLimit`.
public enum InputFile {
    /// Reads `path` (`-` = standard input), refusing more than `limit` bytes.
    public static func read(path: String, displayName: String, limit: Int) throws -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        let here = SourceLocation(file: displayName, line: 1, column: 1)
        guard fd >= 0 else {
            throw YAMLError(kind: .io, location: here, problem: "cannot open: \(String(cString: strerror(errno)))",
                            explanation: errno == ENOENT ? "không tìm thấy tệp" : "không mở được tệp (\(String(cString: strerror(errno))))")
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw YAMLError(kind: .io, location: here, problem: "is a directory", explanation: "đây là thư mục, không phải tệp")
            }
            if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
                throw sizeError(Int(info.st_size), limit: limit, at: here)
            }
        }
        var result: [UInt8] = []
        if (info.st_mode & S_IFMT) == S_IFREG { result.reserveCapacity(Int(info.st_size)) }
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw YAMLError(kind: .io, location: here, problem: "read failed: \(String(cString: strerror(errno)))",
                                explanation: "không đọc được tệp")
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0 ..< n])
            if result.count > limit { throw sizeError(result.count, limit: limit, at: here) }
        }
        return result
    }

    static func sizeError(_ size: Int, limit: Int, at location: SourceLocation) -> YAMLError {
        YAMLError(kind: .sizeLimit, location: location,
                  problem: "input of \(size)\(size > limit ? "+" : "") bytes exceeds the limit of \(limit) bytes",
                  explanation: "tệp quá lớn (giới hạn \(YAMLLoader.megabytes(limit)) MB) — báo cáo tự kiểm tra không thể lớn như vậy")
    }
}

/// Drives libyaml's parser over one input and builds the flat trees. Lives for one `load` call.
private final class TreeBuilder {
    let file: String
    let input: UnsafeBufferPointer<UInt8>
    let limits: YAMLLimits

    // The document being built.
    var nodes: [NodeRecord] = []
    var children: [Int32] = []
    var scalarBytes: [UInt8] = []
    var root: Int32 = -1
    var documentStart = SourcePosition(line: 1, column: 1)

    /// Children of the collections still open, innermost last.
    var pending: [Int32] = []
    struct Frame {
        var node: Int32
        var pendingStart: Int
        var anchor: String?
        /// Nodes this collection expands to, counting aliases' subtrees.
        var expandedSize: Int
    }
    var frames: [Frame] = []
    struct Anchor { var node: Int32; var expandedSize: Int }
    var anchors: [String: Anchor] = [:]
    var aliasExpansion = 0

    init(file: String, input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.file = file
        self.input = input
        self.limits = limits
    }

    func run() throws -> [YAMLDocument] {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(kind: .io, location: SourceLocation(file: file, line: 1, column: 1),
                            problem: "cannot initialise libyaml", explanation: "không đủ bộ nhớ")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, input.baseAddress!, input.count)

        var documents: [YAMLDocument] = []
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw libyamlError(parser.pointee) }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                startDocument(at: event.start_mark)
            case YAML_DOCUMENT_END_EVENT:
                documents.append(finishDocument())
            case YAML_SCALAR_EVENT:
                try addScalar(event)
            case YAML_ALIAS_EVENT:
                try addAlias(event)
            case YAML_SEQUENCE_START_EVENT:
                try openCollection(.sequence, event: event, anchor: event.data.sequence_start.anchor)
            case YAML_MAPPING_START_EVENT:
                try openCollection(.mapping, event: event, anchor: event.data.mapping_start.anchor)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try closeCollection(endMark: event.end_mark)
            default:
                break
            }
        }
    }

    // MARK: Documents

    func startDocument(at mark: yaml_mark_t) {
        let expected = max(16, input.count / 40)
        nodes = []
        nodes.reserveCapacity(expected)
        children = []
        children.reserveCapacity(expected)
        scalarBytes = []
        scalarBytes.reserveCapacity(input.count / 2)
        root = -1
        anchors.removeAll(keepingCapacity: true)
        aliasExpansion = 0
        documentStart = position(mark)
    }

    func finishDocument() -> YAMLDocument {
        YAMLDocument(file: file, nodes: nodes, children: children, scalarBytes: scalarBytes,
                     root: root < 0 ? nil : NodeID(root), startPosition: documentStart)
    }

    // MARK: Nodes

    func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, position: position(mark))
    }

    func newRecord(kind: NodeKind, style: ScalarStyle, tag: ScalarTag, start: yaml_mark_t, end: yaml_mark_t,
                   first: Int, count: Int) -> Int32 {
        let id = Int32(nodes.count)
        nodes.append(NodeRecord(
            kind: kind, style: style, tag: tag,
            startLine: Int32(truncatingIfNeeded: start.line + 1), startColumn: Int32(truncatingIfNeeded: start.column + 1),
            endLine: Int32(truncatingIfNeeded: end.line + 1), endColumn: Int32(truncatingIfNeeded: end.column + 1),
            first: Int32(truncatingIfNeeded: first), count: Int32(truncatingIfNeeded: count),
            parent: frames.last?.node ?? -1))
        return id
    }

    /// Attaches a finished node (or an alias target) to the innermost open collection.
    func attach(_ id: Int32, expandedSize: Int) {
        if frames.isEmpty {
            root = id
        } else {
            pending.append(id)
            frames[frames.count - 1].expandedSize &+= expandedSize
        }
    }

    func addScalar(_ event: yaml_event_t) throws {
        let s = event.data.scalar
        let style: ScalarStyle
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let tag = Self.scalarTag(s.tag)
        let first = scalarBytes.count
        if let value = s.value, s.length > 0 {
            scalarBytes.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(s.length)))
        }
        let id = newRecord(kind: .scalar, style: style, tag: tag, start: event.start_mark, end: event.end_mark,
                           first: first, count: Int(s.length))
        if let anchor = s.anchor {
            anchors[String(cString: anchor)] = Anchor(node: id, expandedSize: 1)
        }
        attach(id, expandedSize: 1)
    }

    static func scalarTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> ScalarTag {
        guard let tag else { return .none }
        switch String(cString: tag) {
        case "?": return .none
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:int": return .int
        case "tag:yaml.org,2002:float": return .float
        default: return .string  // `!`, `!!str`, and tags outside the core schema.
        }
    }

    func addAlias(_ event: yaml_event_t) throws {
        let name = String(cString: event.data.alias.anchor)
        guard let anchor = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                throw YAMLError(kind: .recursiveAlias, location: location(event.start_mark),
                                problem: "alias *\(name) refers to a collection that contains it",
                                explanation: "bí danh *\(name) trỏ tới chính nút chứa nó — cấu trúc vòng lặp không được phép")
            }
            throw YAMLError(kind: .undefinedAlias, location: location(event.start_mark),
                            problem: "found undefined alias *\(name)",
                            explanation: "bí danh *\(name) trỏ tới neo &\(name) chưa được định nghĩa ở phía trên")
        }
        aliasExpansion &+= anchor.expandedSize
        if aliasExpansion > limits.maxAliasExpansion || aliasExpansion < 0 {
            throw YAMLError(kind: .aliasExpansionLimit, location: location(event.start_mark),
                            problem: "aliases expand to more than \(limits.maxAliasExpansion) nodes",
                            explanation: "bí danh (alias) sinh ra quá nhiều nút — tệp có dạng 'bom bí danh', không xử lý")
        }
        attach(anchor.node, expandedSize: anchor.expandedSize)
    }

    func openCollection(_ kind: NodeKind, event: yaml_event_t, anchor: UnsafeMutablePointer<yaml_char_t>?) throws {
        if frames.count >= limits.maxDepth {
            throw YAMLError(kind: .depthLimit, location: location(event.start_mark),
                            problem: "nesting deeper than \(limits.maxDepth) levels",
                            explanation: "cấu trúc lồng nhau quá sâu (hơn \(limits.maxDepth) cấp) — báo cáo không cần sâu như vậy")
        }
        let id = newRecord(kind: kind, style: .plain, tag: .none, start: event.start_mark, end: event.end_mark,
                           first: 0, count: 0)
        frames.append(Frame(node: id, pendingStart: pending.count,
                            anchor: anchor.map { String(cString: $0) }, expandedSize: 1))
    }

    func closeCollection(endMark: yaml_mark_t) throws {
        let frame = frames.removeLast()
        let first = children.count
        let count = pending.count - frame.pendingStart
        children.append(contentsOf: pending[frame.pendingStart...])
        pending.removeSubrange(frame.pendingStart...)
        let index = Int(frame.node)
        nodes[index].first = Int32(truncatingIfNeeded: first)
        nodes[index].count = Int32(truncatingIfNeeded: count)
        nodes[index].endLine = Int32(truncatingIfNeeded: endMark.line + 1)
        nodes[index].endColumn = Int32(truncatingIfNeeded: endMark.column + 1)
        if nodes[index].kind == .mapping { try checkDuplicateKeys(pairsAt: first, count: count / 2) }
        if let name = frame.anchor {
            anchors[name] = Anchor(node: frame.node, expandedSize: frame.expandedSize)
        }
        attach(frame.node, expandedSize: frame.expandedSize)
    }

    // MARK: Duplicate keys

    /// How a scalar key is compared: its text, and whether it is a string (`1` and `"1"` differ).
    struct KeyIdentity: Hashable {
        var text: ArraySlice<UInt8>
        var isString: Bool
    }

    func keyIdentity(_ key: Int32) -> KeyIdentity? {
        let r = nodes[Int(key)]
        guard r.kind == .scalar else { return nil }
        let text = scalarBytes[Int(r.first) ..< Int(r.first + r.count)]
        var isString = r.style != .plain || r.tag == .string
        if !isString, r.tag == .none {
            isString = text.withUnsafeBufferPointer { if case .string = CoreSchema.resolvePlain($0) { true } else { false } }
        }
        return KeyIdentity(text: text, isString: isString)
    }

    func checkDuplicateKeys(pairsAt first: Int, count: Int) throws {
        guard count > 1 else { return }
        if count <= 12 {
            for i in 1 ..< count {
                guard let ki = keyIdentity(children[first + 2 * i]) else { continue }
                for j in 0 ..< i {
                    if let kj = keyIdentity(children[first + 2 * j]), kj == ki {
                        throw duplicate(children[first + 2 * j], children[first + 2 * i])
                    }
                }
            }
            return
        }
        var seen: [KeyIdentity: Int32] = [:]
        seen.reserveCapacity(count)
        for i in 0 ..< count {
            let key = children[first + 2 * i]
            guard let identity = keyIdentity(key) else { continue }
            if let earlier = seen.updateValue(key, forKey: identity) { throw duplicate(earlier, key) }
        }
    }

    func duplicate(_ firstKey: Int32, _ secondKey: Int32) -> YAMLError {
        let a = nodes[Int(firstKey)], b = nodes[Int(secondKey)]
        let text = String(decoding: scalarBytes[Int(b.first) ..< Int(b.first + b.count)], as: UTF8.self)
        let firstLocation = SourceLocation(file: file, line: Int(a.startLine), column: Int(a.startColumn))
        return YAMLError(
            kind: .duplicateKey,
            location: SourceLocation(file: file, line: Int(b.startLine), column: Int(b.startColumn)),
            problem: "duplicate key '\(text)' (first at \(firstLocation.line):\(firstLocation.column))",
            relatedLocation: firstLocation,
            explanation: "khóa '\(text)' bị lặp lại — đã có ở dòng \(firstLocation.line), cột \(firstLocation.column); hãy gộp hoặc xóa một khóa")
    }

    // MARK: libyaml errors

    func libyamlError(_ p: yaml_parser_t) -> YAMLError {
        let problem = p.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        let context = p.context.map { String(cString: $0) }
        if p.error == YAML_READER_ERROR {
            let where_ = positionOfByte(Int(p.problem_offset))
            var text = problem
            if p.problem_value != -1 { text += String(format_hex: Int(p.problem_value)) }
            return YAMLError(kind: .encoding, location: SourceLocation(file: file, position: where_),
                             problem: text,
                             explanation: YAMLExplanation.forSyntax(problem: problem, context: context, offendingCharacter: nil))
        }
        if p.error == YAML_MEMORY_ERROR {
            return YAMLError(kind: .syntax, location: SourceLocation(file: file, line: 1, column: 1),
                             problem: "libyaml ran out of memory", explanation: "không đủ bộ nhớ để đọc tệp")
        }
        let mark = location(p.problem_mark)
        let offending = character(atLine: mark.line, column: mark.column)
        var explanation = YAMLExplanation.forSyntax(problem: problem, context: context, offendingCharacter: offending)
        if explanation.hasPrefix("cú pháp"), let c = offending, c == "\t" || lineHasLeadingTab(mark.line) {
            explanation = YAMLExplanation.forSyntax(problem: "tab character", context: nil, offendingCharacter: "\t")
        }
        let hasContext = context != nil && (p.context_mark.line != 0 || p.context_mark.column != 0 || p.context_mark.index != 0)
        return YAMLError(kind: .syntax, location: mark, problem: problem, context: context,
                         contextLocation: hasContext ? location(p.context_mark) : nil,
                         explanation: explanation)
    }

    /// Line and column (in Unicode scalars) of a byte offset, for reader errors.
    func positionOfByte(_ offset: Int) -> SourcePosition {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, input.count)
        while i < end {
            let b = input[i]
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// Byte offset where 1-based `line` starts, or nil.
    func lineStart(_ line: Int) -> Int? {
        var current = 1, i = 0
        while current < line {
            guard let nl = UnsafeBufferPointer(rebasing: input[i...]).firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            i += nl + 1
            current += 1
        }
        return i
    }

    func character(atLine line: Int, column: Int) -> Unicode.Scalar? {
        guard var i = lineStart(line) else { return nil }
        var col = 1
        while i < input.count, input[i] != UInt8(ascii: "\n") {
            if input[i] & 0xC0 != 0x80 {
                if col == column { return input[i] < 0x80 ? Unicode.Scalar(input[i]) : nil }
                col += 1
            }
            i += 1
        }
        return nil
    }

    func lineHasLeadingTab(_ line: Int) -> Bool {
        guard var i = lineStart(line) else { return false }
        while i < input.count, input[i] == UInt8(ascii: " ") || input[i] == UInt8(ascii: "\t") {
            if input[i] == UInt8(ascii: "\t") { return true }
            i += 1
        }
        return false
    }
}

private extension String {
    init(format_hex value: Int) {
        self = " (byte 0x" + String(value, radix: 16, uppercase: true) + ")"
    }
}
