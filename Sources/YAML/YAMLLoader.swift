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
    /// The bounds every load is held to.
    public var limits: YAMLLimits

    /// A loader with the given limits (default: `YAMLLimits.default`).
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// The name used for standard input in locations.
    public static let standardInputName = "<stdin>"

    /// Loads every document of the stream in `bytes`. An empty stream gives no documents.
    /// - Throws: `YAMLError`.
    public func load(bytes: [UInt8], file: String) throws -> [YAMLDocument] {
        let maxInputBytes = min(limits.maxInputBytes, Int(Int32.max))
        guard bytes.count <= maxInputBytes else {
            throw YAMLError(
                kind: .sizeLimit, location: SourceLocation(file: file, line: 1, column: 1),
                problem: "input of \(bytes.count) bytes exceeds the limit of \(maxInputBytes) bytes",
                explanation: "tệp quá lớn (\(Self.megabytes(bytes.count)) MB, giới hạn \(Self.megabytes(maxInputBytes)) MB) — báo cáo tự kiểm tra không thể lớn như vậy")
        }
        if bytes.isEmpty { return [] }
        return try bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(file: file, input: buffer, limits: limits)
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
/// located `YAMLError` of kind `.io`, `.sizeLimit` or `.encoding`.
public enum InputFile {
    /// Reads `path` (`-` = standard input), refusing more than `limit` bytes. Text that starts
    /// with a UTF-16 byte order mark (what Windows Notepad saves as "Unicode") is returned as
    /// UTF-8 without the mark, so that parsing, locations and quoted source lines all read UTF-8.
    /// - Throws: `YAMLError`; kind `.encoding` for UTF-16 that is not valid (see `utf8(fromUTF16:file:)`).
    public static func read(path: String, displayName: String, limit: Int) throws -> [UInt8] {
        try utf8(fromUTF16: readBytes(path: path, displayName: displayName, limit: limit), file: displayName)
    }

    /// `bytes` transcoded to UTF-8 when they start with a UTF-16 byte order mark (FF FE:
    /// little-endian, FE FF: big-endian), the mark dropped; any other bytes unchanged.
    /// - Throws: `YAMLError` of kind `.encoding` located at the first unpaired surrogate, or at
    ///   a lone last byte, by line and column as an editor counts them (CR LF is one break).
    public static func utf8(fromUTF16 bytes: [UInt8], file: String) throws -> [UInt8] {
        guard bytes.count >= 2 else { return bytes }
        let bigEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): bigEndian = false
        case (0xFE, 0xFF): bigEndian = true
        default: return bytes
        }
        func unit(at i: Int) -> UInt16 {
            bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count / 2 * 3)
        var position = SourcePosition(line: 1, column: 1)
        var afterCarriageReturn = false
        func invalid(_ problem: String) -> YAMLError {
            YAMLError(kind: .encoding, location: SourceLocation(file: file, position: position),
                      problem: "invalid UTF-16: \(problem)",
                      explanation: "tệp UTF-16 có ký tự hỏng — hãy mở tệp và lưu lại với mã hóa UTF-8")
        }
        var i = 2
        while i < bytes.count {
            guard i + 1 < bytes.count else { throw invalid("odd number of bytes") }
            let first = unit(at: i)
            i += 2
            let scalar: Unicode.Scalar
            if UTF16.isLeadSurrogate(first) {
                guard i + 1 < bytes.count, UTF16.isTrailSurrogate(unit(at: i)) else {
                    throw invalid("high surrogate 0x\(String(first, radix: 16, uppercase: true)) without a low surrogate")
                }
                scalar = UTF16.decode(UTF16.EncodedScalar([first, unit(at: i)]))
                i += 2
            } else if let single = Unicode.Scalar(first) {
                scalar = single
            } else {
                throw invalid("low surrogate 0x\(String(first, radix: 16, uppercase: true)) without a high surrogate")
            }
            UTF8.encode(scalar) { utf8.append($0) }
            switch scalar {
            case "\r":
                position = SourcePosition(line: position.line + 1, column: 1)
            case "\n":
                if !afterCarriageReturn { position = SourcePosition(line: position.line + 1, column: 1) }
            default:
                position.column += 1
            }
            afterCarriageReturn = scalar == "\r"
        }
        return utf8
    }

    /// The bytes of `path`, as they are, with the bound and errors of `read`.
    static func readBytes(path: String, displayName: String, limit: Int) throws -> [UInt8] {
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
        // A regular file is read in one piece of its size (+1 to see the end); anything else
        // (a pipe, standard input) in growing pieces. Every piece is read straight into its array.
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        let chunk = 1 << 16
        var pieceSize = isRegular ? min(Int(info.st_size), limit) + 1 : chunk
        var result: [UInt8] = []
        while true {
            let piece = try readPiece(fd, upTo: pieceSize, at: here)
            if result.isEmpty { result = piece } else { result.append(contentsOf: piece) }
            if result.count > limit { throw sizeError(result.count, limit: limit, at: here) }
            if piece.count < pieceSize { return result }  // end of file
            // At most one byte past the limit (written so that `limit: .max` cannot overflow).
            pieceSize = min(max(chunk, result.count), limit - result.count + 1)
        }
    }

    /// Reads until end of file or `capacity` bytes, into a new array of exactly that many bytes.
    static func readPiece(_ fd: Int32, upTo capacity: Int, at location: SourceLocation) throws -> [UInt8] {
        var failure: Int32 = 0
        let piece = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let n = Glibc.read(fd, buffer.baseAddress! + count, capacity - count)
                if n > 0 { count += n; continue }
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno }
                return
            }
        }
        guard failure == 0 else {
            throw YAMLError(kind: .io, location: location, problem: "read failed: \(String(cString: strerror(failure)))",
                            explanation: "không đọc được tệp")
        }
        return piece
    }

    static func sizeError(_ size: Int, limit: Int, at location: SourceLocation) -> YAMLError {
        YAMLError(kind: .sizeLimit, location: location,
                  problem: "input of \(size)\(size > limit ? "+" : "") bytes exceeds the limit of \(limit) bytes",
                  explanation: "tệp quá lớn (giới hạn \(YAMLLoader.megabytes(limit)) MB) — báo cáo tự kiểm tra không thể lớn như vậy")
    }
}

