/// Little-endian integer fields of a zip record, read without trapping: out of range is nil.
struct LittleEndianBytes {
    let bytes: [UInt8]
    let base: Int

    init(_ bytes: [UInt8], at base: Int = 0) {
        self.bytes = bytes
        self.base = base
    }

    func u16(_ offset: Int) -> Int? { value(offset, width: 2) }
    func u32(_ offset: Int) -> Int? { value(offset, width: 4) }
    func u64(_ offset: Int) -> Int? { value(offset, width: 8) }

    private func value(_ offset: Int, width: Int) -> Int? {
        let start = base + offset
        guard start >= 0, start + width <= bytes.count else { return nil }
        var result: UInt64 = 0
        for i in (0 ..< width).reversed() { result = result << 8 | UInt64(bytes[start + i]) }
        return result > UInt64(Int.max) ? nil : Int(result)
    }
}
