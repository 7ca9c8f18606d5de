import YAML

/// What the engine knows about the shape of a report: the fields rules may read (for type
/// checking) and the validation that produces SCHEMA-* findings. Implemented by the JSON
/// Schema of the report format; the engine itself knows no report format.
public protocol ReportModel: Sendable {
    /// The fields of the report's root mapping.
    var rootShape: any ObjectShape { get }
    /// Validates a report: its SCHEMA-* findings and the values rules must not compute with.
    func validation(of document: YAMLDocument) -> ReportValidation
    /// Descriptors of the findings `validation(of:)` can produce.
    var findingDescriptors: [RuleDescriptor] { get }
}

/// What a `ReportModel` found in one report.
public struct ReportValidation: Sendable {
    /// The SCHEMA-* findings (located, with paths).
    public var findings: [Finding]
    /// Values of the right type that the model does not allow (a count of -5, a year 0), each
    /// with what it must be (`phải từ 0 trở lên`). Rules read them as unreadable, like a count
    /// written `abc`, instead of computing a rate of -12240 % from them.
    public var unusableValues: [NodeID: String]
    /// The values the findings are about. A rule's precondition (`when:`) that cannot read one
    /// of them does not apply, instead of reporting the slip a second time.
    public var flaggedValues: Set<NodeID>

    public init(findings: [Finding], unusableValues: [NodeID: String] = [:], flaggedValues: Set<NodeID> = []) {
        self.findings = findings
        self.unusableValues = unusableValues
        self.flaggedValues = flaggedValues
    }
}
