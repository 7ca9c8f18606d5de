import RuleEngine

/// The administrative document types of Decree 30/2020/NĐ-CP (Điều 7) and their abbreviations
/// (Phụ lục III), built from the values of `Rules/nd30/data/document-types.yaml`.
///
/// Type names are compared in NFC or NFD alike,
/// surrounding and repeated whitespace ignored, both tone placements accepted (`Bản thỏa thuận`
/// = `Bản thoả thuận`, `Giấy ủy quyền` = `Giấy uỷ quyền`), and a name followed by its entry's
/// qualifier (`Quyết định (cá biệt)`) equal to the bare name, in any letter case (`QUYẾT ĐỊNH`,
/// as the document prints it, is Quyết định). Abbreviations are compared exactly (after NFC):
/// `HĐ` is Hợp đồng, `HD` is Hướng dẫn.
public struct DocumentTypeTable: Sendable {
    /// The entries in data-file order.
    public let entries: [DocumentTypeEntry]
    private let nameIndex: UniqueKeyIndex
    private let abbreviationIndex: UniqueKeyIndex
    /// Each name as the table writes it (and with its qualifier): the common case, a report that
    /// spells the type as the decree does, is found without normalising (Swift's `==` and hashing
    /// already treat NFC and NFD alike). Rules ask for a document's type several times per
    /// document; normalising it each time was the largest cost of a check run.
    private let exactNames: [String: Int]

    /// A table of `entries`, as the pack data file lists them.
    /// - Throws: `TableDataError` when a name, qualifier or abbreviation is empty, or when two
    ///   entries share a name or an abbreviation.
    public init(entries: [DocumentTypeEntry]) throws(TableDataError) {
        for (index, entry) in entries.enumerated() {
            if let qualifier = entry.qualifier, qualifier.allSatisfy(\.isWhitespace) {
                throw .emptyValue(field: "qualifier", index: index)
            }
        }
        self.entries = entries
        nameIndex = try UniqueKeyIndex(entries, field: "name") { entry in
            let names = [entry.name] + (entry.qualifier.map { ["\(entry.name) (\($0))"] } ?? [])
            return names.map { ($0, VietnameseText.nameComparisonKey($0)) }
        }
        var exact: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for name in [entry.name] + (entry.qualifier.map { ["\(entry.name) (\($0))"] } ?? []) where exact[name] == nil {
                exact[name] = index
            }
        }
        exactNames = exact
        abbreviationIndex = try UniqueKeyIndex(entries, field: "abbreviation") { entry in
            entry.abbreviation.map { [($0, UnicodeText.nfc($0))] } ?? []
        }
    }

    /// The entry of the type named `name`, however its name is spelled (see the type's
    /// documentation); nil for a type outside the table.
    public func entry(forType name: String) -> DocumentTypeEntry? {
        if let position = exactNames[name] { return entries[position] }
        return nameIndex.position(of: VietnameseText.nameComparisonKey(name)).map { entries[$0] }
    }

    /// Whether `name` is one of the table's types.
    public func isKnownType(_ name: String) -> Bool {
        entry(forType: name) != nil
    }

    /// The abbreviation of the type named `name`; nil for a type without one (Công văn,
    /// Thư công) and for an unknown type — `hasNoAbbreviation(_:)` tells them apart.
    public func abbreviation(forType name: String) -> String? {
        entry(forType: name)?.abbreviation
    }

    /// Whether `name` is a known type that has no abbreviation (Công văn, Thư công), whose
    /// symbol starts with the issuing agency.
    public func hasNoAbbreviation(_ name: String) -> Bool {
        kind(ofType: name) == .withoutAbbreviation
    }

    /// The entry whose abbreviation is exactly `abbreviation` (case-sensitive: `HĐ` ≠ `HD`);
    /// nil when no type has it.
    public func type(forAbbreviation abbreviation: String) -> DocumentTypeEntry? {
        abbreviationIndex.position(of: UnicodeText.nfc(abbreviation)).map { entries[$0] }
    }

    /// How the number symbol of a document of type `name` is shaped: with an abbreviation,
    /// without one, or unknown for a type outside the table.
    public func kind(ofType name: String) -> DocumentTypeKind {
        guard let entry = entry(forType: name) else { return .unknown }
        return entry.abbreviation == nil ? .withoutAbbreviation : .withAbbreviation
    }
}
