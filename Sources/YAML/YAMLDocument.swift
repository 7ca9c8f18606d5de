#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Identifies a node inside one `YAMLDocument`.
public struct NodeID: Hashable, Sendable, Comparable {
    /// The node's place in its document's arena. Nodes are numbered in the order they start in
    /// the text, so comparing IDs compares positions.
    public let index: Int32
    @inlinable init(_ index: Int32) { self.index = index }
    @inlinable init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
}

/// The three kinds of YAML node.
public enum NodeKind: UInt8, Sendable {
    case scalar, sequence, mapping
}

/// How a scalar was written. Quoted and block scalars are always strings; plain ones are
/// resolved by the YAML 1.2 core schema.
public enum ScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// The explicit tag of a node, reduced to what the core schema cares about.
public enum ScalarTag: UInt8, Sendable {
    /// No tag, or `?`: resolve plain scalars by content.
    case none
    /// `!`, `!!str`, or any tag outside the core schema: the text, as a string.
    case string
    /// `!!null`: null whatever the text.
    case null
    /// `!!bool`: a core-schema bool, or a string if the text is not one.
    case bool
    /// `!!int`: a core-schema int, or a string if the text is not one.
    case int
    /// `!!float`: a core-schema float or int (as a float), or a string if the text is neither.
    case float
}

/// One node's record in the flat arena. Kept small: memory, not parsing, is the cost of a tree.
@usableFromInline
struct NodeRecord: Sendable {
    @usableFromInline var kind: NodeKind
    @usableFromInline var style: ScalarStyle
    @usableFromInline var tag: ScalarTag
    @usableFromInline var startLine: Int32
    @usableFromInline var startColumn: Int32
    @usableFromInline var endLine: Int32
    @usableFromInline var endColumn: Int32
    /// Scalars: offset into `scalarBytes`. Collections: offset into `children`.
    @usableFromInline var first: Int32
    /// Scalars: byte count. Sequences: item count. Mappings: 2 × pair count.
    @usableFromInline var count: Int32
    /// The collection this node was first written in (-1 for the root).
    @usableFromInline var parent: Int32
}

/// One YAML document as a tree of nodes with exact source locations.
///
/// Nodes live in one flat array and are addressed by `NodeID`; scalar text is stored once, as
/// UTF-8, in one contiguous buffer. Aliases share the node they refer to (the tree is a DAG), so
/// an alias costs nothing and its location is the anchored node's.
public struct YAMLDocument: Sendable {
    /// The file name used in locations.
    public let file: String
    /// The arena, behind one reference: a document is copied into every evaluation and
    /// validation, and one retain is cheaper than one per array.
    @usableFromInline let storage: Storage
    @inlinable var nodes: [NodeRecord] { storage.nodes }
    @inlinable var children: [Int32] { storage.children }
    @inlinable var scalarBytes: [UInt8] { storage.scalarBytes }

    /// The immutable arrays of one document.
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let nodes: [NodeRecord]
        @usableFromInline let children: [Int32]
        @usableFromInline let scalarBytes: [UInt8]
        /// Whether an alias repeats a node somewhere (else every node has one place).
        let containsAliases: Bool

