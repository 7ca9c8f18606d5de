import YAML

/// The self-report schema: a JSON Schema (draft 2020-12) written in YAML, compiled once and
/// used to validate any number of reports, to answer the rule type-checker's questions about
/// report paths, and to render the JSON that editors read.
///
/// The validator is generic: it implements the keywords listed in `SchemaCompiler.keywords`
/// and knows nothing about reports. A violation under a schema node carrying `x-finding: ID`
/// is reported as `ID` instead of the kind's default `SCHEMA-*` id.
public final class ReportSchema: Sendable {
    /// The shipped schema's path relative to the repository (and installation) root.
    public static let shippedPath = "Rules/schema/self-report.schema.yaml"

    /// The compiled root schema.
    public let root: SchemaNode
    private let json: String

    /// Reads and compiles a schema file.
    /// - Throws: `YAMLError` when the file cannot be read or is not YAML; `SchemaError` when
    ///   it is not exactly one schema this validator understands.
    public static func load(path: String) throws -> ReportSchema {
        let documents = try YAMLLoader().load(contentsOf: path)
        guard documents.count == 1, let document = documents.first else {
            throw SchemaError(kind: .notOneDocument, location: SourceLocation(file: path, line: 1, column: 1),
                              message: "tệp lược đồ phải chứa đúng một tài liệu YAML (đang có \(documents.count))")
        }
        return try ReportSchema(document: document)
    }

    /// Compiles the schema that is the whole of `document`.
    /// - Throws: `SchemaError`, located in the document.
    public convenience init(document: YAMLDocument) throws {
        guard let root = document.root else {
            throw SchemaError(kind: .notOneDocument, location: SourceLocation(file: document.file, position: document.startPosition),
                              message: "tệp lược đồ trống")
        }
        try self.init(document: document, schemaAt: root)
    }

    /// Compiles the schema written at `node` of `document` (tests use schemas embedded in
    /// larger files).
    init(document: YAMLDocument, schemaAt node: NodeID) throws {
        root = try SchemaCompiler(document: document).compile(root: node)
        do {
            json = try JSONWriter().string(of: node, in: document) + "\n"
        } catch let error as JSONConversionError {
            throw SchemaError(kind: .notJSON, location: error.location, message: error.message)
        }
    }

    // MARK: Validation

    /// Every way `document` breaks the schema, in source order; empty when it is valid.
    public func validate(_ document: YAMLDocument) -> [SchemaViolation] {
        validate(document.root, in: document)
    }

    /// The violations of the value at `node` (nil: an empty document), in source order.
    func validate(_ node: NodeID?, in document: YAMLDocument) -> [SchemaViolation] {
        var validator = SchemaValidator(document: document)
        let found = validator.validate(node, against: root)
        // Stable: violations at one place keep the order the schema lists their keywords in.
        return found.enumerated().sorted {
            ($0.element.location.position, $0.offset) < ($1.element.location.position, $1.offset)
        }.map(\.element)
    }

    // MARK: Lookup

    /// The schema of the values at a report path, for checking rules before any report is
    /// read: `["documents", "[]", "layout", "font"]` (`"[]"` stands for any item of a list).
    /// Nil when the schema has no such path; then `suggestion(forUnknownProperty:)` on the
    /// last node found gives a "did you mean".
    public func node(atPath segments: [String]) -> SchemaNode? {
        var current = root
        for segment in segments {
            guard let next = segment == "[]" ? current.items : current.property(named: segment) else { return nil }
            current = next
        }
        return current
    }

    // MARK: JSON

    /// The schema as pretty-printed JSON (two-space indent, key order as written, trailing
    /// newline): the `self-report.schema.json` that editors use.
    public func jsonText() -> String { json }
}
