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
        var values: [String: (text: String, value: Value)] = [:]
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
        if let hit = entries.values[text], hit.text.utf8.elementsEqual(text.utf8) { return hit.value }
        let value = parse(text)
        if entries.values.count >= capacity { entries.values.removeAll(keepingCapacity: true) }
        entries.values[text] = (text, value)
        return value
    }
}

enum ParseMemos {
    static let documentNumbers = ParseMemo<DocumentNumber?>(capacity: 256) { DocumentNumber(parsing: $0) }
    static let placeDateLines = ParseMemo<PlaceDateLine>(capacity: 256) { PlaceDateLine($0) }
}
