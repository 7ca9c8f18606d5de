import YAML

/// Reads a JSON Schema (draft 2020-12, written in YAML) into `SchemaNode`s, accepting exactly
/// the keywords the validator implements and rejecting everything else with a located
/// `SchemaError`: a keyword silently ignored is a check silently not made.
///
/// `$ref` is resolved while compiling, so only `#/$defs/NAME` references to the root's `$defs`
/// are supported, and they must not lead back to themselves.
final class SchemaCompiler {
    /// The dialect a schema may declare in `$schema`.
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// Every keyword accepted in a subschema.
    static let keywords: [String] = [
        "$comment", "$ref", "title", "description", "default", "examples",
        "type", "format", "enum", "const",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
        "properties", "required", "additionalProperties", "items",
        "allOf", "anyOf", "oneOf", "if", "then", "else",
        "x-finding", "x-unique-by",
    ]
    /// Keywords accepted only at the root.
    static let rootKeywords: [String] = ["$schema", "$id", "$defs"]

    private let doc: YAMLDocument
    /// `$defs` entries as written, by name.
    private var definitionNodes: [(name: String, node: NodeID)] = []
    private var definitions: [String: SchemaNode] = [:]
    /// Definitions being compiled, innermost last, to detect circular references.
    private var compiling: [String] = []

    init(document: YAMLDocument) {
        doc = document
    }

    /// Compiles the schema at `root` and every `$defs` entry (so that errors in unused
    /// definitions are reported too).
    func compile(root: NodeID) throws -> SchemaNode {
        guard doc.kind(root) == .mapping else {
            throw invalid(root, keyword: nil, "lược đồ phải là một ánh xạ các từ khóa (type, properties, …)")
        }
        if let defs = doc.value(forKey: "$defs", in: root) {
            guard doc.kind(defs) == .mapping else { throw invalid(defs, keyword: "$defs", "'$defs' phải là ánh xạ tên → lược đồ") }
            definitionNodes = doc.pairs(defs).map { (name: doc.text($0.key), node: $0.value) }
        }
        let schema = try compile(root, isRoot: true)
        for (name, _) in definitionNodes { _ = try definition(name, referencedAt: root) }
        return schema
    }

    // MARK: Subschemas

    private func compile(_ node: NodeID, isRoot: Bool = false) throws -> SchemaNode {
        guard doc.kind(node) == .mapping else {
            throw invalid(node, keyword: nil, "lược đồ con phải là một ánh xạ các từ khóa, không phải \(shape(node))")
        }
        var k = SchemaKeywords()
        var seen: Set<String> = []
        for (keyNode, value) in doc.pairs(node) {
            let key = doc.text(keyNode)
            seen.insert(key)
            switch key {
            case "$schema":
                guard isRoot else { throw misplaced(keyNode, key) }
                guard try string(value, key) == Self.dialect else {
                    throw invalid(value, keyword: key, "chỉ hỗ trợ JSON Schema draft 2020-12: '$schema: \(Self.dialect)'")
                }
            case "$id":
                guard isRoot else { throw misplaced(keyNode, key) }
                _ = try string(value, key)
            case "$defs":
                guard isRoot else { throw misplaced(keyNode, key) }  // compiled by compile(root:)
            case "$comment":
                _ = try string(value, key)
            case "default", "examples":
                if key == "examples", doc.kind(value) != .sequence {
                    throw invalid(value, keyword: key, "'examples' phải là một danh sách các ví dụ")
                }
            case "title": k.title = try string(value, key)
            case "description": k.description = try string(value, key)
            case "x-finding": k.findingID = try findingID(value)
            case "x-unique-by": k.uniqueBy = try string(value, key)
            case "type": k.types = try types(value)
            case "format": k.format = try format(value)
            case "enum": k.enumValues = try literals(value, key)
            case "const": k.const = try literal(value, key)
            case "minimum": k.minimum = try number(value, key)
            case "maximum": k.maximum = try number(value, key)
            case "exclusiveMinimum": k.exclusiveMinimum = try number(value, key)
            case "exclusiveMaximum": k.exclusiveMaximum = try number(value, key)
            case "minLength": k.minLength = try nonNegativeInteger(value, key)
            case "properties": k.properties = try properties(value)
            case "required": k.required = try required(value)
            case "additionalProperties":
                guard case .bool(let allowed) = doc.scalarValue(value), doc.kind(value) == .scalar else {
                    throw invalid(value, keyword: key, "'additionalProperties' chỉ hỗ trợ true hoặc false")
                }
                k.forbidsAdditionalProperties = !allowed
            case "items": k.items = try compile(value)
            case "allOf": k.allOf = try schemaList(value, key)
            case "anyOf": k.anyOf = try schemaList(value, key)
            case "oneOf": k.oneOf = try schemaList(value, key)
            case "if": k.ifSchema = try compile(value)
            case "then": k.thenSchema = try compile(value)
            case "else": k.elseSchema = try compile(value)
            case "$ref": k.reference = try reference(value)
            default:
                throw unknownKeyword(keyNode, key, isRoot: isRoot)
            }
        }
        for dependent in ["then", "else"] where seen.contains(dependent) && !seen.contains("if") {
            throw invalid(node, keyword: dependent, "'\(dependent)' không có 'if' đi kèm nên không bao giờ được áp dụng")
        }
        return SchemaNode(location: doc.location(node), keywords: k)
    }

