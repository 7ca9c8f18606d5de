/// "Did you mean …?": the closest of a set of known names to a mistyped one.
///
/// Distance is optimal-string-alignment (Levenshtein plus adjacent transposition, so `fnot` is
/// one edit from `font`), counted in `Character`s after lower-casing. `Character` equality is
/// canonical equivalence, so text typed in NFD (decomposed Vietnamese) measures the same as NFC.
enum DidYouMean {
    /// The candidate closest to `name`, when it is close enough to be a plausible typo: at most
    /// one edit for names up to 5 characters, two up to 8, three beyond. Ties go to the
    /// earlier candidate. Nil when nothing is close or `name` itself is a candidate.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let typed = Array(name.lowercased())
        let allowed = typed.count <= 5 ? 1 : typed.count <= 8 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            if candidate == name { return nil }
            let d = distance(typed, Array(candidate.lowercased()))
            if d <= allowed, d < best?.distance ?? .max { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance between two character sequences.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rolling rows: two back (for transpositions), previous, current.
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, twoBack[j - 2] + 1)
                }
                current[j] = d
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
