/// One file of a zip archive, as the central directory describes it.
struct ZipEntry: Sendable {
    let name: String
    let flags: Int
    let method: Int
    let crc32: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let localHeaderOffset: Int

    /// Traditional PKWARE or strong encryption (general purpose flag bit 0).
    var isEncrypted: Bool { flags & 1 != 0 }
}

/// The central directory of a zip file: each entry's name, sizes, compression and position.
///
/// Read here rather than through ZIPFoundation's `Archive`, because extracting through `Archive`
/// reads past an entry's compressed bytes: a deflate stream that never ends makes ZIPFoundation
/// 0.9.20 loop forever at end of file. `ZipEntryReader` feeds the inflater only the entry's own
/// bytes. ZIP64 sizes and offsets are understood.
struct ZipDirectory {
    let entries: [ZipEntry]

    private static let endSignature = 0x0605_4B50
    private static let zip64LocatorSignature = 0x0706_4B50
    private static let zip64EndSignature = 0x0606_4B50
    private static let entrySignature = 0x0201_4B50
    private static let minimumEntrySize = 46

    init(file: RandomAccessFile) throws(DocxError) {
        let tailLength = min(file.size, 22 + 0xFFFF)
        let tailStart = file.size - tailLength
        let tail = try file.read(at: tailStart, count: tailLength)
        guard let end = Self.lastEndRecord(in: tail) else { throw .notAZip }
        let record = LittleEndianBytes(tail, at: end)
        guard var count = record.u16(10), var size = record.u32(12), var offset = record.u32(16) else { throw .notAZip }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            (count, size, offset) = try Self.zip64End(file: file, endRecordAt: tailStart + end)
        }
        guard offset <= file.size, size <= file.size - offset, count <= size / Self.minimumEntrySize else { throw .notAZip }
        entries = try Self.entries(in: try file.read(at: offset, count: size), count: count)
    }

    /// The offset in `tail` of the last end-of-central-directory record.
    private static func lastEndRecord(in tail: [UInt8]) -> Int? {
        var i = tail.count - 22
        while i >= 0 {
            if LittleEndianBytes(tail, at: i).u32(0) == endSignature { return i }
            i -= 1
        }
        return nil
    }

    private static func zip64End(file: RandomAccessFile, endRecordAt position: Int) throws(DocxError)
        -> (count: Int, size: Int, offset: Int) {
        guard position >= 20 else { throw .notAZip }
        let locator = LittleEndianBytes(try file.read(at: position - 20, count: 20))
        guard locator.u32(0) == zip64LocatorSignature, let recordOffset = locator.u64(8),
              recordOffset <= file.size - 56 else { throw .notAZip }
        let record = LittleEndianBytes(try file.read(at: recordOffset, count: 56))
        guard record.u32(0) == zip64EndSignature, let count = record.u64(32), let size = record.u64(40),
              let offset = record.u64(48), size <= file.size, offset <= file.size else { throw .notAZip }
        return (count, size, offset)
    }

    private static func entries(in directory: [UInt8], count: Int) throws(DocxError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var position = 0
        for _ in 0 ..< count {
            let record = LittleEndianBytes(directory, at: position)
            guard record.u32(0) == entrySignature,
                  let flags = record.u16(8), let method = record.u16(10), let crc = record.u32(16),
                  var compressed = record.u32(20), var uncompressed = record.u32(24),
                  let nameLength = record.u16(28), let extraLength = record.u16(30),
                  let commentLength = record.u16(32), var offset = record.u32(42) else { throw .notAZip }
            let nameStart = position + minimumEntrySize
            let extraStart = nameStart + nameLength
            guard extraStart + extraLength <= directory.count else { throw .notAZip }
            if uncompressed == 0xFFFF_FFFF || compressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                var extra = Zip64ExtraField(directory[extraStart ..< extraStart + extraLength])
                if uncompressed == 0xFFFF_FFFF { uncompressed = try extra.next() }
                if compressed == 0xFFFF_FFFF { compressed = try extra.next() }
                if offset == 0xFFFF_FFFF { offset = try extra.next() }
            }
            let name = String(decoding: directory[nameStart ..< extraStart], as: UTF8.self)
            entries.append(ZipEntry(name: name, flags: flags, method: method, crc32: UInt32(crc),
                                    compressedSize: compressed, uncompressedSize: uncompressed,
                                    localHeaderOffset: offset))
            position = extraStart + extraLength + commentLength
        }
        return entries
    }
}

/// The ZIP64 extended information of a central directory entry: its 64-bit values, in order.
private struct Zip64ExtraField {
    private let values: [UInt8]
    private var position = 0

    init(_ extra: ArraySlice<UInt8>) {
        let bytes = Array(extra)
        var i = 0
        var found: [UInt8] = []
        while let id = LittleEndianBytes(bytes, at: i).u16(0), let length = LittleEndianBytes(bytes, at: i).u16(2),
              i + 4 + length <= bytes.count {
            if id == 1 {
                found = Array(bytes[i + 4 ..< i + 4 + length])
                break
            }
            i += 4 + length
        }
        values = found
    }

    mutating func next() throws(DocxError) -> Int {
        guard let value = LittleEndianBytes(values, at: position).u64(0) else { throw .notAZip }
        position += 8
        return value
    }
}