    private func schemaList(_ node: NodeID, _ keyword: String) throws -> [SchemaNode] {
        guard doc.kind(node) == .sequence, doc.count(node) > 0 else {
            throw invalid(node, keyword: keyword, "'\(keyword)' phải là một danh sách không rỗng các lược đồ")
        }
        return try doc.items(node).map { try compile($0) }
    }

    private func properties(_ node: NodeID) throws -> [SchemaProperty] {
        guard doc.kind(node) == .mapping else {
            throw invalid(node, keyword: "properties", "'properties' phải là ánh xạ tên trường → lược đồ")
        }
        return try doc.pairs(node).map { SchemaProperty(name: doc.text($0.key), schema: try compile($0.value)) }
    }

    // MARK: $ref

    private func reference(_ node: NodeID) throws -> SchemaNode {
        let text = try string(node, "$ref")
        let prefix = "#/$defs/"
        guard text.hasPrefix(prefix), !text.dropFirst(prefix.count).contains("/") else {
            throw SchemaError(kind: .unresolvedReference, location: doc.location(node), keyword: "$ref",
                              message: "'$ref: \(text)' không được hỗ trợ — chỉ dùng dạng '#/$defs/TÊN' trỏ tới '$defs' ở gốc lược đồ")
        }
        let name = String(text.dropFirst(prefix.count))
            .replacing("~1", with: "/").replacing("~0", with: "~")  // JSON Pointer escapes
        return try definition(name, referencedAt: node)
    }

    private func definition(_ name: String, referencedAt node: NodeID) throws -> SchemaNode {
        if let done = definitions[name] { return done }
        guard !compiling.contains(name) else {
            let cycle = (compiling.drop { $0 != name } + [name]).joined(separator: " → ")
            throw SchemaError(kind: .circularReference, location: doc.location(node), keyword: "$ref",
                              message: "'$ref' vòng lặp: \(cycle) — lược đồ đệ quy không được hỗ trợ")
        }
        guard let written = definitionNodes.first(where: { $0.name == name }) else {
            var message = "'$ref' trỏ tới '#/$defs/\(name)' nhưng '$defs' không có mục này"
            if let near = DidYouMean.closest(to: name, among: definitionNodes.map(\.name)) {
                message += " — ý bạn là '\(near)'?"
            }
            throw SchemaError(kind: .unresolvedReference, location: doc.location(node), keyword: "$ref", message: message)
        }
        compiling.append(name)
        defer { compiling.removeLast() }
        let schema = try compile(written.node)
        definitions[name] = schema
        return schema
    }

    // MARK: Keyword values

    private func string(_ node: NodeID, _ keyword: String) throws -> String {
        guard doc.kind(node) == .scalar, case .string(let s) = doc.scalarValue(node) else {
            throw invalid(node, keyword: keyword, "'\(keyword)' phải là chuỗi văn bản")
        }
        return s
    }

    private func number(_ node: NodeID, _ keyword: String) throws -> Double {
        switch doc.kind(node) == .scalar ? doc.scalarValue(node) : .null {
        case .int(let i): return Double(i)
        case .float(let d) where d.isFinite: return d
        default: throw invalid(node, keyword: keyword, "'\(keyword)' phải là một số")
        }
    }

    private func nonNegativeInteger(_ node: NodeID, _ keyword: String) throws -> Int {
        guard doc.kind(node) == .scalar, case .int(let i) = doc.scalarValue(node), i >= 0 else {
            throw invalid(node, keyword: keyword, "'\(keyword)' phải là số nguyên không âm")
        }
        return i
    }

