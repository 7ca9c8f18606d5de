import YAML

/// What the engine knows about the shape of a report: the fields rules may read (for type
/// checking) and the validation that produces SCHEMA-* findings. Implemented by the JSON
/// Schema of the report format; the engine itself knows no report format.
public protocol ReportModel: Sendable {
    /// The fields of the report's root mapping.
    var rootShape: any ObjectShape { get }
    /// Validates a report, giving SCHEMA-* findings (located, with paths).
    func findings(validating document: YAMLDocument) -> [Finding]
    /// Descriptors of the findings `validate` can produce.
    var findingDescriptors: [RuleDescriptor] { get }
}
