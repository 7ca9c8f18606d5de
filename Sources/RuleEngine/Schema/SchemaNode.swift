import YAML

/// One named property of an object schema, in the order the schema file lists it.
public struct SchemaProperty: Sendable {
    public let name: String
    public let schema: SchemaNode
}

/// One compiled (sub)schema of a `ReportSchema`: the keywords written at one place of the
/// schema file, with `$ref` already resolved to the node it names. Immutable.
///
/// The `public` accessors answer static questions for the rule type-checker ("what type is
/// `documents[].layout.font`?") and look through `$ref` and `allOf`; the validator reads the
/// keywords exactly as written.
public final class SchemaNode: Sendable {
    /// Where this schema is written.
    public let location: SourceLocation

    /// The keywords written here, read by the validator exactly as written.
    let keywords: SchemaKeywords

    // Derived once from `keywords` for the validator's hot path.
    /// `type` as bits.
    let typeMask: JSONTypeMask?
    /// `enum`, or `const` as a one-value list.
    let allowedValues: [SchemaLiteral]?
    /// The own properties' names as UTF-8, to match keys without building strings.
    let propertyNamesUTF8: [[UInt8]]
    /// Each `required` name with its index among the own properties, if it is one.
    let requiredIndices: [(name: String, index: Int?)]

    init(location: SourceLocation, keywords: SchemaKeywords) {
        self.location = location
        self.keywords = keywords
        typeMask = keywords.types.map(JSONTypeMask.init)
        allowedValues = keywords.enumValues ?? keywords.const.map { [$0] }
        propertyNamesUTF8 = keywords.properties.map { Array($0.name.utf8) }
        requiredIndices = keywords.required.map { name in (name, keywords.properties.firstIndex { $0.name == name }) }
        // Schemas are compiled bottom up (`$ref` cycles are refused), so the companions are
        // complete here and the static answers can be worked out once.
        let companions = Self.companions(of: keywords)
        types = Self.types(of: keywords, companions: companions)
        var properties = keywords.properties
        for companion in companions {
            for p in companion.properties where !properties.contains(where: { $0.name == p.name }) {
                properties.append(p)
            }
        }
        self.properties = properties
    }

    /// The schemas that always apply together with this one: `$ref`'s target and `allOf`'s
    /// members (not `if`/`then`, which apply only sometimes).
    private var companions: [SchemaNode] { Self.companions(of: keywords) }

    private static func companions(of keywords: SchemaKeywords) -> [SchemaNode] {
        (keywords.reference.map { [$0] } ?? []) + keywords.allOf
    }

    // MARK: Static lookup

    /// `title`, or the title of the schema `$ref` names.
    public var title: String? { keywords.title ?? keywords.reference?.title }

    /// `description`, or the description of the schema `$ref` names.
    public var description: String? { keywords.description ?? keywords.reference?.description }

    /// The JSON types a valid value can have, from `type`, `const`, `enum`, and what `$ref`,
    /// `allOf` (all must hold) and `anyOf`/`oneOf` (one must hold) allow. `integer` inside the
    /// set means whole numbers only; `number` includes them.
    public let types: Set<JSONType>
    /// The object's properties in schema order: its own, then those its companions add.
    public let properties: [SchemaProperty]

    private static func types(of keywords: SchemaKeywords, companions: [SchemaNode]) -> Set<JSONType> {
        var result = keywords.types ?? Set(JSONType.allCases)
        if let const = keywords.const { result = result.narrowed(by: [const.type]) }
        if let values = keywords.enumValues { result = result.narrowed(by: Set(values.map(\.type))) }
        for companion in companions { result = result.narrowed(by: companion.types) }
        for alternatives in [keywords.anyOf, keywords.oneOf] where !alternatives.isEmpty {
            result = result.narrowed(by: alternatives.reduce(into: Set<JSONType>()) { $0.formUnion($1.types) })
        }
        return result
    }

    /// The asserted `format`, if any (here or in a companion schema).
    public var format: SchemaFormat? {
        keywords.format ?? companions.lazy.compactMap(\.format).first
    }


    /// The property called `name` (compared by canonical equivalence), if the schema knows it.
    public func property(named name: String) -> SchemaNode? {
        properties.first { $0.name == name }?.schema
    }

    /// Properties that must always be present (conditional requirements from `if`/`then` are
    /// not included).
    public var requiredProperties: [String] {
        var result = keywords.required
        for companion in companions {
            result += companion.requiredProperties.filter { !result.contains($0) }
        }
        return result
    }

    /// The schema every array item must satisfy, if any.
    public var items: SchemaNode? {
        keywords.items ?? companions.lazy.compactMap(\.items).first
    }

    /// The values allowed by `enum` or `const`, if the schema lists them.
    public var enumValues: [SchemaLiteral]? {
        allowedValues ?? companions.lazy.compactMap(\.enumValues).first
    }

    /// The closest known property name to an unknown `name` ("did you mean"), or nil when none
    /// is close. The validator's SCHEMA-UNKNOWN messages use the same suggestion.
    public func suggestion(forUnknownProperty name: String) -> String? {
        DidYouMean.closest(to: name, among: properties.map(\.name))
    }
}

/// The keywords of one schema as the compiler read them (annotations other than `title` and
/// `description` are checked but not kept).
struct SchemaKeywords: Sendable {
    var title: String?
    var description: String?
    var types: Set<JSONType>?
    var format: SchemaFormat?
    var properties: [SchemaProperty] = []
    var required: [String] = []
    /// `additionalProperties: false`.
    var forbidsAdditionalProperties = false
    var items: SchemaNode?
    var enumValues: [SchemaLiteral]?
    var const: SchemaLiteral?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var minLength: Int?
    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode] = []
    var oneOf: [SchemaNode] = []
    var ifSchema: SchemaNode?
    var thenSchema: SchemaNode?
    var elseSchema: SchemaNode?
    /// The node `$ref` names.
    var reference: SchemaNode?
    /// `x-finding`: the finding id that violations at or under this node are reported as.
    var findingID: String?
    /// `x-unique-by`: the field of a list's items whose values must differ (`documents` by
    /// `ref`, which locations and waivers name), an extension JSON Schema has no keyword for.
    var uniqueBy: String?
}
