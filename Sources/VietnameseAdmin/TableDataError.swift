/// Why a reference table (document types, signing prefixes) cannot be built from the values
/// read from its pack data file.
public enum TableDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The entry at `index` (0-based) has an empty or blank `field`.
    case emptyValue(field: String, index: Int)
    /// The entry at `index` repeats `value` in `field`, first given by the entry at `firstIndex`.
    case duplicateValue(field: String, value: String, index: Int, firstIndex: Int)

    /// The problem in Vietnamese, naming the field and entries (numbered from 1).
    public var description: String {
        switch self {
        case let .emptyValue(field, index):
            return "mục thứ \(index + 1): \(field) để trống"
        case let .duplicateValue(field, value, index, firstIndex):
            return "mục thứ \(index + 1): \(field) \"\(value)\" trùng với mục thứ \(firstIndex + 1)"
        }
    }
}
