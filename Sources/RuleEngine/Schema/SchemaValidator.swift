import YAML

/// A report value as JSON Schema sees it. String scalars are not materialised: the keywords
/// that need their text read it from the node, byte by byte where they can.
enum Instance {
    case object, array
    /// A string scalar (quoted, block, or plain text the core schema leaves a string).
    case string
    /// Any other scalar: null, boolean, number. Never `.string`.
    case scalar(SchemaLiteral)

    /// The value of `node`; nil (an empty document) is null.
    init(_ node: NodeID?, in doc: YAMLDocument) {
        guard let node else { self = .scalar(.null); return }
        switch doc.kind(node) {
        case .mapping: self = .object
        case .sequence: self = .array
        case .scalar:
            if Self.isPlainText(node, in: doc) { self = .string; return }
            switch doc.scalarValue(node) {
            case .string: self = .string
            case let value: self = .scalar(SchemaLiteral(value))
            }
        }
    }

    /// Whether the scalar is certainly a string without resolving it (which would allocate):
    /// quoted, block or `!`-tagged text, or plain text whose first character cannot start a
    /// number, null or boolean (mirroring `CoreSchema.resolvePlain`'s fast exit; the null and
    /// boolean words are at most 5 bytes long). Anything else is resolved.
    private static func isPlainText(_ node: NodeID, in doc: YAMLDocument) -> Bool {
        if doc.style(node) != .plain || doc.tag(node) == .string { return true }
        guard doc.tag(node) == .none else { return false }
        return doc.withUTF8(node) { bytes in
            guard let first = bytes.first else { return false }  // empty: null
            switch first {
            case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
                 UInt8(ascii: "f"), UInt8(ascii: "F"):
                return bytes.count > 5
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), 0x80...:
                return true
            default:
                return false
            }
        }
    }

    /// `integer` for whole numbers however written (`14.0` too), as JSON Schema counts them.
    var type: JSONType {
        switch self {
        case .object: .object
        case .array: .array
        case .string: .string
        case .scalar(let literal): literal.type
        }
    }

    func isOfType(in types: JSONTypeMask) -> Bool {
        types.accepts(type)
    }

    var isCollection: Bool {
        switch self {
        case .object, .array: true
        case .string, .scalar: false
        }
    }
}

/// The schema whose `x-finding` governs a value: the innermost one above it. Held without
/// reference counting (`unowned(unsafe)`): a validator runs while its schema is alive, and
/// passing the finding's text down the walk cost a retain and a release per visited node.
private struct FindingSource {
    unowned(unsafe) let schema: SchemaNode
    var id: String? { schema.keywords.findingID }
}

/// One pass of a report (or any value) against a compiled schema. Collects violations with
/// their instance paths; the path is a stack of segments rendered only when a violation is
/// reported, so a valid report costs no string building and, on the hot path, no allocation.
struct SchemaValidator {
    private enum PathSegment {
        case key(NodeID)
        case name(String)
        case index(Int)
    }

    let doc: YAMLDocument
    private var violations: [SchemaViolation] = []
    private var path: [PathSegment] = []

    init(document: YAMLDocument) {
        doc = document
    }

    /// Checks `node` (nil: an empty document) against `schema`, then keeps one violation per
    /// problem: the first of each kind at each path.
    mutating func validate(_ node: NodeID?, against schema: SchemaNode) -> [SchemaViolation] {
        check(node, Instance(node, in: doc), against: schema, entry: schema, finding: nil)
        var seen: Set<String> = []
        return violations.filter { seen.insert("\($0.kind.rawValue) \($0.path)").inserted }
    }

    // MARK: Keywords

