import YAML

/// Why a finding does not count: the unit's reasoned exception (from the report's `waivers:`
/// or from the config).
public struct WaiverNote: Sendable, Hashable {
    /// Where the waiver was written.
    public enum Origin: String, Sendable, Hashable { case report, config }
    public var reason: String
    public var origin: Origin
    /// Where the waiver itself is written.
    public var location: SourceLocation?

    public init(reason: String, origin: Origin, location: SourceLocation? = nil) {
        self.reason = reason
        self.origin = origin
        self.location = location
    }
}

/// One thing a check found about one target of one report.
public struct Finding: Sendable, Hashable {
    /// The stable check id (`ND30-FONT`, `SCHEMA-TYPE`, `YAML-SYNTAX`).
    public var ruleID: String
    public var severity: Severity
    /// The rule's title (Vietnamese).
    public var title: String
    /// What is wrong, in Vietnamese, with the values involved.
    public var message: String
    /// The legal citation in force for the report's period, if any.
    public var basis: String?
    /// How to fix it, if the rule says.
    public var fix: String?
    /// The area (pack id) the rule belongs to: `nd30`, `mot-cua`, `luu-tru`, `chi-dao`,
    /// `schema`, `yaml`, `waiver`, or a user pack's id.
    public var area: String
    /// The offending value's location (or the nearest present parent's, for absent fields).
    public var location: SourceLocation
    /// The path in the report the finding is about (`documents[1].layout.font`); `""` for the
    /// whole report.
    public var path: String
    /// Other places that matter (the first occurrence of a repeated key or number).
    public var relatedLocations: [SourceLocation]
    /// Set when a waiver covers the finding: it is shown, never counted.
    public var waiver: WaiverNote?
    /// False when a baseline lists the finding: it is shown but does not fail the run.
    public var isNew: Bool

    public init(ruleID: String, severity: Severity, title: String, message: String, basis: String? = nil,
                fix: String? = nil, area: String, location: SourceLocation, path: String,
                relatedLocations: [SourceLocation] = [], waiver: WaiverNote? = nil, isNew: Bool = true) {
        self.ruleID = ruleID
        self.severity = severity
        self.title = title
        self.message = message
        self.basis = basis
        self.fix = fix
        self.area = area
        self.location = location
        self.path = path
        self.relatedLocations = relatedLocations
        self.waiver = waiver
        self.isNew = isNew
    }

    /// Whether the finding counts toward the exit code: not waived and not in the baseline.
    public var counts: Bool { waiver == nil && isNew }
}
