/// "Did you mean …?" for unknown names (rule keys, functions, fields, rule ids, parameters).
public enum Suggestions {
    /// The candidate nearest to `name`, if it is close enough to be a plausible typo
    /// (edit distance with transpositions, NFC-safe: see `DidYouMean`).
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        DidYouMean.closest(to: name, among: candidates)
    }

    /// ` — ý bạn là 'x'?` or nothing.
    public static func phrase(_ suggestion: String?) -> String {
        suggestion.map { " — ý bạn là '\($0)'?" } ?? ""
    }
}