/// Drives libyaml's parser over one input and builds the flat trees. Lives for one `load` call.
///
/// A non-copyable struct, not a class: a class pays a dynamic exclusivity check on every
/// stored-property access, and a copyable struct was copied (all its arrays retained and
/// released) whenever a mutating method called a non-mutating one. Together they made loading
/// 1.7 times slower.
private struct TreeBuilder: ~Copyable {
    let file: String
    let input: UnsafeBufferPointer<UInt8>
    let limits: YAMLLimits

    // The document being built.
    var nodes: [NodeRecord] = []
    var children: [Int32] = []
    /// Scalar text of the document, copied out into an exact-size array when it is finished.
    var scalarBytes: ByteBuffer
    var root: Int32 = -1
    var documentStart = SourcePosition(line: 1, column: 1)

    /// Children of the collections still open, innermost last.
    var pending: [Int32] = []
    struct Frame {
        var node: Int32
        var pendingStart: Int
        /// Whether the collection has an anchor; its name is then the last of `openAnchorNames`.
        var hasAnchor: Bool
        /// `expandedNodes` when the collection opened.
        var expandedNodesAtOpen: Int
    }
    var frames: [Frame] = []
    /// The innermost open collection, or -1.
    var currentParent: Int32 = -1
    /// Nodes attached so far in the document, each alias counting the nodes it repeats. What a
    /// collection expands to is the growth of this count while it is open, plus itself.
    var expandedNodes = 0
    /// The anchor names of the open collections that have one, outermost first.
    var openAnchorNames: [String] = []
    /// What an anchor name refers to now. A collection's anchor is entered when the collection
    /// opens, marked open, so that an alias to it from inside is known to be recursive; a later
    /// anchor of the same name replaces it (YAML 1.2 allows redefinition).
    struct Anchor {
        var node: Int32
        var expandedSize: Int
        var isOpen: Bool
    }
    var anchors: [String: Anchor] = [:]
    var aliasExpansion = 0
    /// Reused by every mapping's duplicate-key check.
    var keyScratch: [KeyIdentity] = []

