import YAML

/// A report value as JSON Schema sees it.
enum Instance {
    case object, array
    case scalar(SchemaLiteral)

    /// The value of `node`; nil (an empty document) is null.
    init(_ node: NodeID?, in doc: YAMLDocument) {
        guard let node else { self = .scalar(.null); return }
        switch doc.kind(node) {
        case .mapping: self = .object
        case .sequence: self = .array
        case .scalar: self = .scalar(SchemaLiteral(doc.scalarValue(node)))
        }
    }

    /// `integer` for whole numbers however written (`14.0` too), as JSON Schema counts them.
    var type: JSONType {
        switch self {
        case .object: .object
        case .array: .array
        case .scalar(let literal): literal.type
        }
    }

    func isOfType(in types: Set<JSONType>) -> Bool {
        types.contains { type.isSubtype(of: $0) }
    }
}

/// One pass of a report (or any value) against a compiled schema. Collects violations with
/// their instance paths; the path is a stack of segments rendered only when a violation is
/// reported, so a valid report costs no string building.
struct SchemaValidator {
    private enum PathSegment {
        case key(NodeID)
        case name(String)
        case index(Int)
    }

    let doc: YAMLDocument
    private(set) var violations: [SchemaViolation] = []
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
                                entry: SchemaNode, finding inherited: String?) {
        let k = schema.keywords
        let finding = k.findingID ?? inherited
        if let types = k.types, !value.isOfType(in: types) {
            // A value limited to a list is best told the list; anything else what type to write.
            let message = (k.enumValues ?? k.const.map { [$0] })
                .map { ViolationMessage.notAllowed(node, value, allowed: $0, in: doc) }
                ?? ViolationMessage.wrongType(node, value, accepted: types, format: k.format, in: doc)
            report(.wrongType, at: node, finding, message)
            return  // the other keywords would only restate the same problem
        }
        if let const = k.const, !matches(value, const) {
            report(.notAllowed, at: node, finding, ViolationMessage.notAllowed(node, value, allowed: [const], in: doc))
        }
        if let values = k.enumValues, !values.contains(where: { matches(value, $0) }) {
            report(.notAllowed, at: node, finding, ViolationMessage.notAllowed(node, value, allowed: values, in: doc))
        }
        switch value {
        case .scalar(.string(let text)):
            checkString(node, text, k, finding)
        case .scalar(let literal):
            if let number = literal.numericValue { checkRange(node, number, k, finding) }
        case .object:
            if let node { checkObject(node, schema, entry: entry, finding) }
        case .array:
            if let node, let items = k.items {
                for (i, item) in doc.items(node).enumerated() {
                    path.append(.index(i))
                    check(item, Instance(item, in: doc), against: items, entry: items, finding: finding)
                    path.removeLast()
                }
            }
        }
        if let target = k.reference { check(node, value, against: target, entry: entry, finding: finding) }
        for member in k.allOf { check(node, value, against: member, entry: entry, finding: finding) }
        if !k.anyOf.isEmpty { checkAlternatives(k.anyOf, exactlyOne: false, node, value, entry, finding) }
        if !k.oneOf.isEmpty { checkAlternatives(k.oneOf, exactlyOne: true, node, value, entry, finding) }
        if let condition = k.ifSchema {
            let branch = violations(of: node, value, against: condition, entry: entry, finding: finding).isEmpty
                ? k.thenSchema : k.elseSchema
            if let branch { check(node, value, against: branch, entry: entry, finding: finding) }
        }
    }

    private mutating func checkString(_ node: NodeID?, _ text: String, _ k: SchemaKeywords, _ finding: String?) {
        if k.format == .date, CalendarDate(iso: text) == nil {
            report(.invalidFormat, at: node, finding, ViolationMessage.invalidDate(node, in: doc))
        }
        if let minLength = k.minLength, text.unicodeScalars.count < minLength {
            report(.tooShort, at: node, finding, ViolationMessage.tooShort(length: text.unicodeScalars.count, minimum: minLength))
        }
    }

    private mutating func checkRange(_ node: NodeID?, _ number: Double, _ k: SchemaKeywords, _ finding: String?) {
        let shown = ViolationMessage.shown(node, in: doc)
        if let bound = k.minimum, number < bound {
            report(.outOfRange, at: node, finding, ViolationMessage.outOfRange(shown, "phải từ \(ViolationMessage.number(bound)) trở lên"))
        }
        if let bound = k.exclusiveMinimum, number <= bound {
            report(.outOfRange, at: node, finding, ViolationMessage.outOfRange(shown, "phải lớn hơn \(ViolationMessage.number(bound))"))
        }
        if let bound = k.maximum, number > bound {
            report(.outOfRange, at: node, finding, ViolationMessage.outOfRange(shown, "phải từ \(ViolationMessage.number(bound)) trở xuống"))
        }
        if let bound = k.exclusiveMaximum, number >= bound {
            report(.outOfRange, at: node, finding, ViolationMessage.outOfRange(shown, "phải nhỏ hơn \(ViolationMessage.number(bound))"))
        }
    }

    private mutating func checkObject(_ node: NodeID, _ schema: SchemaNode, entry: SchemaNode, _ finding: String?) {
        let k = schema.keywords
        for i in 0 ..< doc.count(node) {
            let (key, value) = doc.pair(node, i)
            path.append(.key(key))
            defer { path.removeLast() }
            if let property = k.properties.first(where: { keyMatches(key, $0.name) }) {
                check(value, Instance(value, in: doc), against: property.schema, entry: property.schema, finding: finding)
            } else if k.forbidsAdditionalProperties {
                let name = doc.text(key)
                report(.unknownProperty, at: key, finding,
                       ViolationMessage.unknownProperty(name, suggestion: schema.suggestion(forUnknownProperty: name),
                                                        known: schema.properties.map(\.name)))
            }
        }
        for name in k.required where !(0 ..< doc.count(node)).contains(where: { keyMatches(doc.pair(node, $0).key, name) }) {
            let property = schema.property(named: name) ?? entry.property(named: name)
            path.append(.name(name))
            report(.missingProperty, at: node, property?.declaredFindingID ?? finding,
                   ViolationMessage.missingProperty(renderedPath(), property))
            path.removeLast()
        }
    }

    /// `anyOf` (`exactlyOne == false`) and `oneOf`. When no alternative holds, an object or
    /// list that only one alternative could be gets that alternative's own violations (they say
    /// what is wrong inside it); otherwise one violation lists what the value may be.
    private mutating func checkAlternatives(_ alternatives: [SchemaNode], exactlyOne: Bool, _ node: NodeID?,
                                            _ value: Instance, _ entry: SchemaNode, _ finding: String?) {
        let outcomes = alternatives.map { violations(of: node, value, against: $0, entry: entry, finding: finding) }
        let holding = outcomes.filter(\.isEmpty).count
        if holding == 0 {
            let candidates = alternatives.indices.filter { value.isOfType(in: alternatives[$0].types) }
            if case .scalar = value {} else if candidates.count == 1 {
                violations += outcomes[candidates[0]]
                return
            }
            report(.noAlternativeMatched, at: node, finding, ViolationMessage.noAlternative(node, value, alternatives, in: doc))
        } else if exactlyOne, holding > 1 {
            report(.severalAlternativesMatched, at: node, finding,
                   ViolationMessage.severalAlternatives(node, alternatives.indices.filter { outcomes[$0].isEmpty }.map { alternatives[$0] }, in: doc))
        }
    }

    /// The violations `schema` alone finds in the value, without keeping them.
    private mutating func violations(of node: NodeID?, _ value: Instance, against schema: SchemaNode,
                                     entry: SchemaNode, finding: String?) -> [SchemaViolation] {
        let mark = violations.count
        check(node, value, against: schema, entry: entry, finding: finding)
        defer { violations.removeSubrange(mark...) }
        return Array(violations[mark...])
    }

    // MARK: Helpers

    private func matches(_ value: Instance, _ literal: SchemaLiteral) -> Bool {
        if case .scalar(let mine) = value { return mine.equals(literal) }
        return false
    }

    /// Whether a mapping key is `name`: bytes first (no allocation), then canonical
    /// equivalence, so a key typed in NFD matches an NFC name.
    private func keyMatches(_ key: NodeID, _ name: String) -> Bool {
        doc.scalar(key, equals: name) || (doc.kind(key) == .scalar && !name.utf8.allSatisfy { $0 < 0x80 } && doc.text(key) == name)
    }

    private mutating func report(_ kind: SchemaViolation.Kind, at node: NodeID?, _ finding: String?, _ message: String) {
        let location = node.map { doc.location($0) } ?? SourceLocation(file: doc.file, position: doc.startPosition)
        violations.append(SchemaViolation(kind: kind, findingID: finding ?? kind.defaultFindingID, severity: kind.severity,
                                          node: node, location: location, path: renderedPath(), message: message))
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