    /// - Parameters:
    ///   - entry: the schema the instance was reached through (a property's or the items'
    ///     schema): where names, titles and `x-finding`s of its properties are looked up when a
    ///     conditional `then` requires one.
    ///   - finding: the innermost `x-finding` above.
    private mutating func check(_ node: NodeID?, _ value: Instance, against schema: SchemaNode,
                                entry: SchemaNode, finding inherited: FindingSource?) {
        let finding = schema.keywords.findingID == nil ? inherited : FindingSource(schema: schema)
        if let types = schema.typeMask, !value.isOfType(in: types) {
            // A value limited to a list is best told the list; anything else what type to write.
            let message = schema.allowedValues
                .map { ViolationMessage.notAllowed(node, value, allowed: $0, in: doc) }
                ?? ViolationMessage.wrongType(node, value, accepted: schema.keywords.types ?? [], format: schema.keywords.format, in: doc)
            report(.wrongType, at: node, finding, message)
            return  // the other keywords would only restate the same problem
        }
        if let const = schema.keywords.const, !matches(node, value, const) {
            report(.notAllowed, at: node, finding, ViolationMessage.notAllowed(node, value, allowed: [const], in: doc))
        }
        if let values = schema.keywords.enumValues, !matchesAny(node, value, values) {
            report(.notAllowed, at: node, finding, ViolationMessage.notAllowed(node, value, allowed: values, in: doc))
        }
        switch value {
        case .string:
            if let node { checkString(node, schema, finding) }
        case .scalar(let literal):
            if let number = literal.numericValue { checkRange(node, number, schema, finding) }
        case .object:
            if let node { checkObject(node, schema, entry: entry, finding) }
        case .array:
            if let node, let items = schema.keywords.items {
                for i in 0 ..< doc.count(node) {
                    let item = doc.item(node, i)
                    path.append(.index(i))
                    check(item, Instance(item, in: doc), against: items, entry: items, finding: finding)
                    path.removeLast()
                }
            }
            if let node, let field = schema.keywords.uniqueBy { checkUnique(node, by: field, finding) }
        }
        if let target = schema.keywords.reference { check(node, value, against: target, entry: entry, finding: finding) }
        for member in schema.keywords.allOf { check(node, value, against: member, entry: entry, finding: finding) }
        if !schema.keywords.anyOf.isEmpty { checkAlternatives(schema.keywords.anyOf, exactlyOne: false, node, value, entry, finding) }
        if !schema.keywords.oneOf.isEmpty { checkAlternatives(schema.keywords.oneOf, exactlyOne: true, node, value, entry, finding) }
        if let condition = schema.keywords.ifSchema {
            let branch = violations(of: node, value, against: condition, entry: entry, finding: finding).isEmpty
                ? schema.keywords.thenSchema : schema.keywords.elseSchema
            if let branch { check(node, value, against: branch, entry: entry, finding: finding) }
        }
    }

