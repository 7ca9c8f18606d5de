import Foundation

/// Builds zip files byte by byte for tests: valid packages with stored entries, and hostile
/// ones (lying sizes, bombs, never-ending deflate streams, encrypted flags). Nothing is
/// committed: every file is made in a temporary directory at test time.
struct ZipBuilder {
    struct Entry {
        var name: String
        var method: UInt16 = 0
        var flags: UInt16 = 0
        var data: [UInt8]
        var crc: UInt32
        var uncompressedSize: UInt32
        /// Written as a ZIP64 extended-information field, with 0xFFFFFFFF in the 32-bit field.
        var zip64LocalHeaderOffset: UInt64?
    }

    private(set) var entries: [Entry] = []

    /// An uncompressed entry with the right checksum.
    mutating func stored(_ name: String, _ text: String, flags: UInt16 = 0) {
        stored(name, bytes: Array(text.utf8), flags: flags)
    }

    mutating func stored(_ name: String, bytes: [UInt8], flags: UInt16 = 0) {
        entries.removeAll { $0.name == name }
        entries.append(Entry(name: name, flags: flags, data: bytes, crc: CRC32.checksum(bytes), uncompressedSize: UInt32(bytes.count)))
    }

    /// A deflated entry: raw deflate data with whatever size and checksum it is said to have.
    /// Makes the last entry claim its local header is at `offset`, through a ZIP64 field.
    mutating func claimLocalHeader(at offset: UInt64) {
        entries[entries.count - 1].zip64LocalHeaderOffset = offset
    }

    mutating func deflated(_ name: String, rawDeflate: [UInt8], declaredSize: UInt32, crc: UInt32 = 0) {
        entries.append(Entry(name: name, method: 8, data: rawDeflate, crc: crc, uncompressedSize: declaredSize))
    }

    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = out.count
            let name = Array(entry.name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x21)
            out += le32(entry.crc) + le32(UInt32(entry.data.count)) + le32(entry.uncompressedSize)
            out += le16(UInt16(name.count)) + le16(0) + name + entry.data
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x21)
            directory += le32(entry.crc) + le32(UInt32(entry.data.count)) + le32(entry.uncompressedSize)
            let extra = entry.zip64LocalHeaderOffset.map { le16(1) + le16(8) + le32(UInt32($0 & 0xFFFF_FFFF)) + le32(UInt32($0 >> 32)) } ?? []
            let offsetField = entry.zip64LocalHeaderOffset == nil ? UInt32(offset) : 0xFFFF_FFFF
            directory += le16(UInt16(name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
            directory += le32(offsetField) + name + extra
        }
        let directoryOffset = out.count
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return out
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0 ..< 4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

enum CRC32 {
    private static let table: [UInt32] = (0 ..< 256).map { n in
        (0 ..< 8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { table[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
    }
}

/// Raw deflate streams written bit by bit.
enum Deflate {
    /// One fixed-Huffman block of `1 + 258 × matches` zero bytes: a literal 0, then back-references
    /// of length 258 at distance 1. 200 MiB of zeros take about 1.3 MB.
    static func zeros(matches: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)            // BFINAL
        writer.write(1, bits: 2)            // BTYPE 01: fixed Huffman
        writer.writeCode(0x30, bits: 8)     // literal 0
        for _ in 0 ..< matches {
            writer.writeCode(0xC5, bits: 8) // length code 285: 258
            writer.writeCode(0, bits: 5)    // distance code 0: 1
        }
        writer.writeCode(0, bits: 7)        // end of block (256)
        return writer.flushed
    }

    /// A stored block that announces 65535 bytes and is not the last: the stream never ends
    /// inside its entry.
    static let neverEnding: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00]

    private struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var count = 0

        /// Writes `bits` bits of `value`, least significant first (header fields).
        mutating func write(_ value: UInt32, bits: Int) {
            for i in 0 ..< bits { push((value >> i) & 1) }
        }

        /// Writes a Huffman code, most significant bit first.
        mutating func writeCode(_ code: UInt32, bits: Int) {
            for i in (0 ..< bits).reversed() { push((code >> i) & 1) }
        }

        private mutating func push(_ bit: UInt32) {
            buffer |= bit << count
            count += 1
            if count == 8 {
                bytes.append(UInt8(buffer))
                buffer = 0
                count = 0
            }
        }

        var flushed: [UInt8] { count > 0 ? bytes + [UInt8(buffer)] : bytes }
    }
}

/// A temporary directory removed when the test ends.
final class TemporaryFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// Small `.docx` packages written from WordprocessingML snippets.
enum MiniDocx {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let rels = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// A package whose document body is `body`, with optional styles, theme and footer parts.
    static func package(body: String, styles: String? = nil, footer: String? = nil) -> ZipBuilder {
        var zip = ZipBuilder()
        zip.stored("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(rels)">\
            <Relationship Id="rId1" Type="\(r)/officeDocument" Target="word/document.xml"/></Relationships>
            """)
        var related = ""
        if styles != nil { related += #"<Relationship Id="rIdS" Type="\#(r)/styles" Target="styles.xml"/>"# }
        if footer != nil { related += #"<Relationship Id="rIdF" Type="\#(r)/footer" Target="footer1.xml"/>"# }
        zip.stored("word/_rels/document.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="\#(rels)">\#(related)</Relationships>"#)
        zip.stored("word/document.xml", #"<?xml version="1.0"?><w:document xmlns:w="\#(w)" xmlns:r="\#(r)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\#(body)</w:body></w:document>"#)
        if let styles { zip.stored("word/styles.xml", #"<?xml version="1.0"?><w:styles xmlns:w="\#(w)">\#(styles)</w:styles>"#) }
        if let footer { zip.stored("word/footer1.xml", #"<?xml version="1.0"?><w:ftr xmlns:w="\#(w)">\#(footer)</w:ftr>"#) }
        return zip
    }

    /// A paragraph of runs; `|` separates runs, `\t` and `\n` become tabs and breaks.
    static func p(_ text: String, properties: String = "", run: String = "") -> String {
        let runs = text.split(separator: "|", omittingEmptySubsequences: false).map { piece in
            let content = piece.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { #"<w:t xml:space="preserve">\#($0)</w:t>"# }.joined(separator: "<w:tab/>")
            }.joined(separator: "<w:br/>")
            return "<w:r><w:rPr>\(run)</w:rPr>\(content)</w:r>"
        }.joined()
        return "<w:p><w:pPr>\(properties)</w:pPr>\(runs)</w:p>"
    }
}
