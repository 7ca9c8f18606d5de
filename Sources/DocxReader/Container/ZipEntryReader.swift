import Foundation
import ZIPFoundation

/// How many decompressed bytes the parts still read may produce: per part, and in total.
struct DecompressionBudget {
    let limits: DocxLimits
    private(set) var spent = 0

    init(limits: DocxLimits) { self.limits = limits }

    /// The most bytes the next part may decompress to, and the limit to name if it tries more.
    var allowance: (bytes: Int, limit: Int) {
        let remaining = limits.maxTotalBytes - spent
        return remaining < limits.maxPartBytes ? (max(remaining, 0), limits.maxTotalBytes) : (limits.maxPartBytes, limits.maxPartBytes)
    }

    mutating func spend(_ bytes: Int) { spent += bytes }
}

/// Decompresses one zip entry with every read bounded: the inflater sees only the entry's own
/// compressed bytes, and output past the budget is refused as it is produced, not after.
enum ZipEntryReader {
    private static let localHeaderSignature = 0x0403_4B50
    private static let chunkSize = 1 << 16

    static func contents(of entry: ZipEntry, in file: RandomAccessFile,
                         budget: inout DecompressionBudget) throws(DocxError) -> [UInt8] {
        guard !entry.isEncrypted else { throw .encrypted }
        let (allowed, limit) = budget.allowance
        guard entry.uncompressedSize <= allowed else { throw .zipBomb(part: entry.name, limit: limit) }
        let start = try dataOffset(of: entry, in: file)
        guard entry.compressedSize <= file.size - start else {
            throw .damagedEntry(part: entry.name, reason: "dữ liệu nén vượt quá cuối tệp")
        }
        let bytes: [UInt8]
        let checksum: UInt32
        switch entry.method {
        case 0:
            guard entry.compressedSize <= allowed else { throw .zipBomb(part: entry.name, limit: limit) }
            bytes = try file.read(at: start, count: entry.compressedSize)
            checksum = Data(bytes).crc32(checksum: 0)
        case 8:
            (bytes, checksum) = try inflate(entry, from: file, at: start, allowed: allowed, limit: limit)
        default:
            throw .damagedEntry(part: entry.name, reason: "phương thức nén \(entry.method) không được hỗ trợ")
        }
        guard checksum == entry.crc32 else { throw .damagedEntry(part: entry.name, reason: "sai mã kiểm tra CRC-32") }
        budget.spend(bytes.count)
        return bytes
    }

    private static func dataOffset(of entry: ZipEntry, in file: RandomAccessFile) throws(DocxError) -> Int {
        guard entry.localHeaderOffset <= file.size - 30 else {
            throw .damagedEntry(part: entry.name, reason: "thiếu phần đầu của mục nén")
        }
        let header = LittleEndianBytes(try file.read(at: entry.localHeaderOffset, count: 30))
        guard header.u32(0) == localHeaderSignature, let nameLength = header.u16(26), let extraLength = header.u16(28) else {
            throw .damagedEntry(part: entry.name, reason: "phần đầu của mục nén không hợp lệ")
        }
        return entry.localHeaderOffset + 30 + nameLength + extraLength
    }

    /// Inflates through ZIPFoundation's zlib wrapper. Its decoder announces a full chunk to zlib
    /// whatever the provider returns, so every chunk handed over is exactly `chunkSize` bytes
    /// (zero-padded past the entry's end), and asking for more than the entry holds is an error.
    private static func inflate(_ entry: ZipEntry, from file: RandomAccessFile, at start: Int, allowed: Int,
                                limit: Int) throws(DocxError) -> ([UInt8], UInt32) {
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, allowed))
        var consumed = 0
        do {
            let checksum = try Data.decompress(
                size: Int64(entry.compressedSize), bufferSize: chunkSize, skipCRC32: false,
                provider: { _, size in
                    let available = min(size, entry.compressedSize - consumed)
                    guard available > 0 else {
                        throw DocxError.damagedEntry(part: entry.name, reason: "dữ liệu nén bị cắt cụt")
                    }
                    var chunk = Data(count: size)
                    try chunk.withUnsafeMutableBytes { buffer in
                        try file.read(at: start + consumed, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0 ..< available]))
                    }
                    consumed += available
                    return chunk
                },
                consumer: { data in
                    guard output.count + data.count <= allowed else {
                        throw DocxError.zipBomb(part: entry.name, limit: limit)
                    }
                    output.append(contentsOf: data)
                })
            return (output, checksum)
        } catch let error as DocxError {
            throw error
        } catch {
            throw .damagedEntry(part: entry.name, reason: "dữ liệu nén không hợp lệ")
        }
    }
}
