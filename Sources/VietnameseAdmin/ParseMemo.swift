#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last values parsed from texts, kept per thread. Rules ask about one document's number
/// and place-and-date line many times (ND30-NUMBER-FORMAT, -ZERO, -TYPE-ABBR, -UNIQUE, which
/// reads every earlier document's number again; DATE-LINE and DATE-MATCH), and each question
/// parsed the text anew. Per thread, so the workers checking reports never wait on a lock; a
/// value is reused only for the very same bytes (not merely a canonically equal string), so a
/// result never depends on what another report spelled first.
final class ParseMemo<Value>: @unchecked Sendable {
    private let key: pthread_key_t
    private let capacity: Int
    private let parse: (String) -> Value

    private final class Entries {
        var values: [Bytes: Value] = [:]
    }

    /// A text hashed and compared by its UTF-8 bytes: the very same bytes, and no normalising
    /// of non-ASCII text as `String`'s hashing and `==` do.
    private struct Bytes: Hashable {
        let text: String

        static func == (left: Bytes, right: Bytes) -> Bool {
            guard left.text.utf8.count == right.text.utf8.count else { return false }
            let same = left.text.utf8.withContiguousStorageIfAvailable { leftBytes in
                right.text.utf8.withContiguousStorageIfAvailable { leftBytes.elementsEqual($0) }
            }
            return (same ?? nil) ?? left.text.utf8.elementsEqual(right.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }

    /// A memo of at most `capacity` texts per thread (emptied when full) for `parse`.
    init(capacity: Int, parse: @escaping (String) -> Value) {
        var key = pthread_key_t()
        // The entries of a thread are released when the thread ends.
        precondition(pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
        } == 0, "pthread_key_create")
        self.key = key
        self.capacity = capacity
        self.parse = parse
    }

    /// `parse(text)`, or the value parsed before from the same bytes on this thread.
    func callAsFunction(_ text: String) -> Value {
        let entries: Entries
        if let pointer = pthread_getspecific(key) {
            entries = Unmanaged<Entries>.fromOpaque(pointer).takeUnretainedValue()
        } else {
            entries = Entries()
            pthread_setspecific(key, Unmanaged.passRetained(entries as AnyObject).toOpaque())
        }
        let key = Bytes(text: text)
        if let hit = entries.values[key] { return hit }
        let value = parse(text)
        if entries.values.count >= capacity { entries.values.removeAll(keepingCapacity: true) }
        entries.values[key] = value
        return value
    }
}

enum ParseMemos {
    static let documentNumbers = ParseMemo<DocumentNumber?>(capacity: 256) { DocumentNumber(parsing: $0) }
    static let placeDateLines = ParseMemo<PlaceDateLine>(capacity: 256) { PlaceDateLine($0) }
}
