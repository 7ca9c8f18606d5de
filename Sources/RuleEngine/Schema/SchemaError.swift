import YAML

/// Why a schema file could not be used: it says something this validator does not implement,
/// or says it wrongly. Always located in the schema file.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file holds no document, or more than one.
        case notOneDocument
        /// A keyword the validator does not implement (a typo, or a JSON Schema feature the
        /// report schema does not need).
        case unknownKeyword
        /// A known keyword whose value has the wrong shape (`required: name`, `type: text`).
        case invalidKeywordValue
        /// `$ref` names no `$defs` entry, or is not of the supported form `#/$defs/NAME`.
        case unresolvedReference
        /// `$ref`s that lead back to themselves.
        case circularReference
        /// A value JSON cannot hold (`.inf`, a mapping used as a key).
        case notJSON
    }

    public var kind: Kind
    /// Where in the schema file.
    public var location: SourceLocation
    /// The keyword concerned, if any.
    public var keyword: String?
    /// What is wrong and how to fix it, in Vietnamese.
    public var message: String

    public init(kind: Kind, location: SourceLocation, keyword: String? = nil, message: String) {
        self.kind = kind
        self.location = location
        self.keyword = keyword
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }
}
