import YAML

/// One way a report breaks its schema: one problem, one violation, with a Vietnamese message
/// that says how to write the value correctly.
public struct SchemaViolation: Sendable, Hashable {
    /// What kind of problem it is.
    public enum Kind: String, Sendable, Hashable {
        /// A required field is absent (`required`).
        case missingProperty
        /// A field the schema does not know (`additionalProperties: false`).
        case unknownProperty
        /// The value has the wrong JSON type (`type`).
        case wrongType
        /// The value is not one the schema allows (`enum`, `const`).
        case notAllowed
        /// A number outside its range (`minimum`, `maximum`, `exclusive…`).
        case outOfRange
        /// A string that is not in its format (`format: date`).
        case invalidFormat
        /// A string shorter than `minLength`.
        case tooShort
        /// An item's field repeats an earlier item's (`x-unique-by`).
        case duplicate
        /// None of the alternatives of `anyOf`/`oneOf` holds.
        case noAlternativeMatched
        /// More than one alternative of `oneOf` holds.
        case severalAlternativesMatched

        /// The built-in finding id for this kind when no `x-finding` overrides it.
        public var defaultFindingID: String {
            switch self {
            case .missingProperty: "SCHEMA-REQUIRED"
            case .unknownProperty: "SCHEMA-UNKNOWN"
            default: "SCHEMA-TYPE"
            }
        }

        /// Unknown fields are warnings (the report may simply be newer than the schema);
        /// everything else is an error.
        public var severity: Severity { self == .unknownProperty ? .warning : .error }
    }

    public var kind: Kind
    /// `SCHEMA-REQUIRED`, `SCHEMA-TYPE`, `SCHEMA-UNKNOWN`, or the `x-finding` of the schema
    /// governing the value (`SCHEMA-VERSION` for `schema`).
    public var findingID: String
    public var severity: Severity
    /// The offending value (for an unknown field, its key); for a missing field, the mapping
    /// it is missing from. Nil only for an empty document.
    public var node: NodeID?
    /// Where `node` starts (the document's start for an empty document).
    public var location: SourceLocation
    /// The value's path, `documents[1].layout.font` (0-based indices); for a missing field,
    /// the path the field should have (checks.md, Decision 13).
    public var path: String
    /// What is wrong and how to write it, in Vietnamese.
    public var message: String
    /// For a value of the right type outside its range: what it must be (`phải từ 0 trở lên`),
    /// which rules reading the value say instead of computing with it.
    public var requirement: String?

    public init(kind: Kind, findingID: String, severity: Severity, node: NodeID?, location: SourceLocation,
                path: String, message: String, requirement: String? = nil) {
        self.kind = kind
        self.findingID = findingID
        self.severity = severity
        self.node = node
        self.location = location
        self.path = path
        self.message = message
        self.requirement = requirement
    }

    /// The violation as a finding of area `schema`.
    public func finding() -> Finding {
        Finding(ruleID: findingID, severity: severity, title: title, message: message, area: "schema",
                location: location, path: path)
    }

    /// The finding's title (Vietnamese): SCHEMA-VERSION has its own, the rest follow the kind.
    private var title: String {
        if findingID == "SCHEMA-VERSION" { return "Phiên bản định dạng báo cáo không được hỗ trợ" }
        switch kind {
        case .missingProperty: return "Thiếu trường bắt buộc"
        case .unknownProperty: return "Trường không có trong lược đồ"
        default: return "Giá trị sai kiểu hoặc ngoài phạm vi cho phép"
        }
    }
}
