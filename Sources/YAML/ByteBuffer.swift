/// A growable byte buffer owned outright by its one user, for the loader's scalar text.
///
/// Appending is a capacity check and a copy. `Array.append(contentsOf:)` cost about a hundred
/// instructions per scalar (uniqueness check, generic slow path), a fifth of the loader's
/// overhead over bare libyaml events.
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
        if count + n > capacity { grow(minimum: count + n) }
        (base + count).initialize(from: bytes, count: n)
        count += n
    }

    /// Forgets the contents, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// The bytes at `offset ..< offset + length`.
    func bytes(at offset: Int, count length: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + offset, count: length)
    }

    /// The contents as an array of exactly `count` bytes.
    func makeArray() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.initialize(from: base, count: count)
            initialized = count
        }
    }

    private mutating func grow(minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