    private mutating func checkString(_ node: NodeID, _ schema: SchemaNode, _ finding: FindingSource?) {
        if schema.keywords.format == .date, doc.withUTF8(node, { CalendarDate(isoUTF8: $0) }) == nil {
            report(.invalidFormat, at: node, finding, ViolationMessage.invalidDate(node, in: doc))
        }
        if let minLength = schema.keywords.minLength {
            // Code points, as JSON Schema counts length: every byte that does not continue one.
            let length = doc.withUTF8(node) { bytes in bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
            if length < minLength {
                report(.tooShort, at: node, finding, ViolationMessage.tooShort(length: length, minimum: minLength))
            }
        }
    }

    /// `x-unique-by`: each item's `field` (a scalar, compared by its text) differs from every
    /// earlier item's; a repeat is reported at the repeating value, naming the first.
    private mutating func checkUnique(_ list: NodeID, by field: String, _ finding: FindingSource?) {
        var first: [String: Int] = [:]
        let listPath = renderedPath()
        for i in 0 ..< doc.count(list) {
            let item = doc.item(list, i)
            guard doc.kind(item) == .mapping, let value = doc.value(forKey: field, in: item), doc.kind(value) == .scalar,
                  !doc.isNull(value) else { continue }
            let text = doc.text(value)
            guard let earlier = first[text] else { first[text] = i; continue }
            path.append(.index(i))
            path.append(.name(field))
            report(.duplicate, at: value, finding, ViolationMessage.duplicate(text, firstAt: "\(listPath)[\(earlier)].\(field)"))
            path.removeLast(2)
        }
    }

    private mutating func checkRange(_ node: NodeID?, _ number: Double, _ schema: SchemaNode, _ finding: FindingSource?) {
        let k = schema.keywords
        let failed: (bound: Double, phrase: String)? =
            if let b = k.minimum, number < b { (b, "phải từ \(ViolationMessage.number(b)) trở lên") }
            else if let b = k.exclusiveMinimum, number <= b { (b, "phải lớn hơn \(ViolationMessage.number(b))") }
            else if let b = k.maximum, number > b { (b, "phải từ \(ViolationMessage.number(b)) trở xuống") }
            else if let b = k.exclusiveMaximum, number >= b { (b, "phải nhỏ hơn \(ViolationMessage.number(b))") }
            else { nil }
        if let failed {
            report(.outOfRange, at: node, finding?.id, ViolationMessage.outOfRange(ViolationMessage.shown(node, in: doc), failed.phrase),
                   requirement: failed.phrase)
        }
    }

    private mutating func checkObject(_ node: NodeID, _ schema: SchemaNode, entry: SchemaNode, _ finding: FindingSource?) {
        let properties = schema.keywords.properties
        var present: UInt64 = 0  // bit i: property i (of the first 64) is present
        for i in 0 ..< doc.count(node) {
            let (key, value) = doc.pair(node, i)
            path.append(.key(key))
            if let index = propertyIndex(of: key, in: schema) {
                let property = properties[index].schema
                // Written empty (`x:`, `~`) where null is not allowed: absent, as rules read it.
                // Optional, that is no finding; required, SCHEMA-REQUIRED below, at the line.
                if isBlank(value, for: property) {
                    path.removeLast()
                    continue
                }
                if index < 64 { present |= 1 << UInt64(index) }
                check(value, Instance(value, in: doc), against: property, entry: property, finding: finding)
            } else if schema.keywords.forbidsAdditionalProperties {
                let name = doc.text(key)
                report(.unknownProperty, at: key, finding,
                       ViolationMessage.unknownProperty(name, suggestion: schema.suggestion(forUnknownProperty: name),
                                                        known: schema.properties.map(\.name)))
            }
            path.removeLast()
        }
        for (name, index) in schema.requiredIndices {
            if let index, index < 64, present & (1 << UInt64(index)) != 0 { continue }
            let property = schema.property(named: name) ?? entry.property(named: name)
            let written = value(named: name, in: node)
            let blank = written.map { isBlank($0, for: property) } ?? false
            if written != nil, !blank { continue }
            path.append(.name(name))
            report(.missingProperty, at: blank ? written : node, property?.declaredFindingID ?? finding?.id,
                   ViolationMessage.missingProperty(renderedPath(), property, writtenEmpty: blank))
            path.removeLast()
        }
    }

    /// `anyOf` (`exactlyOne == false`) and `oneOf`. When no alternative holds, an object or
    /// list that only one alternative could be gets that alternative's own violations (they say
    /// what is wrong inside it); otherwise one violation lists what the value may be.
    private mutating func checkAlternatives(_ alternatives: [SchemaNode], exactlyOne: Bool, _ node: NodeID?,
                                            _ value: Instance, _ entry: SchemaNode, _ finding: FindingSource?) {
        var outcomes: [[SchemaViolation]] = []
        for alternative in alternatives {
            outcomes.append(violations(of: node, value, against: alternative, entry: entry, finding: finding))
        }
        let holding = outcomes.filter(\.isEmpty).count
        if holding == 0 {
            let candidates = alternatives.indices.filter { value.isOfType(in: JSONTypeMask(alternatives[$0].types)) }
            if value.isCollection, candidates.count == 1 {
                violations += outcomes[candidates[0]]
                return
            }
            report(.noAlternativeMatched, at: node, finding, ViolationMessage.noAlternative(node, value, alternatives, in: doc))
        } else if exactlyOne, holding > 1 {
            let matched = alternatives.indices.filter { outcomes[$0].isEmpty }.map { alternatives[$0] }
            report(.severalAlternativesMatched, at: node, finding, ViolationMessage.severalAlternatives(node, matched, in: doc))
        }
    }

    /// The violations `schema` alone finds in the value, without keeping them.
    private mutating func violations(of node: NodeID?, _ value: Instance, against schema: SchemaNode,
                                     entry: SchemaNode, finding: FindingSource?) -> [SchemaViolation] {
        let mark = violations.count
        check(node, value, against: schema, entry: entry, finding: finding)
        defer { violations.removeSubrange(mark...) }
        return Array(violations[mark...])
    }

    // MARK: Matching

    private func matches(_ node: NodeID?, _ value: Instance, _ literal: SchemaLiteral) -> Bool {
        switch value {
        case .object, .array: return false
        case .scalar(let mine): return mine.equals(literal)
        case .string:
            guard let node, case .string(let text) = literal else { return false }
            return textMatches(node, text)
        }
    }

    private func matchesAny(_ node: NodeID?, _ value: Instance, _ literals: [SchemaLiteral]) -> Bool {
        for literal in literals where matches(node, value, literal) { return true }
        return false
    }

    /// Whether a scalar's text is `text`: bytes first (no allocation), then canonical
    /// equivalence, so text typed in NFD matches an NFC name. ASCII has one spelling only.
    private func textMatches(_ node: NodeID, _ text: String) -> Bool {
        if doc.scalar(node, equals: text) { return true }
        guard doc.kind(node) == .scalar, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return doc.text(node) == text
    }

    /// The index of the property `key` names in `schema`'s own properties.
    private func propertyIndex(of key: NodeID, in schema: SchemaNode) -> Int? {
        guard doc.kind(key) == .scalar else { return nil }
        let names = schema.propertyNamesUTF8
        let length = doc.withUTF8(key) { $0.count }
        for i in 0 ..< names.count where names[i].count == length && names[i].withUnsafeBufferPointer({ doc.scalar(key, equalsUTF8: $0) }) {
            return i
        }
        let properties = schema.keywords.properties
        for i in 0 ..< properties.count where textMatches(key, properties[i].name) { return i }
        return nil
    }

    /// The value of key `name` in `mapping`, if the key is there.
    private func value(named name: String, in mapping: NodeID) -> NodeID? {
        for i in 0 ..< doc.count(mapping) where textMatches(doc.pair(mapping, i).key, name) { return doc.pair(mapping, i).value }
        return nil
    }

    /// A value written empty (`x:`, `~`) where its schema does not allow null: absent, as rules
    /// read it (an optional field so written is no finding; a required one is SCHEMA-REQUIRED).
    private func isBlank(_ value: NodeID, for property: SchemaNode?) -> Bool {
        doc.isNull(value) && !(property?.types.contains(.null) ?? true)
    }

    // MARK: Reporting

    private mutating func report(_ kind: SchemaViolation.Kind, at node: NodeID?, _ finding: FindingSource?, _ message: String) {
        report(kind, at: node, finding?.id, message)
    }

    private mutating func report(_ kind: SchemaViolation.Kind, at node: NodeID?, _ finding: String?, _ message: String,
                                 requirement: String? = nil) {
        let location = node.map { doc.location($0) } ?? SourceLocation(file: doc.file, position: doc.startPosition)
        violations.append(SchemaViolation(kind: kind, findingID: finding ?? kind.defaultFindingID, severity: kind.severity,
                                          node: node, location: location, path: renderedPath(), message: message,
                                          requirement: requirement))
    }

    private func renderedPath() -> String {
        var result = ""
        for segment in path {
            switch segment {
            case .index(let i): result += "[\(i)]"
            case .key(let key): result += (result.isEmpty ? "" : ".") + doc.text(key)
            case .name(let name): result += (result.isEmpty ? "" : ".") + name
            }
        }
        return result
    }
}

extension SchemaNode {
    /// The `x-finding` written here or on the schema `$ref` names: what a missing property
    /// governed by this schema is reported as.
    var declaredFindingID: String? { keywords.findingID ?? keywords.reference?.declaredFindingID }
}