    private func literal(_ node: NodeID, _ keyword: String) throws -> SchemaLiteral {
        guard doc.kind(node) == .scalar else {
            throw SchemaError(kind: .invalidKeywordValue, location: doc.location(node), keyword: keyword,
                              message: "'\(keyword)' chỉ hỗ trợ giá trị đơn (chuỗi, số, true/false, null), không phải \(shape(node))")
        }
        let literal = SchemaLiteral(doc.scalarValue(node))
        if case .number(let d) = literal, !d.isFinite {
            throw SchemaError(kind: .notJSON, location: doc.location(node), keyword: keyword,
                              message: "'\(doc.text(node))' không phải số hữu hạn — JSON không biểu diễn được")
        }
        return literal
    }

    private func literals(_ node: NodeID, _ keyword: String) throws -> [SchemaLiteral] {
        guard doc.kind(node) == .sequence, doc.count(node) > 0 else {
            throw invalid(node, keyword: keyword, "'\(keyword)' phải là một danh sách không rỗng các giá trị cho phép")
        }
        return try doc.items(node).map { try literal($0, keyword) }
    }

    private func types(_ node: NodeID) throws -> Set<JSONType> {
        let written = doc.kind(node) == .sequence ? doc.items(node) : [node]
        var result: Set<JSONType> = []
        for item in written {
            let name = try string(item, "type")
            guard let type = JSONType(rawValue: name) else {
                var message = "kiểu '\(name)' không có trong JSON Schema — dùng một trong: "
                    + JSONType.allCases.map(\.rawValue).joined(separator: ", ")
                if let near = DidYouMean.closest(to: name, among: JSONType.allCases.map(\.rawValue)) {
                    message += " — ý bạn là '\(near)'?"
                }
                throw invalid(item, keyword: "type", message)
            }
            guard result.insert(type).inserted else { throw invalid(item, keyword: "type", "kiểu '\(name)' bị lặp lại") }
        }
        guard !result.isEmpty else { throw invalid(node, keyword: "type", "'type' không được rỗng") }
        return result
    }

    private func format(_ node: NodeID) throws -> SchemaFormat {
        let name = try string(node, "format")
        guard let format = SchemaFormat(rawValue: name) else {
            throw invalid(node, keyword: "format", "định dạng '\(name)' chưa được hỗ trợ — chỉ hỗ trợ: "
                + SchemaFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return format
    }

    private func required(_ node: NodeID) throws -> [String] {
        guard doc.kind(node) == .sequence else {
            throw invalid(node, keyword: "required", "'required' phải là danh sách tên trường, ví dụ [name, kind]")
        }
        var names: [String] = []
        for item in doc.items(node) {
            let name = try string(item, "required")
            guard !names.contains(name) else { throw invalid(item, keyword: "required", "trường '\(name)' bị liệt kê hai lần") }
            names.append(name)
        }
        return names
    }

    /// A finding id: upper-case words of letters and digits joined by `-` (`SCHEMA-VERSION`).
    private func findingID(_ node: NodeID) throws -> String {
        let id = try string(node, "x-finding")
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        let isID = words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("A" ... "Z").contains($0) || ("0" ... "9").contains($0) }
        } && words[0].first?.isLetter == true
        guard isID else {
            throw invalid(node, keyword: "x-finding", "'x-finding' phải là mã phát hiện viết hoa, ví dụ SCHEMA-VERSION")
        }
        return id
    }

    // MARK: Errors

    private func shape(_ node: NodeID) -> String {
        switch doc.kind(node) {
        case .scalar: "giá trị đơn '\(doc.text(node))'"
        case .sequence: "danh sách"
        case .mapping: "ánh xạ"
        }
    }

    private func invalid(_ node: NodeID, keyword: String?, _ message: String) -> SchemaError {
        SchemaError(kind: .invalidKeywordValue, location: doc.location(node), keyword: keyword, message: message)
    }

    private func misplaced(_ keyNode: NodeID, _ keyword: String) -> SchemaError {
        SchemaError(kind: .unknownKeyword, location: doc.location(keyNode), keyword: keyword,
                    message: "từ khóa '\(keyword)' chỉ được dùng ở gốc lược đồ")
    }

    private func unknownKeyword(_ keyNode: NodeID, _ keyword: String, isRoot: Bool) -> SchemaError {
        let known = Self.keywords + (isRoot ? Self.rootKeywords : [])
        var message = "từ khóa '\(keyword)' không được hỗ trợ"
        if let near = DidYouMean.closest(to: keyword, among: known) { message += " — ý bạn là '\(near)'?" }
        return SchemaError(kind: .unknownKeyword, location: doc.location(keyNode), keyword: keyword, message: message)
    }
}
