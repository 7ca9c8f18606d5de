/// A lookup from normalised key to entry position for a reference table, refusing blank and
/// repeated keys.
struct UniqueKeyIndex: Sendable {
    private var positions: [String: Int] = [:]

    /// Indexes `entries` under the keys `keys` gives for each (none, one or several), each with
    /// the value as written, which errors quote; `field` names the data field in errors.
    init<Entry>(_ entries: [Entry], field: String,
                keys: (Entry) -> [(written: String, key: String)]) throws(TableDataError) {
        for (index, entry) in entries.enumerated() {
            for (written, key) in keys(entry) {
                guard !key.allSatisfy(\.isWhitespace) else { throw .emptyValue(field: field, index: index) }
                if let firstIndex = positions[key], firstIndex != index {
                    throw .duplicateValue(field: field, value: written, index: index, firstIndex: firstIndex)
                }
                positions[key] = index
            }
        }
    }

    /// The position of the entry indexed under `key`, if any.
    func position(of key: String) -> Int? {
        positions[key]
    }
}
