/// The one table of output formats, keyed by format name. Adding a format is one new file with a
/// `Reporter` and one line in `reporters`.
public enum ReporterRegistry {
    /// Every format, in the order `--help` lists them.
    public static let reporters: [any Reporter] = [
        TextReporter(),
        JSONReporter(),
        SARIFReporter(),
        JUnitReporter(),
        GitHubReporter(),
        MarkdownReporter(),
        HTMLReporter(),
    ]

    private static let byFormat: [String: any Reporter] =
        Dictionary(uniqueKeysWithValues: reporters.map { ($0.format, $0) })

    /// The format names, in table order.
    public static var formats: [String] { reporters.map(\.format) }

    /// The reporter for a format name, or nil when there is none.
    public static func reporter(for format: String) -> (any Reporter)? { byFormat[format] }
}
