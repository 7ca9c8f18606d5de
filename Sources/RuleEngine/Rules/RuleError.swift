import YAML

/// A problem in a rule file, pack manifest, config or fixture, located in that file.
/// Loading collects all of them (one broken rule does not hide the others).
public struct RuleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// The rule the problem belongs to, when known.
    public var ruleID: String?

    public init(location: SourceLocation, message: String, ruleID: String? = nil) {
        self.location = location
        self.message = message
        self.ruleID = ruleID
    }

    /// `file:line:col: lỗi: message`
    public var description: String { "\(location): lỗi: \(message)" }

    /// A YAML loading error of a rule-side file, as a rule error.
    public init(_ error: YAMLError) {
        self.init(location: error.location, message: "\(error.explanation) (\(error.problem))")
    }
}