    init(file: String, input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.file = file
        self.input = input
        self.limits = limits
        // Scalar text is 48% of the example self-report, 60% of the benchmark corpus.
        scalarBytes = ByteBuffer(capacity: input.count / 8 * 5)
        // Enough for a self-report's nesting and widest mapping, so that they never regrow.
        pending.reserveCapacity(64)
        frames.reserveCapacity(16)
        keyScratch.reserveCapacity(32)
    }

    mutating func run() throws -> [YAMLDocument] {
        // libyaml keeps pointers to the parser: it must stay at one heap address.
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
                addScalar(event)
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

    /// A node per 17.6 bytes of input in the example self-report, per 14.4 in the benchmark
    /// corpus. Reserving a little more than that avoids regrowing the arrays while building.
    static let bytesPerNodeEstimate = 12

    mutating func startDocument(at mark: yaml_mark_t) {
        // `mark.index` counts characters, so this over-estimates what is left: good enough.
        let remaining = max(0, input.count - Int(mark.index))
        let expectedNodes = 16 + remaining / Self.bytesPerNodeEstimate
        nodes = []
        nodes.reserveCapacity(expectedNodes)
        children = []
        children.reserveCapacity(expectedNodes)
        scalarBytes.removeAll()
        root = -1
        anchors.removeAll(keepingCapacity: true)
        aliasExpansion = 0
        expandedNodes = 0
        documentStart = position(mark)
    }

    /// Hands the document over. In a stream of several documents the estimate of
    /// `startDocument` fits the whole rest of the stream, so a document that used a small part
    /// of its arrays gets exact-size copies instead of keeping the unused memory.
    mutating func finishDocument() -> YAMLDocument {
        let document = YAMLDocument(file: file, nodes: Self.fitted(nodes), children: Self.fitted(children),
                                    scalarBytes: scalarBytes.makeArray(), containsAliases: aliasExpansion > 0,
                                    root: root < 0 ? nil : NodeID(root), startPosition: documentStart)
        nodes = []
        children = []
        return document
    }

    /// `array`, or an exact-size copy of it when more than half of its capacity is unused.
    /// (`Array(array)` would share the same storage, capacity included.)
    static func fitted<T>(_ array: [T]) -> [T] {
        guard array.capacity > 2 * array.count + 64 else { return array }
        return Array(unsafeUninitializedCapacity: array.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: array)
        }
    }

    // MARK: Nodes