        init(nodes: [NodeRecord], children: [Int32], scalarBytes: [UInt8], containsAliases: Bool) {
            self.nodes = nodes
            self.children = children
            self.scalarBytes = scalarBytes
            self.containsAliases = containsAliases
        }
    }
    /// The root node, or nil for an empty document.
    public let root: NodeID?
    /// Where the document starts (its first token).
    public let startPosition: SourcePosition

    init(file: String, nodes: [NodeRecord], children: [Int32], scalarBytes: [UInt8], containsAliases: Bool, root: NodeID?,
         startPosition: SourcePosition) {
        self.file = file
        self.storage = Storage(nodes: nodes, children: children, scalarBytes: scalarBytes, containsAliases: containsAliases)
        self.root = root
        self.startPosition = startPosition
    }

    /// Number of distinct nodes (aliases not expanded).
    public var nodeCount: Int { nodes.count }

    /// Whether the node is a scalar, a sequence or a mapping.
    @inlinable public func kind(_ node: NodeID) -> NodeKind { nodes[Int(node.index)].kind }
    /// How a scalar was written (`.plain` for collections).
    @inlinable public func style(_ node: NodeID) -> ScalarStyle { nodes[Int(node.index)].style }
    /// A scalar's explicit tag (`.none` for collections: their tags are ignored).
    @inlinable public func tag(_ node: NodeID) -> ScalarTag { nodes[Int(node.index)].tag }

    /// The collection the node was first written in; nil for the root.
    @inlinable public func parent(_ node: NodeID) -> NodeID? {
        let p = nodes[Int(node.index)].parent
        return p < 0 ? nil : NodeID(p)
    }

    /// Where the node starts: its first character, or its anchor (`&a`) or tag when it has
    /// one; a block collection starts at its first key or `-`. An alias is the node it refers
    /// to, so it reports that node's start.
    public func start(_ node: NodeID) -> SourcePosition {
        let r = nodes[Int(node.index)]
        return SourcePosition(line: Int(r.startLine), column: Int(r.startColumn))
    }

    /// Where the node ends (for block collections, libyaml reports the next token's position).
    public func end(_ node: NodeID) -> SourcePosition {
        let r = nodes[Int(node.index)]
        return SourcePosition(line: Int(r.endLine), column: Int(r.endColumn))
    }

    /// The node's start as a full location.
    public func location(_ node: NodeID) -> SourceLocation {
        SourceLocation(file: file, position: start(node))
    }

    // MARK: Scalars

    /// The scalar's text exactly as it was written (after YAML unescaping and folding).
    public func text(_ node: NodeID) -> String {
        let r = nodes[Int(node.index)]
        guard r.kind == .scalar else { return "" }
        return scalarBytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(r.first) ..< Int(r.first + r.count)]),
                   as: UTF8.self)
        }
    }

    /// Calls `body` with the scalar's UTF-8 bytes, without copying them.
    @inlinable
    public func withUTF8<R>(_ node: NodeID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = nodes[Int(node.index)]
        return try scalarBytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[Int(r.first) ..< Int(r.first + r.count)]))
        }
    }

    /// Whether the scalar's text is exactly `string`, compared byte for byte without allocating.
    @inlinable
    public func scalar(_ node: NodeID, equals string: String) -> Bool {
        if let equal = string.utf8.withContiguousStorageIfAvailable({ scalar(node, equalsUTF8: $0) }) { return equal }
        return kind(node) == .scalar && withUTF8(node) { $0.elementsEqual(string.utf8) }
    }

    /// Whether the scalar's UTF-8 text is exactly `bytes` (one `memcmp`; false for a collection).
    @inlinable
    public func scalar(_ node: NodeID, equalsUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = nodes[Int(node.index)]
        guard r.kind == .scalar, bytes.count == Int(r.count) else { return false }
        return bytes.isEmpty || scalarBytes.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + Int(r.first), bytes.baseAddress!, bytes.count) == 0
        }
    }

    /// The scalar resolved by the YAML 1.2 core schema (quoted and block scalars stay strings).
    public func scalarValue(_ node: NodeID) -> ScalarValue {
        let r = nodes[Int(node.index)]
        guard r.kind == .scalar else { return .string("") }
        return withUTF8(node) { CoreSchema.resolve(bytes: $0, style: r.style, tag: r.tag) }
    }

    /// Whether the node is a scalar the core schema reads as null (`~`, `null`, nothing, `!!null`),
    /// decided without building its text.
    public func isNull(_ node: NodeID) -> Bool {
        let r = nodes[Int(node.index)]
        guard r.kind == .scalar else { return false }
        // As `CoreSchema.resolvedType` decides, without reading a number or a date to say no.
        switch r.tag {
        case .null: return true
        case .none: return r.style == .plain && withUTF8(node) { CoreSchema.isNull($0) }
        default: return false
        }
    }

    // MARK: Collections

    /// Number of items of a sequence, or of pairs of a mapping; 0 for a scalar.
    @inlinable public func count(_ node: NodeID) -> Int {
        let r = nodes[Int(node.index)]
        switch r.kind {
        case .scalar: return 0
        case .sequence: return Int(r.count)
        case .mapping: return Int(r.count) / 2
        }
    }

    /// The `i`-th item of a sequence.
    @inlinable public func item(_ node: NodeID, _ i: Int) -> NodeID {
        let r = nodes[Int(node.index)]
        return NodeID(children[Int(r.first) + i])
    }

    /// The items of a sequence, in order.
    public func items(_ node: NodeID) -> [NodeID] {
        let r = nodes[Int(node.index)]
        guard r.kind == .sequence else { return [] }
        return (0 ..< Int(r.count)).map { NodeID(children[Int(r.first) + $0]) }
    }

    /// The `i`-th key/value pair of a mapping.
    @inlinable public func pair(_ node: NodeID, _ i: Int) -> (key: NodeID, value: NodeID) {
        let r = nodes[Int(node.index)]
        let base = Int(r.first) + 2 * i
        return (NodeID(children[base]), NodeID(children[base + 1]))
    }

    /// The key/value pairs of a mapping, in order.
    public func pairs(_ node: NodeID) -> [(key: NodeID, value: NodeID)] {
        guard kind(node) == .mapping else { return [] }
        return (0 ..< count(node)).map { pair(node, $0) }
    }

    /// The value for a scalar key in a mapping, or nil when the key is absent (or the node is
    /// not a mapping). Compares bytes; does not allocate.
    public func value(forKey key: String, in node: NodeID) -> NodeID? {
        let r = nodes[Int(node.index)]
        guard r.kind == .mapping else { return nil }
        if let found = key.utf8.withContiguousStorageIfAvailable({ value(forKeyUTF8: $0, amongPairsOf: r) }) {
            return found
        }
        return Array(key.utf8).withUnsafeBufferPointer { value(forKeyUTF8: $0, amongPairsOf: r) }
    }

    /// `value(forKey:in:)` for a key given as UTF-8 bytes (callers that look the same keys up
    /// on every report keep them as bytes, and skip a retain of the key's string per lookup).
    public func value(forKeyUTF8 key: UnsafeBufferPointer<UInt8>, in node: NodeID) -> NodeID? {
        let r = nodes[Int(node.index)]
        guard r.kind == .mapping else { return nil }
        return value(forKeyUTF8: key, amongPairsOf: r)
    }

    /// The hot loop of `value(forKey:in:)`: one pass over the mapping's keys with no bounds
    /// checks or retains per key (`scalar(_:equalsUTF8:)` per key costs 2 % of a check run).
    private func value(forKeyUTF8 key: UnsafeBufferPointer<UInt8>, amongPairsOf mapping: NodeRecord) -> NodeID? {
        nodes.withUnsafeBufferPointer { nodes in
            children.withUnsafeBufferPointer { children in
                scalarBytes.withUnsafeBufferPointer { bytes in
                    var i = Int(mapping.first)
                    let end = i + Int(mapping.count)
                    while i < end {
                        let k = nodes[Int(children[i])]
                        if k.kind == .scalar, Int(k.count) == key.count,
                           key.isEmpty || memcmp(bytes.baseAddress! + Int(k.first), key.baseAddress!, key.count) == 0 {
                            return NodeID(children[i + 1])
                        }
                        i += 2
                    }
                    return nil
                }
            }
        }
    }

    /// The node written back on one line, for a message that quotes what the user wrote: a
    /// scalar's text, a sequence `[a, b]`, a mapping's pairs `key: value, key: value` (in braces
    /// when inside another collection); scalars unquoted, so `- Lưu: VT, TH`, which YAML reads
    /// as the mapping `{Lưu: "VT, TH"}`, reads `Lưu: VT, TH` again. Ends with `…` where the
    /// text had reached `limit` UTF-8 bytes (a collection may repeat a large one through aliases).
    public func oneLineText(_ node: NodeID, limit: Int = 1_000) -> String {
        var out = ""
        var cut = false
        func write(_ node: NodeID, nested: Bool) {
            cut = cut || out.utf8.count >= limit
            guard !cut else { return }
            switch kind(node) {
            case .scalar:
                out += text(node)
            case .sequence:
                out += "["
                for i in 0 ..< count(node) {
                    if i > 0 { out += ", " }
                    write(item(node, i), nested: true)
                    if cut { return }
                }
                out += "]"
            case .mapping:
                if nested { out += "{" }
                for i in 0 ..< count(node) {
                    let (key, value) = pair(node, i)
                    if i > 0 { out += ", " }
                    write(key, nested: true)
                    out += kind(value) == .scalar && text(value).isEmpty ? ":" : ": "
                    write(value, nested: true)
                    if cut { return }
                }
                if nested { out += "}" }
            }
        }
        write(node, nested: false)
        return cut ? out + "…" : out
    }

    /// The key node whose value is `value` in `mapping`, if any.
    public func key(of value: NodeID, in mapping: NodeID) -> NodeID? {
        guard kind(mapping) == .mapping, let i = position(of: value, in: mapping) else { return nil }
        return pair(mapping, i).key
    }

    /// The position of `child` in `collection`: its item index in a sequence, its pair index
    /// (as a value) in a mapping; the first one if it occurs several times (through aliases).
    ///
    /// Without aliases, the children of every collection have increasing ids (the arena is
    /// filled in document order), so a binary search finds them: the paths of findings in a
    /// list of 100,000 elements cost a logarithm each, not a scan (a scan made such a report
    /// quadratic). A document with aliases is scanned.
    public func position(of child: NodeID, in collection: NodeID) -> Int? {
        let r = nodes[Int(collection.index)]
        let stride: Int, offset: Int
        switch r.kind {
        case .sequence: (stride, offset) = (1, 0)
        case .mapping: (stride, offset) = (2, 1)
        case .scalar: return nil
        }
        let count = Int(r.count) / stride
        let id = { (i: Int) in NodeID(self.children[Int(r.first) + stride * i + offset]) }
        guard !storage.containsAliases else { return (0 ..< count).first { id($0) == child } }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if id(middle) < child { low = middle + 1 } else { high = middle }
        }
        return low < count && id(low) == child ? low : nil
    }
}

/// A scalar resolved by the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Hashable {
    /// `null`, `Null`, `NULL`, `~` or nothing.
    case null
    /// `true`/`false` in three capitalisations.
    case bool(Bool)
    /// Decimal, `0o` octal or `0x` hexadecimal, within `Int`.
    case int(Int)
    /// Decimal with a point or exponent, `.inf`, `.nan`, or an integer too big for `Int`.
    case float(Double)
    /// Anything else, and every quoted or block scalar.
    case string(String)
}
