import Foundation

/// A relationship from one package part to another (OPC `Relationship`), target resolved to a
/// part name.
struct PartRelationship {
    let id: String
    /// The last segment of the type URI (`styles`, `theme`, `header`…): the same for
    /// Transitional and Strict files.
    let kind: String
    let target: String
}

/// A `.docx` as an Open Packaging Conventions package: finds the main document part through
/// the package relationships and hands out parsed XML parts within the limits.
struct DocxPackage {
    let limits: DocxLimits
    /// The main document part (`word/document.xml` in every known producer).
    private(set) var mainPart = "word/document.xml"
    private let file: RandomAccessFile
    /// Entries by `key(name)`.
    private let entries: [String: ZipEntry]
    private var budget: DecompressionBudget

    private static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(path: String, limits: DocxLimits) throws(DocxError) {
        let file = try RandomAccessFile(path: path, maxBytes: limits.maxFileBytes)
        if file.size >= 8, try file.read(at: 0, count: 8) == Self.oleSignature { throw .encrypted }
        let directory = try ZipDirectory(file: file)
        var entries: [String: ZipEntry] = [:]
        for entry in directory.entries { entries[Self.key(entry.name)] = entry }
        if entries.keys.contains(where: { $0 == "encryptedpackage" || $0.hasSuffix("/encryptedpackage") }) {
            throw .encrypted
        }
        self.file = file
        self.entries = entries
        self.limits = limits
        self.budget = DecompressionBudget(limits: limits)
        let declared = try relationships(of: "").first { $0.kind == "officeDocument" }?.target
        if let declared, entries[Self.key(declared)] != nil { mainPart = declared }
        guard entries[Self.key(mainPart)] != nil else { throw .missingDocumentXML }
    }

    /// The part parsed as XML, or nil when the package has no such part.
    mutating func xml(_ part: String) throws(DocxError) -> XMLTree? {
        guard let entry = entries[Self.key(part)] else { return nil }
        let bytes = try ZipEntryReader.contents(of: entry, in: file, budget: &budget)
        return try XMLPartParser.parse(bytes, part: part, limits: limits)
    }

    /// The relationships of `part` (`""` for the package itself), internal targets only.
    mutating func relationships(of part: String) throws(DocxError) -> [PartRelationship] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let tree = try xml(relsPart), let root = tree.root else { return [] }
        return root.children("Relationship", in: .packageRelationships).compactMap { node in
            guard node.attribute("TargetMode") != "External", let id = node.attribute("Id"),
                  let type = node.attribute("Type"), let target = node.attribute("Target") else { return nil }
            let kind = type.split(separator: "/").last.map(String.init) ?? type
            return PartRelationship(id: id, kind: kind, target: Self.resolve(target, from: folder))
        }
    }

    /// Part names compare case-insensitively; some zip tools write `\\` for `/`.
    private static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "\\", with: "/")
    }

    /// `target` relative to `folder`, as a part name without a leading slash.
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var segments = decoded.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }
}
