import Synchronization

/// Results of a pure parse, keyed by the text parsed and shared by all threads. Rules read the
/// same document number, type name or date line many times (several rules per document, and
/// ND30-NUMBER-UNIQUE compares every pair), and type names repeat across reports, so each text
/// is parsed once. Bounded: emptied when it holds `limit` entries.
final class ParseCache<Result: Sendable>: Sendable {
    private let storage = Mutex<[String: Result]>([:])
    private let limit: Int

    init(limit: Int = 20_000) { self.limit = limit }

    /// The cached result for `text`, computing it with `parse` the first time.
    func value(for text: String, _ parse: (String) -> Result) -> Result {
        if let cached = storage.withLock({ $0[text] }) { return cached }
        let result = parse(text)
        storage.withLock {
            if $0.count >= limit { $0.removeAll(keepingCapacity: true) }
            $0[text] = result
        }
        return result
    }
}