    func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, position: position(mark))
    }

    mutating func newRecord(kind: NodeKind, style: ScalarStyle, tag: ScalarTag, start: yaml_mark_t, end: yaml_mark_t,
                            first: Int, count: Int) -> Int32 {
        let id = Int32(truncatingIfNeeded: nodes.count)
        nodes.append(NodeRecord(
            kind: kind, style: style, tag: tag,
            startLine: Int32(truncatingIfNeeded: start.line + 1), startColumn: Int32(truncatingIfNeeded: start.column + 1),
            endLine: Int32(truncatingIfNeeded: end.line + 1), endColumn: Int32(truncatingIfNeeded: end.column + 1),
            first: Int32(truncatingIfNeeded: first), count: Int32(truncatingIfNeeded: count),
            parent: currentParent))
        return id
    }

    /// Attaches a finished node (or an alias target) to the innermost open collection.
    mutating func attach(_ id: Int32, expandedSize: Int) {
        expandedNodes &+= expandedSize
        if currentParent < 0 {
            root = id
        } else {
            pending.append(id)
        }
    }

    mutating func addScalar(_ event: yaml_event_t) {
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
            scalarBytes.append(value, count: Int(s.length))
        }
        let id = newRecord(kind: .scalar, style: style, tag: tag, start: event.start_mark, end: event.end_mark,
                           first: first, count: Int(s.length))
        if let anchor = s.anchor {
            anchors[String(cString: anchor)] = Anchor(node: id, expandedSize: 1, isOpen: false)
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

    mutating func addAlias(_ event: yaml_event_t) throws {
        let name = String(cString: event.data.alias.anchor)
        guard let anchor = anchors[name] else {
            throw YAMLError(kind: .undefinedAlias, location: location(event.start_mark),
                            problem: "found undefined alias *\(name)",
                            explanation: "bí danh *\(name) trỏ tới neo &\(name) chưa được định nghĩa ở phía trên")
        }
        if anchor.isOpen {
            throw YAMLError(kind: .recursiveAlias, location: location(event.start_mark),
                            problem: "alias *\(name) refers to a collection that contains it",
                            explanation: "bí danh *\(name) trỏ tới chính nút chứa nó — cấu trúc vòng lặp không được phép")
        }
        aliasExpansion &+= anchor.expandedSize
        if aliasExpansion > limits.maxAliasExpansion || aliasExpansion < 0 {
            throw YAMLError(kind: .aliasExpansionLimit, location: location(event.start_mark),
                            problem: "aliases expand to more than \(limits.maxAliasExpansion) nodes",
                            explanation: "bí danh (alias) sinh ra quá nhiều nút — tệp có dạng 'bom bí danh', không xử lý")
        }
        attach(anchor.node, expandedSize: anchor.expandedSize)
    }

    mutating func openCollection(_ kind: NodeKind, event: yaml_event_t, anchor: UnsafeMutablePointer<yaml_char_t>?) throws {
        if frames.count >= limits.maxDepth {
            throw YAMLError(kind: .depthLimit, location: location(event.start_mark),
                            problem: "nesting deeper than \(limits.maxDepth) levels",
                            explanation: "cấu trúc lồng nhau quá sâu (hơn \(limits.maxDepth) cấp) — báo cáo không cần sâu như vậy")
        }
        let id = newRecord(kind: kind, style: .plain, tag: .none, start: event.start_mark, end: event.end_mark,
                           first: 0, count: 0)
        if let anchor {
            let name = String(cString: anchor)
            anchors[name] = Anchor(node: id, expandedSize: 1, isOpen: true)
            openAnchorNames.append(name)
        }
        frames.append(Frame(node: id, pendingStart: pending.count, hasAnchor: anchor != nil,
                            expandedNodesAtOpen: expandedNodes))
        currentParent = id
    }

    mutating func closeCollection(endMark: yaml_mark_t) throws {
        let frame = frames.removeLast()
        currentParent = frames.last?.node ?? -1
        let expandedSize = 1 &+ expandedNodes &- frame.expandedNodesAtOpen
        let first = children.count
        let count = pending.count - frame.pendingStart
        pending.withUnsafeBufferPointer { children.append(contentsOf: UnsafeBufferPointer(rebasing: $0[frame.pendingStart...])) }
        pending.removeLast(count)
        let index = Int(frame.node)
        nodes[index].first = Int32(truncatingIfNeeded: first)
        nodes[index].count = Int32(truncatingIfNeeded: count)
        nodes[index].endLine = Int32(truncatingIfNeeded: endMark.line + 1)
        nodes[index].endColumn = Int32(truncatingIfNeeded: endMark.column + 1)
        if nodes[index].kind == .mapping { try checkDuplicateKeys(pairsAt: first, count: count / 2) }
        if frame.hasAnchor {
            let name = openAnchorNames.removeLast()
            // Unless the collection redefined its own anchor inside, the name now means it, complete.
            if anchors[name]?.node == frame.node {
                anchors[name] = Anchor(node: frame.node, expandedSize: expandedSize, isOpen: false)
            }
        }
        attach(frame.node, expandedSize: 1)
    }

    // MARK: Duplicate keys

    /// What makes two keys the same key: the core-schema type and value, so `1`, `01` and
    /// `0x1` are one int key, `1` and `"1"` are different keys, and `~` and `null` are both the
    /// null key. Strings compare by their bytes; `hash` prefilters, the bytes decide.
    /// Collection keys are never compared.
    struct KeyIdentity {
        enum Kind: UInt8 { case collection, null, bool, int, float, string }
        var kind: Kind
        /// Strings: an FNV-1a hash of the bytes. Others: the value's bits.
        var hash: UInt64
        var node: Int32
    }

    func keyIdentity(_ key: Int32) -> KeyIdentity {
        let r = nodes[Int(key)]
        guard r.kind == .scalar else { return KeyIdentity(kind: .collection, hash: 0, node: key) }
        let bytes = scalarBytes.bytes(at: Int(r.first), count: Int(r.count))
        switch CoreSchema.resolvedType(bytes: bytes, style: r.style, tag: r.tag) {
        case .null: return KeyIdentity(kind: .null, hash: 0, node: key)
        case .bool(let b): return KeyIdentity(kind: .bool, hash: b ? 1 : 0, node: key)
        case .int(let i): return KeyIdentity(kind: .int, hash: UInt64(bitPattern: Int64(i)), node: key)
        case .float(let d):
            // One key for all NaNs, and for 0.0 and -0.0.
            let canonical = d.isNaN ? Double.nan : d == 0 ? 0 : d
            return KeyIdentity(kind: .float, hash: canonical.bitPattern, node: key)
        case .string:
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return KeyIdentity(kind: .string, hash: hash, node: key)
        }
    }

    func sameKey(_ a: KeyIdentity, _ b: KeyIdentity) -> Bool {
        guard a.kind == b.kind, a.hash == b.hash, a.kind != .collection else { return false }
        guard a.kind == .string else { return true }
        let ra = nodes[Int(a.node)], rb = nodes[Int(b.node)]
        guard ra.count == rb.count else { return false }
        return memcmp(scalarBytes.base + Int(ra.first), scalarBytes.base + Int(rb.first), Int(ra.count)) == 0
    }

    /// Mappings up to this many pairs compare every pair of keys; larger ones use a dictionary.
    static let quadraticKeyCheckLimit = 32

    mutating func checkDuplicateKeys(pairsAt first: Int, count: Int) throws {
        guard count > 1 else { return }
        keyScratch.removeAll(keepingCapacity: true)
        for i in 0 ..< count { keyScratch.append(keyIdentity(children[first + 2 * i])) }
        if count <= Self.quadraticKeyCheckLimit {
            for i in 1 ..< count {
                let key = keyScratch[i]
                for j in 0 ..< i where keyScratch[j].hash == key.hash && sameKey(keyScratch[j], key) {
                    throw duplicate(keyScratch[j].node, key.node)
                }
            }
            return
        }
        struct Fingerprint: Hashable { var kind: KeyIdentity.Kind; var hash: UInt64 }
        var seen: [Fingerprint: Int] = [:]
        seen.reserveCapacity(count)
        for i in 0 ..< count where keyScratch[i].kind != .collection {
            let key = keyScratch[i]
            guard let j = seen.updateValue(i, forKey: Fingerprint(kind: key.kind, hash: key.hash)) else { continue }
            if sameKey(keyScratch[j], key) { throw duplicate(keyScratch[j].node, key.node) }
            // Two different strings with one hash: rare enough to compare with every earlier key.
            for earlier in 0 ..< i where sameKey(keyScratch[earlier], key) {
                throw duplicate(keyScratch[earlier].node, key.node)
            }
        }
    }

    func duplicate(_ firstKey: Int32, _ secondKey: Int32) -> YAMLError {
        let a = nodes[Int(firstKey)], b = nodes[Int(secondKey)]
        let text = String(decoding: scalarBytes.bytes(at: Int(b.first), count: Int(b.count)), as: UTF8.self)
        let firstText = String(decoding: scalarBytes.bytes(at: Int(a.first), count: Int(a.count)), as: UTF8.self)
        let firstLocation = SourceLocation(file: file, line: Int(a.startLine), column: Int(a.startColumn))
        let here = "\(firstLocation.line):\(firstLocation.column)"
        let whereVietnamese = "dòng \(firstLocation.line), cột \(firstLocation.column)"
        // `1` and `01`, or `~` and `null`: the same value written differently.
        let sameText = text == firstText
        return YAMLError(
            kind: .duplicateKey,
            location: SourceLocation(file: file, line: Int(b.startLine), column: Int(b.startColumn)),
            problem: sameText ? "duplicate key '\(text)' (first at \(here))"
                : "duplicate key '\(text)': the same value as key '\(firstText)' at \(here)",
            relatedLocation: firstLocation,
            explanation: sameText
                ? "khóa '\(text)' bị lặp lại — đã có ở \(whereVietnamese); hãy gộp hoặc xóa một khóa"
                : "khóa '\(text)' có cùng giá trị với khóa '\(firstText)' ở \(whereVietnamese); hãy gộp, xóa một khóa, hoặc đặt khóa trong dấu nháy kép")
    }

    // MARK: libyaml errors

    func libyamlError(_ p: yaml_parser_t) -> YAMLError {
        let problem = p.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        let context = p.context.map { String(cString: $0) }
        if p.error == YAML_READER_ERROR {
            let where_ = positionOfByte(characterStart(before: Int(p.problem_offset)))
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
        // libyaml sets `context_mark` whenever it sets `context`, also when that is line 1, column 1.
        return YAMLError(kind: .syntax, location: mark, problem: problem, context: context,
                         contextLocation: context == nil ? nil : location(p.context_mark),
                         explanation: explanation)
    }

    // MARK: Positions in the raw input, for errors

    /// The UTF-8 byte order mark: libyaml skips it, so it takes no column.
    var bomLength: Int {
        input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? 3 : 0
    }

    /// The length in bytes of the line break at byte `i` (CR LF, LF, or a lone CR, as libyaml
    /// counts lines), or 0.
    func lineBreakLength(at i: Int) -> Int {
        switch input[i] {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r"): return i + 1 < input.count && input[i + 1] == UInt8(ascii: "\n") ? 2 : 1
        default: return 0
        }
    }

    /// Line and column (in Unicode scalars) of a byte offset, for reader errors, which libyaml
    /// locates by byte offset only.
    func positionOfByte(_ offset: Int) -> SourcePosition {
        var line = 1, column = 1
        var i = bomLength
        let end = min(offset, input.count)
        while i < end {
            let lineBreak = lineBreakLength(at: i)
            if lineBreak > 0 {
                line += 1
                column = 1
                i += lineBreak
            } else {
                if input[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// The offset of the UTF-8 character that the byte at `offset` belongs to: libyaml points
    /// at the bad byte of a malformed sequence ("invalid trailing UTF-8 octet"), a person looks
    /// for the character it breaks. The lead byte is at most 3 bytes back.
    func characterStart(before offset: Int) -> Int {
        var lead = min(offset, input.count)
        while lead > 0, offset - lead < 3 {
            lead -= 1
            let byte = input[lead]
            guard byte & 0xC0 == 0x80 else {
                // A lead byte whose sequence reaches `offset` starts the broken character.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return lead + length > offset ? lead : offset
            }
        }
        return offset
    }

    /// Byte offset where 1-based `line` starts, or nil.
    func lineStart(_ line: Int) -> Int? {
        var current = 1, i = bomLength
        while current < line {
            while i < input.count, lineBreakLength(at: i) == 0 { i += 1 }
            guard i < input.count else { return nil }
            i += lineBreakLength(at: i)
            current += 1
        }
        return i
    }

    /// The ASCII character at a 1-based line and column, or nil (also for non-ASCII).
    func character(atLine line: Int, column: Int) -> Unicode.Scalar? {
        guard var i = lineStart(line) else { return nil }
        var col = 1
        while i < input.count, lineBreakLength(at: i) == 0 {
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
